/**
 * E-mail through an outbox. Any module sends a mail by publishing an {@link vn.ttdn.mail.OutgoingMail}
 * inside its transaction; Spring Modulith's event publication registry keeps it (table
 * {@code ttdn.event_publication}) in that same transaction, and it goes out over SMTP only once
 * the transaction has committed, on the task executor. A mail server that is down delays the mail,
 * never the request: the publication stays incomplete and is retried every
 * {@code ttdn.mail.retry-interval} and on restart. Delivery is at least once (see ADR 0006).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package vn.ttdn.mail;
