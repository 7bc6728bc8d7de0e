package vn.ttdn.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ttdn.plan.TaskKind;

/** Groups and tasks numbered by their place, as the plan files number them. */
class NumberingTest {

    @Test
    void tasksAreNumberedWithinTheirGroup() {
        TaskGroupEntity group = group("II.2", "x", "y", "z");

        Numbering.renumberTasks(group);

        assertThat(numbers(group)).containsExactly("II.2.1", "II.2.2", "II.2.3");
    }

    @Test
    void groupsAreNumberedWithinTheirSectionAndTheirTasksFollow() {
        List<TaskGroupEntity> groups = new ArrayList<>(List.of(group("II.1", "II.1.1"), group("II.2", "II.2.1"),
                group("III.1", "III.1.1"), group("III.2", "III.2.1", "III.2.2"), group("III.3", "III.3.1")));

        groups.remove(1);
        groups.remove(1);
        Numbering.renumberGroups(groups);

        assertThat(groups).extracting(TaskGroupEntity::getNumber).containsExactly("II.1", "III.1", "III.2");
        assertThat(numbers(groups.get(1))).containsExactly("III.1.1", "III.1.2");
        assertThat(numbers(groups.get(2))).containsExactly("III.2.1");
    }

    @Test
    void aPlacedGroupJoinsTheSectionOfTheGroupBeforeIt() {
        List<TaskGroupEntity> groups = new ArrayList<>(List.of(group("II.1", "II.1.1"), group("II.2", "II.2.1"),
                group("III.1", "III.1.1")));

        Numbering.placeGroup(groups, group("", "a"), 2);
        Numbering.placeGroup(groups, group("", "b"), 0);

        assertThat(groups).extracting(TaskGroupEntity::getNumber).containsExactly("II.1", "II.2", "II.3", "II.4", "III.1");
        assertThat(numbers(groups.get(0))).containsExactly("II.1.1");
        assertThat(numbers(groups.get(3))).containsExactly("II.4.1");
    }

    @Test
    void plainNumbersRunFromOneAndNumbersWithoutDigitsStay() {
        List<TaskGroupEntity> groups = new ArrayList<>(List.of(group("1", "1.1"), group("A", "A.1"), group("3", "3.1")));

        Numbering.renumberGroups(groups);

        assertThat(groups).extracting(TaskGroupEntity::getNumber).containsExactly("1", "A", "2");
        assertThat(numbers(groups.get(2))).containsExactly("2.1");
        assertThat(numbers(groups.get(1))).containsExactly("A.1");
    }

    private static TaskGroupEntity group(String number, String... tasks) {
        TaskGroupEntity group = new TaskGroupEntity(number, "Nhóm " + number, null);
        for (String task : tasks) {
            group.getTasks().add(new PlanTaskEntity(null, task, "Nội dung", null, null, TaskKind.ASSIGNED,
                    List.of("QNG-SNGV"), List.of()));
        }
        return group;
    }

    private static List<String> numbers(TaskGroupEntity group) {
        return group.getTasks().stream().map(PlanTaskEntity::getNumber).toList();
    }
}
