package vn.ttdn.directory;

import java.util.List;

/**
 * The directory page's model (attribute {@code listing}): the bodies that pass the filter,
 * grouped by province (the code's prefix, "QNG-…"); central bodies form the group with prefix "".
 *
 * @param query     the text filter as typed (?q=)
 * @param province  the province filter (?tinh=): a prefix, or {@link #CENTRAL_KEY}; null for all
 * @param level     the level filter (?cap=), or null
 * @param provinces every province of the directory, for the filter's choices
 * @param shown     how many bodies pass the filter
 * @param total     how many bodies the directory has
 */
public record DirectoryListing(String query, String province, BodyLevel level, List<Province> provinces,
                               List<Group> groups, int shown, int total) {

    /** The value of the province filter (?tinh=) that picks the central bodies. */
    public static final String CENTRAL_KEY = "TW";

    /** Every level, for the filter's choices. */
    public List<BodyLevel> levels() {
        return List.of(BodyLevel.values());
    }

    /**
     * A province prefix with its name ("Tỉnh Quảng Ngãi"); for the central bodies the prefix is ""
     * and the label null. {@link #key()} is the value of the province filter.
     */
    public record Province(String prefix, String label) {

        public boolean central() {
            return prefix.isEmpty();
        }

        public String key() {
            return central() ? CENTRAL_KEY : prefix;
        }
    }

    public record Group(Province province, List<Row> bodies) {
    }

    /**
     * A body with the names it points to. {@code former}: its validity ended before today
     * ("Đã hết hiệu lực"); {@code notYet}: it starts after today.
     */
    public record Row(BodyView body, BodyRef parent, List<SuccessorLine> successors, List<Member> members,
                      boolean former, boolean notYet) {
    }

    /** A member of a collective: its short name to list, its full name for a tooltip. */
    public record Member(String code, String label, String name) {
    }

    public record SuccessorLine(BodyRef body, SuccessorRelation relation) {
    }
}
