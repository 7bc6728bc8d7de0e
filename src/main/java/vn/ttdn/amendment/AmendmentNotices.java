package vn.ttdn.amendment;

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
import vn.ttdn.plan.PrintedDate;

/**
 * What an amendment's decision tells the bodies concerned, in Vietnamese: an in-app notice to each
 * and an e-mail to their officers and leaders, leaving through the outbox once the decision commits.
 */
@Component
class AmendmentNotices {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Notifications notifications;
    private final DirectoryService directory;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final String baseUrl;

    AmendmentNotices(Notifications notifications, DirectoryService directory, MessageSource messages,
                     ApplicationEventPublisher events, @Value("${ttdn.base-url:http://localhost:8080}") String baseUrl) {
        this.notifications = notifications;
        this.directory = directory;
        this.messages = messages;
        this.events = events;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The notices of a decided amendment; the bodies reached. */
    Set<String> decided(PlanDetails plan, AmendmentView amendment, Collection<String> bodies) {
        String link = baseUrl + "/ke-hoach/" + plan.id() + "#amendments-panel";
        String text = amendment.planVersion() == null
                ? text("amendment.notice.rejected", plan.named(), amendment.rejectedCount(), link)
                : text("amendment.notice.applied", plan.named(), amendment.approvedCount(), amendment.rejectedCount(),
                amendment.planVersion(), amendment.reference(), PrintedDate.of(amendment.decidedOn()), link);
        Set<String> reached = notifications.notify(bodies, plan.id(), text);
        List<String> to = directory.emailsIn(reached, Set.of(Role.OFFICER, Role.LEADER));
        if (!to.isEmpty()) {
            events.publishEvent(new OutgoingMail(to, text("amendment.mail.subject", plan.named()), text));
        }
        return reached;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }
}
