package vn.ttdn.approval;

import java.time.LocalDate;
import java.util.List;

/** The Tờ trình as the drafter writes it; {@code explanation} answers the consultation's comments. */
public record SubmissionInput(String number, LocalDate dated, String summary, String proposal, String explanation,
                              List<String> consultBodies, Integer consultDays) {

    public SubmissionInput {
        consultBodies = consultBodies == null ? List.of() : List.copyOf(consultBodies);
    }
}
