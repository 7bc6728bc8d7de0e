package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * Fifty approved plans issued at once by clerks of one body: fifty distinct, consecutive numbers of
 * its register, none skipped. Each plan's process starts before the issuance (the segment under test).
 */
@WebTest
class ConcurrentIssuanceTest {

    private static final int PLANS = 50;

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    RuntimeService runtime;

    @Test
    void fiftyPlansIssuedConcurrentlyGetFiftyDistinctConsecutiveNumbers() throws Exception {
        // given: fifty approved Ninh Thuận plans waiting for the clerk
        List<Long> plans = new ArrayList<>();
        for (int i = 0; i < PLANS; i++) {
            long planId = chain.importSeed(SeedPlans.NINH_THUAN, "NTH-CONC-" + i);
            approvedByTheViceChairman(planId);
            runtime.createProcessInstanceByKey("plan-approval").businessKey("NTH-CONC-" + i)
                    .setVariables(Map.of("planId", planId, "drafter", "cv.stttt.nth", "consolidatingBody", "NTH-STTTT",
                            "issuingBody", "NTH-UBND", "issuingOffice", "NTH-VPUB", "version", 1))
                    .startBeforeActivity("userTask_issue").execute();
            plans.add(planId);
        }

        // when: the clerk issues them all at once, dated in 2027 (a register year of its own)
        ExecutorService pool = Executors.newFixedThreadPool(PLANS);
        try {
            List<Callable<Chain.Answer>> issues = plans.stream().<Callable<Chain.Answer>>map(planId -> () -> {
                String id = chain.task(planId, "userTask_issue", "vt.ubnd.nth");
                Chain.ok(againOn503(() -> chain.post("/api/tasks/" + id + "/claim", "vt.ubnd.nth", null)));
                return againOn503(() -> chain.post("/api/tasks/" + id + "/complete", "vt.ubnd.nth",
                        Map.of("issueDate", "2027-01-15")));
            }).toList();
            for (Future<Chain.Answer> done : pool.invokeAll(issues)) {
                Chain.ok(done.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        List<Integer> numbers = db.jdbc().queryForList("""
                select number from ttdn.register_entry
                where body_code = 'NTH-UBND' and year = 2027 and document_type = 'KH' order by number""", Integer.class);
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, PLANS).boxed().toList());
        assertThat(db.jdbc().queryForObject("select last_number from ttdn.register_counter where body_code = "
                + "'NTH-UBND' and year = 2027 and document_type = 'KH'", Integer.class)).isEqualTo(PLANS);
        assertThat(db.jdbc().queryForObject("select count(distinct issued_reference) from ttdn.plan where id in ("
                + String.join(",", plans.stream().map(String::valueOf).toList()) + ") and status = 'ISSUED'",
                Integer.class)).isEqualTo(PLANS);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.plan where issued_reference = '50/KH-UBND' "
                + "and issued_on = date '2027-01-15'", Integer.class)).isEqualTo(1);
    }

    /**
     * Sent again while the answer is 503, as a client does with its Retry-After: fifty requests at once
     * on a busy machine may wait longer for a connection than the pool's timeout, and are then refused
     * with nothing changed (docs/faults.md). Whatever else comes back is the answer.
     */
    private static Chain.Answer againOn503(Callable<Chain.Answer> request) throws Exception {
        Chain.Answer answer = request.call();
        for (int attempt = 1; answer.status() == 503 && attempt < 10; attempt++) {
            Thread.sleep(1000);
            answer = request.call();
        }
        return answer;
    }

    /** The state the chain leaves an approved plan in: APPROVED, with the leader's approval in the journal. */
    private void approvedByTheViceChairman(long planId) {
        db.jdbc().update("update ttdn.plan set status = 'APPROVED' where id = ?", planId);
        db.jdbc().update("""
                insert into ttdn.approval_step (plan_id, version, step, outcome, actor, actor_name, actor_title,
                                                actor_body, taken_at)
                select ?, 1, 'DECISION', 'APPROVED', username, full_name, title, body_code, now()
                from ttdn.person where username = 'pct.ubnd.nth'""", planId);
    }
}
