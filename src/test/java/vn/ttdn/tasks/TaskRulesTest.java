package vn.ttdn.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.approval.Approvals;
import vn.ttdn.approval.Step;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * Each rule of the task API tried by the wrong person: answered 403 (or 409 when someone else was
 * first), and nothing changed, neither the task nor the journal nor the plan.
 */
@WebTest
class TaskRulesTest {

    private static final Cast QNG = Cast.of("qng");

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    TaskService engineTasks;
    @Autowired
    DirectoryService directory;
    @Autowired
    Approvals approvals;

    @Test
    void onlyAnOfficerOfTheConsolidatingBodyStartsTheApprovalAndOnlyOnce() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-RULE-START");

        Answer wrong = chain.start(planId, QNG.reviewer());
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(status(planId)).isEqualTo("DRAFT");
        assertThat(steps(planId)).isZero();

        Chain.ok(chain.start(planId, QNG.drafter()));
        Answer again = chain.start(planId, QNG.drafter());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("errors").get(0).path("code").asText()).isEqualTo("approval.running");
        assertThat(steps(planId)).isEqualTo(1);
    }

    @Test
    void aNonCandidateMayNotClaimAndOtherBodiesDoNotSeeTheTask() throws Exception {
        long planId = submitted("QNG-RULE-CLAIM");
        String id = chain.task(planId, "userTask_directorApproval", QNG.director());

        Answer claim = chain.post("/api/tasks/" + id + "/claim", QNG.reviewer(), null);
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.body().path("errors").get(0).path("code").asText()).isEqualTo("task.notCandidate");
        assertThat(engineTasks.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();

        assertThat(chain.tasks(planId, "userTask_directorApproval", "gd.stttt.nth")).isEmpty();
        assertThat(chain.get("/api/tasks/" + id, "gd.stttt.nth").status()).isEqualTo(403);
        assertThat(chain.get("/api/tasks/" + id + "/form", "cv.stttt.nth").status()).isEqualTo(403);
    }

    @Test
    void onlyTheAssigneeCompletesAndASecondClaimantGets409() throws Exception {
        directory.savePerson("pgd.stttt.qng", "Lê Văn Phó", "Phó Giám đốc Sở Thông tin và Truyền thông",
                "QNG-STTTT", null, "{noop}unused", Set.of(Role.LEADER));
        long planId = submitted("QNG-RULE-ASSIGNEE");
        String id = chain.task(planId, "userTask_directorApproval", QNG.director());

        Answer unclaimed = chain.post("/api/tasks/" + id + "/complete", QNG.director(), Map.of("decision", "approve"));
        assertThat(unclaimed.status()).isEqualTo(403);
        assertThat(unclaimed.body().path("errors").get(0).path("code").asText()).isEqualTo("task.claimFirst");

        Chain.ok(chain.post("/api/tasks/" + id + "/claim", QNG.director(), null));
        Answer second = chain.post("/api/tasks/" + id + "/claim", "pgd.stttt.qng", null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().path("errors").get(0).path("code").asText()).isEqualTo("task.claimedByOther");
        Answer complete = chain.post("/api/tasks/" + id + "/complete", "pgd.stttt.qng", Map.of("decision", "approve"));
        assertThat(complete.status()).isEqualTo(403);
        Answer release = chain.post("/api/tasks/" + id + "/unclaim", "pgd.stttt.qng", null);
        assertThat(release.status()).isEqualTo(403);
        assertThat(engineTasks.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo(QNG.director());
        assertThat(status(planId)).isEqualTo("IN_APPROVAL");
        assertThat(steps(planId)).isEqualTo(2);

        Chain.ok(chain.post("/api/tasks/" + id + "/complete", QNG.director(), Map.of("decision", "approve")));
        Answer late = chain.post("/api/tasks/" + id + "/complete", QNG.director(), Map.of("decision", "approve"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("errors").get(0).path("code").asText()).isEqualTo("task.completed");
        assertThat(steps(planId)).isEqualTo(3);
    }

    @Test
    void noOneApprovesATờTrìnhTheyDraftedEvenAfterAReturn() throws Exception {
        // a head of unit who is both officer and leader of the consolidating body
        directory.savePerson("tp.stttt.qng", "Phạm Thị Trưởng", "Trưởng phòng Thông tin đối ngoại", "QNG-STTTT",
                null, "{noop}unused", Set.of(Role.OFFICER, Role.LEADER));
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-RULE-SOD");
        Chain.ok(chain.start(planId, "tp.stttt.qng"));
        chain.act(planId, "userTask_draftSubmission", "tp.stttt.qng", Chain.TO_TRINH);
        String id = chain.task(planId, "userTask_directorApproval", "tp.stttt.qng");

        Answer claim = chain.post("/api/tasks/" + id + "/claim", "tp.stttt.qng", null);
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.body().path("errors").get(0).path("code").asText()).isEqualTo("approval.ownDraft");
        assertThat(claim.body().path("errors").get(0).path("text").asText()).contains("không được phê duyệt");
        assertThat(engineTasks.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();

        // returned, and the next version drafted by a colleague: still not theirs to approve
        chain.act(planId, "userTask_directorApproval", QNG.director(), Map.of("decision", "return", "reason", "Sửa lại."));
        String draft = chain.task(planId, "userTask_draftSubmission", "tp.stttt.qng");
        Chain.ok(chain.post("/api/tasks/" + draft + "/unclaim", "tp.stttt.qng", null));
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        String again = chain.task(planId, "userTask_directorApproval", "tp.stttt.qng");
        assertThat(chain.post("/api/tasks/" + again + "/claim", "tp.stttt.qng", null).status()).isEqualTo(403);
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.approval_step where plan_id = ? and "
                + "actor = 'tp.stttt.qng' and step = 'DIRECTOR'", Integer.class, planId)).isZero();
    }

    @Test
    void whoSignedTheTờTrìnhAsDirectorMayNotTakeTheDecisionOnIt() throws Exception {
        // one person cannot hold both seats in the demo directory (a person has one body), so the
        // journal is given the signature of the UBND leader who would decide
        long planId = submitted("QNG-RULE-SIGNED");
        db.jdbc().update("insert into ttdn.approval_step (plan_id, version, step, outcome, actor, actor_name, "
                + "actor_body, taken_at) values (?, 1, 'DIRECTOR', 'APPROVED', 'ct.ubnd.qng', 'Chủ tịch', 'QNG-UBND', "
                + "now())", planId);

        assertThat(approvals.refusal(Step.DECISION, planId, "ct.ubnd.qng")).contains("approval.ownSignature");
        assertThat(approvals.refusal(Step.DECISION, planId, "pct.ubnd.qng")).isEmpty();
        assertThat(approvals.refusal(Step.DIRECTOR, planId, QNG.drafter())).contains("approval.ownDraft");
        assertThat(approvals.refusal(Step.OFFICE_REVIEW, planId, QNG.drafter())).isEmpty();
    }

    private long submitted(String code) throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, code);
        Chain.ok(chain.start(planId, QNG.drafter()));
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        return planId;
    }

    private String status(long planId) {
        return db.jdbc().queryForObject("select status from ttdn.plan where id = ?", String.class, planId);
    }

    private int steps(long planId) {
        return db.jdbc().queryForObject("select count(*) from ttdn.approval_step where plan_id = ?", Integer.class,
                planId);
    }
}
