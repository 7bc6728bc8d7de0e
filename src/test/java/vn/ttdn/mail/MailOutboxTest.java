package vn.ttdn.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.MailTest;
import vn.ttdn.support.SeedPlans;

/**
 * A mail server that is down delays the mail, never the request, and loses nothing: the mail
 * waits in the outbox (an incomplete event publication) until the retry job sends it.
 */
@MailTest
class MailOutboxTest {

    private static final String RECIPIENT = "pvp.tu.qng@quangngai.dcs.vn";
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The SMTP server on the application's port; down (not listening) until the test starts it. */
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;
    @Autowired
    MailRetry retry;
    @Autowired
    MailSettings settings;
    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listeners;

    @AfterEach
    void stopTheMailServer() {
        smtp.stop();
    }

    @Test
    void aPlanIssuedWhileTheMailServerIsDownIsMailedOnceItIsUpAgain() throws Exception {
        // given: a recipient (the provincial Party committee) with an e-mail address, and no mail server
        directory.savePerson("pvp.tu.qng", "Trịnh Văn Mạnh", "Phó Chánh Văn phòng Tỉnh ủy", "QNG-TU", RECIPIENT,
                "{noop}unused", Set.of(Role.OFFICER));
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-OUTBOX");
        Chain.ok(chain.start(planId, Cast.of("qng").drafter()));
        long listenerRunsBefore = finishedListenerRuns();

        // when: the clerk issues the plan (every request of the chain must succeed)
        chain.straightThrough(planId, Cast.of("qng"));

        // then: the issuance committed; the mail's first attempt ran and failed; the mail waits, unsent
        var plan = db.jdbc().queryForMap("select status, issued_reference from ttdn.plan where id = ?", planId);
        assertThat(plan.get("status")).isEqualTo("ISSUED");
        String subject = "Đã ban hành Kế hoạch số " + plan.get("issued_reference");
        await().atMost(WAIT).until(() -> finishedListenerRuns() > listenerRunsBefore && idle());
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(db.mailsInOutbox(subject)).as("completion dates of the mail's publications")
                .containsExactly((Timestamp) null);

        // when: the mail server is up again and, once the retry interval has passed, the retry job runs
        smtp.start();
        aRetryIntervalPassesFor(subject);
        retry.resubmitUnsentMail();

        // then: the mail arrives, as Bcc, with its Vietnamese subject, and its publication is complete
        assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        var inbox = smtp.getManagers().getImapHostManager().getInbox(smtp.getUserManager().getUserByEmail(RECIPIENT));
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        MimeMessage mail = inbox.getMessages().get(0).getMimeMessage();
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).isNull();
        assertThat(mail.getFrom()[0].toString()).isEqualTo(settings.from());
        assertThat(GreenMailUtil.getBody(mail)).contains(String.valueOf(plan.get("issued_reference")));
        await().atMost(WAIT).until(() -> db.mailsInOutbox(subject).stream().allMatch(done -> done != null));
        assertThat(db.mailsInOutbox(subject)).hasSize(1);
    }

    /** Listener invocations the task executor has finished, failed ones included. */
    private long finishedListenerRuns() {
        return listeners.getThreadPoolExecutor().getCompletedTaskCount();
    }

    private boolean idle() {
        ThreadPoolExecutor pool = listeners.getThreadPoolExecutor();
        return pool.getActiveCount() == 0 && pool.getQueue().isEmpty();
    }

    /** Dates the mail's publication back by more than the retry interval, as if that time had passed. */
    private void aRetryIntervalPassesFor(String subject) {
        Instant then = Instant.now().minus(settings.retryInterval()).minusSeconds(60);
        db.jdbc().update("update ttdn.event_publication set publication_date = ? where event_type = ? "
                        + "and serialized_event::jsonb ->> 'subject' = ?", Timestamp.from(then),
                OutgoingMail.class.getName(), subject);
    }
}
