package vn.ttdn.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.plan.PrintedDate;

import java.util.List;
import java.util.Locale;

/**
 * E-mails the recipients of an issued plan once the issuance has committed, when SMTP is
 * configured ({@code spring.mail.host}). A mail server that is down never undoes an issuance: the
 * in-app notice is already there, and the failure is logged.
 */
@Component
class IssueMail {

    private static final Logger log = LoggerFactory.getLogger(IssueMail.class);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ObjectProvider<JavaMailSender> mailSender;
    private final DirectoryService directory;
    private final MessageSource messages;
    private final String from;

    IssueMail(ObjectProvider<JavaMailSender> mailSender, DirectoryService directory, MessageSource messages,
              @Value("${ttdn.mail.from:ttdn-workflow@localhost}") String from) {
        this.mailSender = mailSender;
        this.directory = directory;
        this.messages = messages;
        this.from = from;
    }

    @TransactionalEventListener
    void planIssued(PlanIssued issued) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<String> to = directory.emailsIn(directory.expandCollectives(issued.recipientBodies()));
        if (to.isEmpty()) {
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setBcc(to.toArray(String[]::new));
        mail.setSubject(messages.getMessage("mail.issued.subject", new Object[] {issued.reference()}, VI));
        mail.setText(messages.getMessage("mail.issued.body", new Object[] {issued.reference(),
                PrintedDate.of(issued.issuedOn()), issued.title(), issued.planId()}, VI));
        try {
            sender.send(mail);
            log.info("Plan {} issued as {}: mailed {} recipients", issued.planCode(), issued.reference(), to.size());
        } catch (MailException e) {
            log.warn("Plan {} issued as {}: the e-mail to its recipients failed: {}", issued.planCode(),
                    issued.reference(), e.getMessage());
        }
    }
}
