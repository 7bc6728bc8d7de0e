package vn.ttdn.reporting;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ttdn.approval.Notifications;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.mail.OutgoingMail;
import vn.ttdn.plan.PlanDetails;
import vn.ttdn.plan.PlanLifecycle;
import vn.ttdn.plan.PrintedDate;
import vn.ttdn.reporting.internal.RoundStore.RoundRow;

/**
 * What a round tells people, in Vietnamese: the reminders (đôn đốc) to the officers and leaders of
 * the bodies not in yet, and the lateness to the consolidating body's leaders; each an in-app notice
 * to the body and an e-mail that leaves through the outbox once the transaction has committed.
 */
@Component
class RoundNotices {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Set<Role> OFFICERS_AND_LEADERS = Set.of(Role.OFFICER, Role.LEADER);

    private final Notifications notifications;
    private final DirectoryService directory;
    private final PlanLifecycle plans;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final String baseUrl;

    RoundNotices(Notifications notifications, DirectoryService directory, PlanLifecycle plans, MessageSource messages,
                 ApplicationEventPublisher events, @Value("${ttdn.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.notifications = notifications;
        this.directory = directory;
        this.plans = plans;
        this.messages = messages;
        this.events = events;
    }

    void reminder(RoundRow round, List<String> bodies, int workingDaysLeft) {
        PlanDetails plan = plans.details(round.planId());
        String deadline = PrintedDate.of(round.deadline());
        String text = workingDaysLeft > 0
                ? text("round.remind.before", plan.named(), deadline, workingDaysLeft, link(round))
                : text("round.remind.today", plan.named(), deadline, link(round));
        notifications.notify(bodies, plan.id(), text);
        mail(bodies, OFFICERS_AND_LEADERS, text("round.remind.subject", plan.named(), deadline), text);
    }

    void late(RoundRow round, List<String> lateBodies) {
        PlanDetails plan = plans.details(round.planId());
        String names = String.join("; ", directory.bodies(lateBodies).values().stream()
                .map(vn.ttdn.directory.BodyView::name).toList());
        String text = text("round.late.body", plan.named(), PrintedDate.of(round.deadline()), lateBodies.size(), names,
                link(round));
        notifications.notify(List.of(round.consolidatingCode()), plan.id(), text);
        mail(List.of(round.consolidatingCode()), Set.of(Role.LEADER),
                text("round.late.subject", plan.named(), lateBodies.size()), text);
    }

    /** The consolidated report was sent: the bodies it went to are told in-app, their officers, leaders and clerks by e-mail. */
    void consolidationSent(RoundRow round, List<String> bodies, String number) {
        if (bodies.isEmpty()) {
            return;
        }
        PlanDetails plan = plans.details(round.planId());
        String from = directory.body(round.consolidatingCode()).map(vn.ttdn.directory.BodyView::name)
                .orElse(round.consolidatingCode());
        String link = baseUrl + "/ky-bao-cao/" + round.id() + "/tong-hop";
        String text = text("consolidation.sent.body", number, from, plan.named(), link);
        notifications.notify(bodies, plan.id(), text);
        mail(bodies, Set.of(Role.OFFICER, Role.LEADER, Role.CLERK), text("consolidation.sent.subject", number, from),
                text);
    }

    private void mail(Collection<String> bodies, Set<Role> roles, String subject, String body) {
        List<String> to = directory.emailsIn(bodies, roles);
        if (!to.isEmpty()) {
            events.publishEvent(new OutgoingMail(to, subject, body));
        }
    }

    /** The round page's address, whole, so a mail's reader can open it. */
    private String link(RoundRow round) {
        return baseUrl + "/ky-bao-cao/" + round.id();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
