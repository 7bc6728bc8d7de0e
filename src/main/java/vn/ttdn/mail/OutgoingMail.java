package vn.ttdn.mail;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail to send once the publishing transaction commits: one message to every address in
 * {@code to}, as Bcc so the recipients do not see each other. Publish it with
 * {@code ApplicationEventPublisher.publishEvent(new OutgoingMail(...))} inside the transaction whose
 * work it reports; if that transaction rolls back, no mail goes out.
 *
 * <p>It is kept as JSON in the event publication registry until it is sent, so it holds only plain
 * data.
 */
public record OutgoingMail(List<String> to, String subject, String body) {

    public OutgoingMail {
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        if (to.isEmpty()) {
            throw new IllegalArgumentException("An e-mail needs at least one recipient");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
