package vn.ttdn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;

class FormValidatorTest {

    private final FormValidator validator = new FormValidator();

    private static JsonNode form(String name) throws Exception {
        return new ObjectMapper().readTree(new File("forms/" + name + ".form"));
    }

    @Test
    void aHiddenFieldIsNeitherRequiredNorKept() throws Exception {
        Map<String, Object> accepted = validator.validate(form("director-approval"),
                Map.of("decision", "approve", "reason", "ignored"), Map.of());

        assertThat(accepted).containsExactly(Map.entry("decision", "approve"));
    }

    @Test
    void theReasonIsRequiredWhenReturning() throws Exception {
        assertThatThrownBy(() -> validator.validate(form("director-approval"), Map.of("decision", "return"), Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::path, InputProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "form.required")));
    }

    @Test
    void datesAreReadListsCheckedAgainstTheDataAndAFieldShownByAChoiceIsRequired() throws Exception {
        Map<String, Object> data = Map.of("consultOptions", List.of(Map.of("value", "A", "label", "Cơ quan A")));
        Map<String, Object> accepted = validator.validate(form("draft-submission"), Map.of("number", "1/TTr",
                "dated", "2026-11-02", "summary", "Tóm tắt đủ dài.", "proposal", "Đề xuất đủ dài.",
                "consultBodies", List.of("A"), "consultDays", 3), data);

        assertThat(accepted).containsEntry("dated", LocalDate.of(2026, 11, 2)).containsEntry("consultBodies", List.of("A"));
        assertThatThrownBy(() -> validator.validate(form("draft-submission"), Map.of("number", 7,
                "dated", "2026-11-02", "summary", "Tóm tắt đủ dài.", "proposal", "Đề xuất đủ dài.",
                "consultBodies", List.of("B")), data))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.path() + ":" + p.code())
                        .containsExactlyInAnyOrder("number:form.type", "consultBodies[0]:form.notAllowed",
                                "consultDays:form.required"));
    }
}
