package vn.ttdn.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * The same completion sent twice (a double click, a client that retries): it takes effect once. The
 * second answers 409 with its problem (the API) or the Vietnamese message (the page), whether it comes
 * after the first or at the same moment; one completion in the engine's history, one step in the
 * approval journal, one audit event, one decision written, one next task.
 */
@WebTest
class DoubleCompletionTest {

    private static final Cast QNG = Cast.of("qng");
    private static final Map<String, Object> APPROVE = Map.of("decision", "approve");

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;

    @Test
    void aCompletionSentAgainAfterItsFirstAnswers409AndChangesNothing() throws Exception {
        // given the director holding the Tờ trình
        Held held = held("QNG-TWICE-AFTER");

        // when they complete it, and the same request comes again
        Answer first = chain.post("/api/tasks/" + held.taskId + "/complete", QNG.director(), APPROVE);
        Effects once = effects(held);
        Answer again = chain.post("/api/tasks/" + held.taskId + "/complete", QNG.director(), APPROVE);

        // then the second is refused with 409 and its Vietnamese words, and nothing more happened
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("errors").get(0).path("code").asText()).isEqualTo("task.completed");
        assertThat(again.body().path("errors").get(0).path("text").asText()).isEqualTo("Việc đã được hoàn thành trước đó.");
        assertThat(effects(held)).isEqualTo(once);
        assertCompletedOnce(held, once);

        // and the task's page, opened again (the browser's back button), sends to the inbox saying why
        MvcResult page = mvc.perform(MockMvcRequestBuilders.get("/viec/" + held.taskId)
                .with(user(users.loadUserByUsername(QNG.director())))).andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/viec");
        assertThat(page.getFlashMap().get("error")).isEqualTo("Việc đã được hoàn thành trước đó.");
    }

    @Test
    void twoCompletionsAtTheSameMomentTakeEffectOnceAndTheOtherAnswers409() throws Exception {
        // given the director holding the Tờ trình, and its row locked so that two completions meet at it
        Held held = held("QNG-TWICE-ATONCE");
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        List<Future<Answer>> answers = new ArrayList<>();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.executeQuery("select id_ from public.act_ru_task where id_ = '" + held.taskId + "' for update")
                        .close();
            }

            // when two completions are sent at once, both under way before either can finish
            for (int i = 0; i < 2; i++) {
                answers.add(clicks.submit(() -> chain.post("/api/tasks/" + held.taskId + "/complete", QNG.director(),
                        APPROVE)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> waitingOnLocks(locker) >= 2);
            locker.rollback();
        }

        // then one completes it and the other is refused with 409
        List<Integer> statuses = new ArrayList<>();
        List<Answer> refused = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            Answer a = answer.get(60, TimeUnit.SECONDS);
            statuses.add(a.status());
            if (a.status() != 200) {
                refused.add(a);
            }
        }
        clicks.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(refused.get(0).body().path("errors").get(0).path("code").asText()).isEqualTo("task.completed");

        // and nothing is doubled
        assertCompletedOnce(held, effects(held));
    }

    /** A plan in approval whose Tờ trình the director has claimed, and what was recorded before they complete it. */
    private Held held(String code) throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, code);
        Chain.ok(chain.start(planId, QNG.drafter()));
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        String taskId = chain.task(planId, "userTask_directorApproval", QNG.director());
        Chain.ok(chain.post("/api/tasks/" + taskId + "/claim", QNG.director(), null));
        String instanceId = db.jdbc().queryForObject("select proc_inst_id_ from public.act_ru_task where id_ = ?",
                String.class, taskId);
        return new Held(planId, taskId, instanceId, effects(planId, taskId, instanceId));
    }

    private record Held(long planId, String taskId, String instanceId, Effects before) {
    }

    /** What a completion of the director's task writes, counted. */
    private record Effects(int journalSteps, int completedEvents, int endedTasks, int decisionsWritten,
                           int officeReviews) {
    }

    private Effects effects(Held held) {
        return effects(held.planId, held.taskId, held.instanceId);
    }

    private Effects effects(long planId, String taskId, String instanceId) {
        return new Effects(
                count("select count(*) from ttdn.approval_step where plan_id = ? and step = 'DIRECTOR'", planId),
                count("select count(*) from ttdn.audit_event where kind = 'task.completed' and task_id = ?", taskId),
                count("select count(*) from public.act_hi_taskinst where id_ = ? and end_time_ is not null", taskId),
                count("select count(*) from public.act_hi_detail where proc_inst_id_ = ? and name_ = 'decision'",
                        instanceId),
                count("select count(*) from public.act_ru_task where proc_inst_id_ = ? "
                        + "and task_def_key_ = 'userTask_officeReview'", instanceId));
    }

    private void assertCompletedOnce(Held held, Effects after) {
        assertThat(held.before).isEqualTo(new Effects(0, 0, 0, held.before.decisionsWritten(), 0));
        assertThat(after).isEqualTo(new Effects(1, 1, 1, held.before.decisionsWritten() + 1, 1));
    }

    private int count(String sql, Object argument) {
        return db.jdbc().queryForObject(sql, Integer.class, argument);
    }

    /** Sessions other than the locker's waiting for a lock. */
    private static int waitingOnLocks(Connection locker) throws java.sql.SQLException {
        try (Statement s = locker.createStatement();
             ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                     + "and pid <> pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        }
    }
}
