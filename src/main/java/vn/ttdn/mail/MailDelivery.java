package vn.ttdn.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends each {@link OutgoingMail} after its transaction has committed, asynchronously, through
 * the configured SMTP server. A failure is thrown on, so the event publication stays incomplete
 * and {@link MailRetry} (or the next start) sends it again. Without an SMTP server
 * ({@code spring.mail.host} unset) the mail is dropped and its publication completes.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailSettings settings;

    MailDelivery(ObjectProvider<JavaMailSender> mailSender, MailSettings settings) {
        this.mailSender = mailSender;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void send(OutgoingMail mail) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("No SMTP server (spring.mail.host) configured: the e-mail \"{}\" to {} recipient(s) is not sent",
                    mail.subject(), mail.to().size());
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setBcc(mail.to().toArray(String[]::new));
        message.setSubject(mail.subject());
        message.setText(mail.body());
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("The e-mail \"{}\" to {} recipient(s) could not be sent, it will be tried again: {}",
                    mail.subject(), mail.to().size(), e.getMessage());
            throw e;
        }
        log.info("Sent the e-mail \"{}\" to {} recipient(s)", mail.subject(), mail.to().size());
    }
}
