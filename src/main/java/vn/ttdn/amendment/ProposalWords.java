package vn.ttdn.amendment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.plan.PlanDetails;

/**
 * A proposed change in Vietnamese words, for the forms of an amendment's tasks: its label (number,
 * body, kind) and what it changes, from what the task says now to what is proposed.
 */
@Component
public class ProposalWords {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    ProposalWords(MessageSource messages) {
        this.messages = messages;
    }

    /** "Đề xuất số 12 của Sở Ngoại vụ: Giao lại nhiệm vụ 2.2". */
    public String label(ProposalView p) {
        return text("amendment.words.label", String.valueOf(p.id()), p.body().name(),
                text("amendment.kind." + p.kind().name() + ".short", p.target()));
    }

    /** What the change does, from the task as the plan has it now to the task proposed. */
    public String detail(ProposalView p, PlanDetails plan) {
        Optional<PlanDetails.Task> task = plan.groups().stream().flatMap(g -> g.tasks().stream())
                .filter(t -> t.number().equals(p.taskNumber())).findFirst();
        String none = text("amendment.words.none");
        return switch (p.kind()) {
            case ADD -> text("amendment.words.ADD", p.groupNumber(), p.content(), names(p.lead(), none),
                    names(p.cooperating(), none), timeline(p.timeline(), p.timelineText(), none));
            case CHANGE -> text("amendment.words.CHANGE", p.taskNumber(),
                    task.map(PlanDetails.Task::content).orElse(none),
                    p.content() == null ? text("amendment.words.unchanged") : p.content(),
                    task.map(t -> timeline(t.timeline(), t.timelineText(), none)).orElse(none),
                    p.timeline() == null && p.timelineText() == null ? text("amendment.words.unchanged")
                            : timeline(p.timeline(), p.timelineText(), none));
            case DROP -> text("amendment.words.DROP", p.taskNumber(), task.map(PlanDetails.Task::content).orElse(none));
            case REASSIGN -> text("amendment.words.REASSIGN", p.taskNumber(),
                    task.map(t -> names(t.lead(), none)).orElse(none), names(p.lead(), none),
                    task.map(t -> names(t.cooperating(), none)).orElse(none), names(p.cooperating(), none));
        };
    }

    private static String names(List<BodyRef> bodies, String none) {
        return bodies.isEmpty() ? none : bodies.stream().map(BodyRef::name).collect(Collectors.joining("; "));
    }

    private static String timeline(String code, String printed, String none) {
        return printed != null ? printed : code != null ? code : none;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
