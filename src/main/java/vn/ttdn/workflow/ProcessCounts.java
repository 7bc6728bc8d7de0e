package vn.ttdn.workflow;

import java.util.List;

/**
 * A process's live counts: per step, how many of its running instances the supervisor follows wait
 * there and how many of those are overdue; with the model of its latest version for the diagram
 * (steps of older versions that it lacks are listed all the same).
 */
public record ProcessCounts(String processKey, String processName, int version, String xml, long running,
                            List<StepCount> steps) {

    /**
     * @param lateness {@code none} (no instance there is overdue), {@code some}, or {@code most}
     *                 (more than half of them)
     */
    public record StepCount(String activityId, String activityName, long waiting, long overdue, String lateness) {

        static StepCount of(String activityId, String activityName, long waiting, long overdue) {
            String level = overdue == 0 ? "none" : overdue * 2 > waiting ? "most" : "some";
            return new StepCount(activityId, activityName, waiting, overdue, level);
        }
    }
}
