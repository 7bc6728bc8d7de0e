package vn.ttdn.mail;

import java.util.List;

/** An e-mail to send once the transaction that asked for it has committed (placeholder until the outbox lands). */
public record OutgoingMail(List<String> to, String subject, String body) {
}
