package vn.ttdn.approval;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.mail.OutgoingMail;
import vn.ttdn.plan.PrintedDate;

import java.util.List;
import java.util.Locale;

/**
 * The e-mail to the recipients of an issued plan: written while the plan is issued, in the
 * issuing transaction, and handed to the mail module's outbox. It goes out once the issuance has
 * committed (none if it rolls back); a mail server that is down delays it, never the issuance.
 */
@Component
class IssueMail {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final DirectoryService directory;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    IssueMail(DirectoryService directory, MessageSource messages, ApplicationEventPublisher events) {
        this.directory = directory;
        this.messages = messages;
        this.events = events;
    }

    @EventListener
    void planIssued(PlanIssued issued) {
        List<String> to = directory.emailsIn(directory.expandCollectives(issued.recipientBodies()));
        if (to.isEmpty()) {
            return;
        }
        events.publishEvent(new OutgoingMail(to,
                messages.getMessage("mail.issued.subject", new Object[] {issued.reference(), issued.documentWord()},
                        VI),
                messages.getMessage("mail.issued.body", new Object[] {issued.reference(),
                        PrintedDate.of(issued.issuedOn()), issued.title(), issued.planId(), issued.documentWord()},
                        VI)));
    }
}
