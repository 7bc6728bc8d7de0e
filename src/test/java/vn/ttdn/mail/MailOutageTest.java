package vn.ttdn.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.support.Db;
import vn.ttdn.support.MailTest;

/**
 * The SMTP server down for an hour: the mails written meanwhile wait in the outbox, each tried
 * again at longer and longer waits (1, 3, 7, 15, 30, 45, 60 minutes with the defaults), and once the
 * server is back every one of them goes out, exactly once. The hour passes on the retry's clock.
 */
@MailTest
class MailOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MAILS = 5;
    private static final String SUBJECT = "Thư trong lúc máy chủ thư ngừng ";

    /** The SMTP server on the application's port; down (not listening) until the test starts it. */
    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    MailSettings settings;
    @Autowired
    Db db;
    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listeners;

    @AfterEach
    void stopTheMailServer() {
        smtp.stop();
    }

    @Test
    void mailWrittenDuringAnHourWithoutTheServerIsRetriedAtLongerWaitsAndAllGoesOutOnceWhenItIsBack() {
        // given five mails written while the server is down
        List<String> subjects = IntStream.rangeClosed(1, MAILS).mapToObj(i -> SUBJECT + i).toList();
        transaction.executeWithoutResult(status -> subjects.forEach(subject -> events.publishEvent(new OutgoingMail(
                List.of("nguoi-nhan-" + subjects.indexOf(subject) + "@quangngai.gov.vn"), subject, "Nội dung."))));
        awaitIdleListeners();

        // and the retry as the defaults set it (every minute, waits up to 15 minutes), on a clock of its own
        // that starts when they were written
        MovableClock clock = new MovableClock(Instant.now());
        MailRetry retry = new MailRetry(incomplete, new MailSettings(settings.from(), Duration.ofMinutes(1),
                Duration.ofMinutes(15)), clock);

        // and an hour passes, the retry looking every minute
        Map<String, List<Integer>> retriedAt = new LinkedHashMap<>();
        subjects.forEach(s -> retriedAt.put(s, new ArrayList<>()));
        for (int minute = 1; minute <= 60; minute++) {
            clock.set(minute);
            note(retry.resubmitDue(), minute, retriedAt);
            awaitIdleListeners();
        }

        // then nothing went out, every mail waits in the outbox, and each was tried at longer and longer waits
        assertThat(smtp.getReceivedMessages()).isEmpty();
        subjects.forEach(subject -> assertThat(db.mailsInOutbox(subject)).containsExactly((java.sql.Timestamp) null));
        assertThat(retriedAt).allSatisfy((subject, minutes) ->
                assertThat(minutes).as(subject).containsExactly(1, 3, 7, 15, 30, 45, 60));

        // when the server is back, and the retry keeps looking
        smtp.start();
        for (int minute = 61; minute <= 80; minute++) {
            clock.set(minute);
            note(retry.resubmitDue(), minute, retriedAt);
            awaitIdleListeners();
        }

        // then every mail went out once, at the next retry (15 minutes after the last), and none is waiting
        assertThat(retriedAt).allSatisfy((subject, minutes) ->
                assertThat(minutes).as(subject).containsExactly(1, 3, 7, 15, 30, 45, 60, 75));
        await().atMost(WAIT).until(() -> subjects.stream().allMatch(s -> db.mailsInOutbox(s).stream()
                .allMatch(done -> done != null)));
        Map<String, Long> received = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            received.merge(subject(message), 1L, Long::sum);
        }
        subjects.forEach(subject -> assertThat(received).as("copies of " + subject).containsEntry(subject, 1L));
        subjects.forEach(subject -> assertThat(db.mailsInOutbox(subject)).hasSize(1));
    }

    private void note(List<EventPublication> resubmitted, int minute, Map<String, List<Integer>> retriedAt) {
        for (EventPublication publication : resubmitted) {
            if (publication.getEvent() instanceof OutgoingMail mail && retriedAt.containsKey(mail.subject())) {
                retriedAt.get(mail.subject()).add(minute);
            }
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every listener run handed to the task executor has finished (sent, or failed against the closed port). */
    private void awaitIdleListeners() {
        await().atMost(WAIT).until(() -> {
            ThreadPoolExecutor pool = listeners.getThreadPoolExecutor();
            return pool.getActiveCount() == 0 && pool.getQueue().isEmpty();
        });
    }

    /** A clock that stands still at a start plus the minutes it is set to. */
    private static final class MovableClock extends Clock {
        private final Instant start;
        private volatile Instant now;

        MovableClock(Instant start) {
            this.start = start;
            this.now = start;
        }

        void set(int minutes) {
            now = start.plus(Duration.ofMinutes(minutes));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
