package vn.ttdn.amendment;

import java.util.List;

/**
 * A change a body proposes: {@code kind} ADD, CHANGE, DROP or REASSIGN; the task's number (or, for
 * ADD, the group's); the new content and timeline (ADD, CHANGE), the lead and cooperating bodies
 * (ADD, REASSIGN) by their directory codes; and the reason, always.
 */
public record ProposalInput(String kind, String taskNumber, String groupNumber, String content, String timeline,
                            String timelineText, List<String> lead, List<String> cooperating, String reason) {
}
