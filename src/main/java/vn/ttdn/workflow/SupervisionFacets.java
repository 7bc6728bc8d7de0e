package vn.ttdn.workflow;

import java.util.List;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.plan.PlanLabel;

/**
 * What the supervisors' filters offer: the plans, bodies, processes, rounds and years of the running
 * instances the supervisor follows (each with how many run), and each process's steps.
 */
public record SupervisionFacets(List<Option<PlanLabel>> plans, List<Option<BodyRef>> bodies,
                                List<Process> processes, List<Option<InstanceRow.RoundRef>> rounds,
                                List<Integer> years) {

    public record Option<T>(T value, long running) {
    }

    /** A process (its latest version) with its steps, in the order of the model. */
    public record Process(String key, String name, long running, List<Step> steps) {
    }

    public record Step(String activityId, String name, String type) {
    }
}
