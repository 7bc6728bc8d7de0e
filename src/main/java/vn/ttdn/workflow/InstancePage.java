package vn.ttdn.workflow;

import java.util.List;

/**
 * A page of the running instances a supervisor follows, filtered: {@code page} counts from 0,
 * {@code total} is how many match the filter, {@code counts} the states of those matching it
 * without the "overdue only" flag.
 */
public record InstancePage(int page, int size, long total, Counts counts, List<InstanceRow> items) {

    /** How many are running, wait on a person (a task is open), are overdue, have an incident. */
    public record Counts(long running, long waitingOnPerson, long overdue, long withIncident) {
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
