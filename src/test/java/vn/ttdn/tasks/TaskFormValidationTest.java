package vn.ttdn.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Answer;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/** Bad form input is rejected field by field against the task's Camunda Form; the task stays as it was. */
@WebTest
class TaskFormValidationTest {

    private static final Cast QNG = Cast.of("qng");

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    TaskService engineTasks;

    @Test
    void theTaskFormComesWithItsSchemaAndTheValuesItOpensWith() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-FORM-READ");
        Chain.ok(chain.start(planId, QNG.drafter()));
        String id = chain.task(planId, "userTask_draftSubmission", QNG.drafter());

        JsonNode form = Chain.ok(chain.get("/api/tasks/" + id + "/form", QNG.drafter())).body();

        assertThat(form.path("schema").path("id").asText()).isEqualTo("draft-submission");
        assertThat(form.path("data").path("consultDays").asInt()).isEqualTo(5);
        assertThat(form.path("data").path("consultOptions").findValuesAsText("value"))
                .contains("QNG-SVHTTDL").doesNotContain("QNG-STTTT");
        assertThat(form.path("task").path("planCode").asText()).isEqualTo("QNG-FORM-READ");
    }

    @Test
    void aReturnWithoutReasonAnUnknownChoiceAndAnUnknownFieldAreEachNamed() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-FORM-DECISION");
        Chain.ok(chain.start(planId, QNG.drafter()));
        chain.act(planId, "userTask_draftSubmission", QNG.drafter(), Chain.TO_TRINH);
        String id = chain.task(planId, "userTask_directorApproval", QNG.director());
        Chain.ok(chain.post("/api/tasks/" + id + "/claim", QNG.director(), null));
        int stepsBefore = steps(planId);

        Answer noReason = chain.post("/api/tasks/" + id + "/complete", QNG.director(), Map.of("decision", "return"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(errors(noReason)).containsExactly("reason:form.required");
        assertThat(noReason.body().path("errors").get(0).path("text").asText()).isEqualTo("Phải điền \"Lý do trả lại\".");

        Answer bad = chain.post("/api/tasks/" + id + "/complete", QNG.director(),
                Map.of("decision", "maybe", "signature", "x"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errors(bad)).containsExactlyInAnyOrder("decision:form.notAllowed", "signature:form.unknownField");

        // nothing changed: the task is open and held, the journal and the plan as they were
        assertThat(engineTasks.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo(QNG.director());
        assertThat(steps(planId)).isEqualTo(stepsBefore);
        assertThat(db.jdbc().queryForObject("select status from ttdn.plan where id = ?", String.class, planId))
                .isEqualTo("IN_APPROVAL");
    }

    @Test
    void theTờTrìnhIsCheckedForRequiredFieldsLengthsDatesBoundsAndChoices() throws Exception {
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-FORM-DRAFT");
        Chain.ok(chain.start(planId, QNG.drafter()));
        String id = chain.task(planId, "userTask_draftSubmission", QNG.drafter());
        Map<String, Object> values = new HashMap<>();
        values.put("number", "x".repeat(51));
        values.put("dated", "20/11/2026");
        values.put("summary", "ngắn");
        values.put("consultBodies", List.of("QNG-SVHTTDL", "HN-UBND"));
        values.put("consultDays", 99);

        Answer answer = chain.post("/api/tasks/" + id + "/complete", QNG.drafter(), values);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer)).containsExactlyInAnyOrder("number:form.maxLength", "dated:form.date",
                "summary:form.minLength", "proposal:form.required", "consultBodies[1]:form.notAllowed",
                "consultDays:form.max");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.submission where plan_id = ?", Integer.class,
                planId)).isZero();
        assertThat(engineTasks.createTaskQuery().taskId(id).singleResult()).isNotNull();
    }

    private static List<String> errors(Answer answer) {
        List<String> found = new java.util.ArrayList<>();
        answer.body().path("errors").forEach(e -> found.add(e.path("path").asText() + ":" + e.path("code").asText()));
        return found;
    }

    private int steps(long planId) {
        return db.jdbc().queryForObject("select count(*) from ttdn.approval_step where plan_id = ?", Integer.class,
                planId);
    }
}
