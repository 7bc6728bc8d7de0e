package vn.ttdn.tasks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;
import vn.ttdn.system.InputProblem;
import vn.ttdn.system.InvalidInputException;
import vn.ttdn.workflow.InstanceFilter;
import vn.ttdn.workflow.Supervision;

/**
 * The supervisors' filters and page as the API and the pages take them (query parameters {@code plan,
 * body, process, step, overdue, year, round, page, size}), read with every problem found: a value that
 * is not what it should be is left out of the filter and named in {@link #problems()}.
 */
record InstanceQuery(InstanceFilter filter, int page, int size, List<InputProblem> problems) {

    static final int DEFAULT_SIZE = 20;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:#-]{1,255}");

    static InstanceQuery read(String plan, String body, String process, String step, String overdue, String year,
                              String round, String page, String size) {
        List<InputProblem> problems = new ArrayList<>();
        Long planId = id("plan", plan, problems);
        Long roundId = id("round", round, problems);
        Integer yearValue = null;
        if (!blank(year)) {
            Long y = number("year", year, problems);
            if (y != null && (y < 2000 || y > 2100)) {
                problems.add(InputProblem.of("year", "supervision.year", "the year must be between 2000 and 2100"));
            } else if (y != null) {
                yearValue = y.intValue();
            }
        }
        boolean overdueOnly = false;
        if (!blank(overdue)) {
            if (overdue.equals("true") || overdue.equals("false")) {
                overdueOnly = Boolean.parseBoolean(overdue);
            } else {
                problems.add(InputProblem.of("overdue", "supervision.overdue", "overdue is true or false"));
            }
        }
        int pageValue = 0;
        Long p = blank(page) ? null : number("page", page, problems);
        if (p != null && (p < 0 || p > 100_000)) {
            problems.add(InputProblem.of("page", "supervision.page", "the page counts from 0"));
        } else if (p != null) {
            pageValue = p.intValue();
        }
        int sizeValue = DEFAULT_SIZE;
        Long s = blank(size) ? null : number("size", size, problems);
        if (s != null && (s < 1 || s > Supervision.MAX_PAGE_SIZE)) {
            problems.add(InputProblem.of("size", "supervision.size", "the page size is 1 to 100",
                    String.valueOf(Supervision.MAX_PAGE_SIZE)));
        } else if (s != null) {
            sizeValue = s.intValue();
        }
        String bodyCode = code("body", body, problems);
        String processKey = code("process", process, problems);
        String stepId = code("step", step, problems);
        return new InstanceQuery(new InstanceFilter(planId, bodyCode, processKey, stepId, overdueOnly, yearValue, roundId),
                pageValue, sizeValue, List.copyOf(problems));
    }

    /** The same, refused with every problem (400) when there is one. */
    InstanceQuery orRefuse() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Invalid filter", problems);
        }
        return this;
    }

    /** The query string of a filter with a page ({@code null}: none), the parameters that are set only. */
    static String queryString(InstanceFilter filter, Integer page) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("plan", filter.planId());
        values.put("body", filter.bodyCode());
        values.put("process", filter.processKey());
        values.put("step", filter.activityId());
        values.put("overdue", filter.overdueOnly() ? "true" : null);
        values.put("year", filter.year());
        values.put("round", filter.roundId());
        values.put("page", page == null || page == 0 ? null : page);
        List<String> parts = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value != null) {
                parts.add(name + "=" + UriUtils.encodeQueryParam(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return String.join("&", parts);
    }

    private static Long id(String path, String value, List<InputProblem> problems) {
        return QueryNumbers.id(path, value, "supervision.number", problems);
    }

    private static Long number(String path, String value, List<InputProblem> problems) {
        return QueryNumbers.number(path, value, "supervision.number", problems);
    }

    private static String code(String path, String value, List<InputProblem> problems) {
        if (blank(value)) {
            return null;
        }
        if (!CODE.matcher(value.trim()).matches()) {
            problems.add(InputProblem.of(path, "supervision.code", "not a code", value));
            return null;
        }
        return value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
