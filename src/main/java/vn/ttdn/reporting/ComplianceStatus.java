package vn.ttdn.reporting;

/**
 * How a body complied with a round on the tasks it reports on (the supervisors' compliance matrix):
 * in on time; returned (by its leader or sent back by the consolidating body) at least once and then in
 * on time; in late (returned or not); missing (not in when the round closed, or its deadline passed and
 * it is not in yet); pending (not in, its deadline not passed). The colours are the matrix's and the charts'.
 */
public enum ComplianceStatus {
    ON_TIME("2E7D32"),
    RETURNED("6A1B9A"),
    LATE("EF6C00"),
    MISSING("C62828"),
    PENDING("9E9E9E");

    /** RGB hex without '#'. */
    public final String colour;

    ComplianceStatus(String colour) {
        this.colour = colour;
    }

    /** In on time, whether or not it was returned first: what the on-time rate counts. */
    public boolean onTime() {
        return this == ON_TIME || this == RETURNED;
    }
}
