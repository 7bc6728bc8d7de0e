package vn.ttdn.tasks;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;
import vn.ttdn.workflow.InstanceFilter;

/**
 * The links of the supervisors' pages, keeping the filter chosen: {@code ${links.page(2)}},
 * {@code ${links.step('agency-report', 'userTask_draftReport')}}. Only the parameters that are set
 * are written.
 */
final class SupervisionLinks {

    static final String LIST = "/giam-sat";

    private final InstanceFilter filter;

    SupervisionLinks(InstanceFilter filter) {
        this.filter = filter;
    }

    /** The list with this filter, on a page (counting from 0). */
    public String page(int page) {
        return url(LIST, filter, page);
    }

    /** The list, only the overdue ones, or all again. */
    public String overdue(boolean only) {
        return url(LIST, new InstanceFilter(filter.planId(), filter.bodyCode(), filter.processKey(),
                filter.activityId(), only, filter.year(), filter.roundId()), null);
    }

    /** The list of the instances of a process waiting at a step (the other filters kept). */
    public String step(String processKey, String activityId) {
        return url(LIST, new InstanceFilter(filter.planId(), filter.bodyCode(), processKey, activityId,
                filter.overdueOnly(), filter.year(), filter.roundId()), null);
    }

    /** The list of a process's instances (the other filters kept). */
    public String process(String processKey) {
        return step(processKey, null);
    }

    /** A process's diagram page, for the instances of this filter's plan, body, year and round. */
    public String diagram(String processKey) {
        return url("/giam-sat/quy-trinh/" + segment(processKey), filter.forProcess(null), null);
    }

    /** The API's counts per step of a process, for the same instances. */
    public String counts(String processKey) {
        return url("/api/processes/" + segment(processKey) + "/counts", filter.forProcess(null), null);
    }

    /** The list of a process's instances at a step whose id the script appends (the diagram's click). */
    public String stepPrefix(String processKey) {
        String query = InstanceQuery.queryString(filter.forProcess(processKey), null);
        return LIST + "?" + (query.isEmpty() ? "" : query + "&") + "step=";
    }

    private static String url(String path, InstanceFilter filter, Integer page) {
        String query = InstanceQuery.queryString(filter, page);
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
