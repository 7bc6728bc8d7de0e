package vn.ttdn.plan.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers a plan's groups and tasks by their place, as every plan file does: a task is
 * {@code <group>.<n>} ("3.7", "II.1.2"); a group is {@code <section><n>} within its section
 * ("1", "2", … or "II.1", "II.2", "III.1", …), the section being what comes before its last dot.
 * A group number that does not end in digits ("A") is kept as it is.
 */
public final class Numbering {

    private Numbering() {
    }

    /** Numbers every group within its section by its place, and the tasks of every group renumbered. */
    public static void renumberGroups(List<TaskGroupEntity> groups) {
        Map<String, Integer> counters = new HashMap<>();
        for (TaskGroupEntity group : groups) {
            if (!counted(group.getNumber())) {
                continue;
            }
            String section = section(group.getNumber());
            String number = section + counters.merge(section, 1, Integer::sum);
            if (!number.equals(group.getNumber())) {
                group.renumber(number);
                renumberTasks(group);
            }
        }
    }

    /** Numbers a group's tasks by their place: {@code <group>.1}, {@code <group>.2}, … */
    public static void renumberTasks(TaskGroupEntity group) {
        List<PlanTaskEntity> tasks = group.getTasks();
        for (int i = 0; i < tasks.size(); i++) {
            tasks.get(i).renumber(group.getNumber() + "." + (i + 1));
        }
    }

    /**
     * Puts a group (a new one, or one taken out of {@code groups}) at {@code index}: it joins the
     * section of the group before it (of the one after it when it comes first), and every group is
     * numbered again with its tasks.
     */
    public static void placeGroup(List<TaskGroupEntity> groups, TaskGroupEntity group, int index) {
        TaskGroupEntity neighbour = index > 0 ? groups.get(index - 1) : groups.isEmpty() ? null : groups.get(0);
        if (group.getNumber().isEmpty() || counted(group.getNumber())) {
            // provisional: renumberGroups gives it its number in the section
            group.renumber((neighbour == null ? "" : section(neighbour.getNumber())) + "0");
        }
        groups.add(index, group);
        renumberGroups(groups);
        renumberTasks(group);
    }

    /** "III.2" → "III."; "12" → "". */
    static String section(String number) {
        return number.substring(0, number.lastIndexOf('.') + 1);
    }

    /** Whether the number ends in digits after its section, so that its place decides it. */
    static boolean counted(String number) {
        String own = number.substring(number.lastIndexOf('.') + 1);
        return !own.isEmpty() && own.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
