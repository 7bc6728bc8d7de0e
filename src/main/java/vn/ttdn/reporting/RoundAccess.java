package vn.ttdn.reporting;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.BodyRef;
import vn.ttdn.directory.BodyView;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.plan.PlanLabel;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.reporting.internal.RoundStore.BodyRow;
import vn.ttdn.reporting.internal.RoundStore.RoundRow;
import vn.ttdn.security.CurrentUser;

/**
 * Who may see and do what in a round, on the server for the API and the pages alike: a body reads
 * and writes only its own report; the consolidating body reads every report of its rounds and
 * manages them (its officers open, open now and close); the issuing body, supervisors, auditors and
 * administrators read all.
 */
@Component
class RoundAccess {

    private final DirectoryService directory;
    private final PlanLifecycle plans;

    RoundAccess(DirectoryService directory, PlanLifecycle plans) {
        this.directory = directory;
        this.plans = plans;
    }

    /**
     * Whether the person acts for the body today: a person of it, or of the successor standing for
     * it once it ended (the work it had open continues there).
     */
    boolean actsFor(CurrentUser user, String bodyCode) {
        return directory.actsFor(user.bodyCode(), bodyCode, java.time.LocalDate.now(VIETNAM));
    }

    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    /** Administrators, and officers of the consolidating body, open and close its rounds. */
    void checkManages(String consolidatingCode, CurrentUser user) {
        if (!user.hasRole(Role.ADMIN) && !(user.hasRole(Role.OFFICER) && actsFor(user, consolidatingCode))) {
            throw new AccessDeniedException("Only officers of the consolidating body manage its rounds");
        }
    }

    /** Whether the person reads every body's report in the round. */
    boolean readsAll(RoundRow round, CurrentUser user) {
        if (user.hasAnyRole(Role.ADMIN, Role.SUPERVISOR, Role.AUDITOR) || actsFor(user, round.consolidatingCode())) {
            return true;
        }
        // the issuing body, its successor (whose designations name it), or the office that serves either
        String issuer = plans.ref(round.planId()).issuerCode();
        if (directory.designationsOf(user.bodyCode()).contains(issuer)) {
            return true;
        }
        return directory.body(user.bodyCode())
                .filter(b -> b.kind() == vn.ttdn.directory.BodyKind.OFFICE && b.parent() != null)
                .map(office -> directory.designationsOf(office.parent()).contains(issuer)).orElse(false);
    }

    /** Whether the person may read the round: those who read all, and the bodies it asks. */
    boolean mayRead(RoundRow round, List<BodyRow> rows, CurrentUser user) {
        return readsAll(round, user) || rows.stream().anyMatch(b -> actsFor(user, b.bodyCode()));
    }

    /** Checks the person may read this body's report in the round. */
    void checkReadsReport(RoundRow round, String bodyCode, CurrentUser user) {
        if (!readsAll(round, user) && !actsFor(user, bodyCode)) {
            throw new AccessDeniedException("A body reads only its own reports");
        }
    }

    /**
     * The round as this person may see it: everything for those who read all, only their own line for
     * a body asked (and nothing of the others).
     */
    RoundView view(RoundRow round, List<BodyRow> rows, CurrentUser user) {
        boolean all = readsAll(round, user);
        if (!all && rows.stream().noneMatch(b -> actsFor(user, b.bodyCode()))) {
            throw new AccessDeniedException("This round does not ask your body");
        }
        return build(round, rows.stream().filter(b -> all || actsFor(user, b.bodyCode())).toList());
    }

    /** The round with these bodies' lines, whoever asks (callers have checked). */
    RoundView build(RoundRow round, List<BodyRow> rows) {
        Set<String> codes = new HashSet<>();
        codes.add(round.consolidatingCode());
        if (round.consolidatingReplaces() != null) {
            codes.add(round.consolidatingReplaces());
        }
        rows.forEach(b -> {
            codes.add(b.bodyCode());
            if (b.replacesCode() != null) {
                codes.add(b.replacesCode());
            }
        });
        Map<String, BodyView> bodies = directory.bodies(codes);
        List<RoundBodyView> lines = rows.stream().map(b -> line(b, bodies)).toList();
        PlanLabel plan = plans.labels(List.of(round.planId())).get(round.planId());
        return new RoundView(round.id(), plan, round.year(),
                RoundKind.valueOf(round.kind()), round.label(), round.deadline(),
                round.periodFrom() == null ? null : new RoundView.Period(round.periodFrom(), round.periodTo()),
                round.opensOn(), RoundStatus.valueOf(round.status()),
                new RoundView.Consolidating(round.consolidatingCode(), name(bodies, round.consolidatingCode()),
                        ref(bodies, round.consolidatingReplaces())),
                round.taskNumbers(), lines, counts(lines), round.openedAt(), round.readyAt(), round.closedAt());
    }

    /** The successor standing for a body asked that has ended since, or null while it lives. */
    private BodyRef actedBy(BodyView body) {
        java.time.LocalDate today = java.time.LocalDate.now(VIETNAM);
        if (body == null || body.isActiveOn(today)) {
            return null;
        }
        return directory.standingOn(body.code(), today).map(s -> new BodyRef(s.body().code(), s.body().name()))
                .orElse(null);
    }

    private RoundBodyView line(BodyRow b, Map<String, BodyView> bodies) {
        return new RoundBodyView(b.bodyCode(), name(bodies, b.bodyCode()), ref(bodies, b.replacesCode()),
                AskKind.valueOf(b.kind()), BodyState.valueOf(b.state()), b.late(), b.version(), b.submittedAt(),
                b.receivedAt(), b.reportNumber(),
                b.tasks().stream().map(t -> new RoundBodyView.TaskRef(t.get("number"), t.get("role"))).toList(),
                actedBy(bodies.get(b.bodyCode())), b.deadline());
    }

    static Map<String, Integer> counts(List<RoundBodyView> lines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("asked", lines.size());
        counts.put("assigned", (int) lines.stream().filter(l -> l.kind() == AskKind.ASSIGNED).count());
        counts.put("requested", (int) lines.stream().filter(l -> l.kind() == AskKind.REQUESTED).count());
        for (BodyState state : BodyState.values()) {
            counts.put(state.code(), (int) lines.stream().filter(l -> l.state() == state).count());
        }
        counts.put("in", (int) lines.stream().filter(l -> l.state().isIn()).count());
        counts.put("late", (int) lines.stream().filter(RoundBodyView::late).count());
        return counts;
    }

    private static String name(Map<String, BodyView> bodies, String code) {
        BodyView body = bodies.get(code);
        return body == null ? code : body.name();
    }

    private static BodyRef ref(Map<String, BodyView> bodies, String code) {
        return code == null ? null : new BodyRef(code, name(bodies, code));
    }
}
