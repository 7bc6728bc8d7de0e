package vn.ttdn.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Db;
import vn.ttdn.support.MailTest;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;

/**
 * Reminders (đôn đốc) and lateness reach people by e-mail through a real SMTP server (GreenMail):
 * the officers and leaders of the bodies not in yet, in Vietnamese; a reminder sent while the mail
 * server is down waits in the outbox and goes out once it is up again.
 */
@MailTest
@org.junit.jupiter.api.extension.ExtendWith(vn.ttdn.support.EngineClock.class)
class ReminderMailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONSOLIDATING = "cv.svhttdl.qng";

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);

    @Autowired
    RoundDriver rounds;
    @Autowired
    Db db;
    @Autowired
    MailRetry retry;
    @Autowired
    MailSettings settings;
    @Autowired
    DirectoryService directory;

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aReminderGoesToTheOfficersAndLeadersOfTheBodiesNotInAndTheLatenessToTheConsolidatingLeaders()
            throws Exception {
        // given a round of two bodies, one of which reported, and a deputy director of the Sở VHTTDL with an address
        smtp.start();
        directory.savePerson("pgd.svhttdl.qng", "Lý Thị Hồng", "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch",
                "QNG-SVHTTDL", "pgd.svhttdl.qng@demo.ttdn.vn", "{noop}unused", java.util.Set.of(Role.LEADER));
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-MAIL-1", "qng");
        long roundId = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.2", "2.3"), "bodies", List.of("QNG-SLDTBXH", "QNG-SNGV"))).path("id").asLong();
        rounds.reportStraight(planId, roundId, "QNG-SLDTBXH", "cv.qng-sldtbxh", "ld.qng-sldtbxh", CONSOLIDATING);

        // when the reminder seven working days before the deadline falls due, and later the deadline passes
        rounds.fireTimer(roundId, "boundaryEvent_remindSevenDays");
        MimeMessage reminder = awaitMail("Đôn đốc báo cáo kết quả thực hiện Kế hoạch QNG-TEST-MAIL-1 (hạn 18/12/2026)");
        rounds.fireTimer(roundId, "boundaryEvent_overdue");
        MimeMessage late = awaitMail("Kế hoạch QNG-TEST-MAIL-1: 1 cơ quan chưa gửi báo cáo đúng hạn");

        // then the reminder went, as Bcc, to the Sở Ngoại vụ's officer and leader only, in Vietnamese
        assertThat(reminder.getRecipients(Message.RecipientType.TO)).isNull();
        String reminderSubject = reminder.getSubject();
        assertThat(delivered("cv.qng-sngv@demo.ttdn.vn", reminderSubject)).isTrue();
        assertThat(delivered("ld.qng-sngv@demo.ttdn.vn", reminderSubject)).isTrue();
        assertThat(delivered("cv.qng-sldtbxh@demo.ttdn.vn", reminderSubject)).isFalse();
        assertThat((String) reminder.getContent()).contains("còn 7 ngày làm việc", "18/12/2026");
        // and the lateness to the consolidating body's leaders, not its officers
        assertThat(delivered("pgd.svhttdl.qng@demo.ttdn.vn", late.getSubject())).isTrue();
        assertThat(delivered("ld.qng-sngv@demo.ttdn.vn", late.getSubject())).isFalse();
        assertThat((String) late.getContent()).contains("Sở Ngoại vụ");
    }

    @Test
    void aReminderDueWhileTheMailServerIsDownGoesOutOnceItIsUp() throws Exception {
        // given an open round, and no mail server
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-MAIL-2", "qng");
        long roundId = rounds.open(planId, CONSOLIDATING, Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.2"))).path("id").asLong();
        String subject = "Đôn đốc báo cáo kết quả thực hiện Kế hoạch QNG-TEST-MAIL-2 (hạn 18/12/2026)";

        // when the reminder falls due: the timer's work commits, the mail waits unsent
        rounds.fireTimer(roundId, "boundaryEvent_remindThreeDays");
        assertThat(db.jdbc().queryForObject("select count(*) from ttdn.notification where message like ?",
                Integer.class, "%còn 3 ngày làm việc%QNG-TEST-MAIL-2%")).isPositive();
        await().atMost(WAIT).until(() -> !db.mailsInOutbox(subject).isEmpty());
        await().atMost(WAIT).pollDelay(Duration.ofMillis(200)).until(() -> db.mailsInOutbox(subject).stream()
                .allMatch(java.util.Objects::isNull));
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // when the mail server is up and the retry runs
        smtp.start();
        Instant then = Instant.now().minus(settings.retryInterval()).minusSeconds(60);
        db.jdbc().update("update ttdn.event_publication set publication_date = ? where event_type = ? "
                + "and serialized_event::jsonb ->> 'subject' = ?", Timestamp.from(then), OutgoingMail.class.getName(),
                subject);
        retry.resubmitUnsentMail();

        // then the reminder arrives
        awaitMail(subject);
        assertThat(delivered("cv.qng-sldtbxh@demo.ttdn.vn", subject)).isTrue();
        assertThat(delivered("ld.qng-sldtbxh@demo.ttdn.vn", subject)).isTrue();
        await().atMost(WAIT).until(() -> db.mailsInOutbox(subject).stream().allMatch(java.util.Objects::nonNull));
    }

    /** The one message with this subject GreenMail receives (bounded wait). */
    private MimeMessage awaitMail(String subject) {
        return await().atMost(WAIT).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject.equals(subjectOf(m))).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** Whether a message with this subject is in the address's mailbox (Bcc: one copy per recipient). */
    private boolean delivered(String address, String subject) throws Exception {
        var user = smtp.getUserManager().getUserByEmail(address);
        if (user == null) {
            return false;
        }
        for (var stored : smtp.getManagers().getImapHostManager().getInbox(user).getMessages()) {
            if (subject.equals(stored.getMimeMessage().getSubject())) {
                return true;
            }
        }
        return false;
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
