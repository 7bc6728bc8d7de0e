package vn.ttdn.workflow;

import java.util.List;

/**
 * A page of the tasks a person's inbox lists: {@code page} counts from 0, {@code size} is the page's
 * size asked for, {@code total} how many tasks match, {@code items} this page's, the earliest due first
 * (those without a due date last), then the oldest.
 */
public record TaskPage(int page, int size, long total, List<TaskView> items) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** The position of the page's first item, counting from 1 (0 when the page is empty). */
    public long from() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    /** The position of the page's last item, counting from 1. */
    public long to() {
        return (long) page * size + items.size();
    }
}
