package vn.ttdn.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Db;
import vn.ttdn.support.MailTest;
import vn.ttdn.support.RoundDriver;
import vn.ttdn.support.SeedPlans;

/**
 * A supervisor's reminder reaches the officers and leaders of the body its task waits for by
 * e-mail through a real SMTP server (GreenMail), in Vietnamese, after the action commits.
 */
@MailTest
@org.junit.jupiter.api.extension.ExtendWith(vn.ttdn.support.EngineClock.class)
class SupervisorReminderMailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);

    @Autowired
    RoundDriver rounds;
    @Autowired
    Chain chain;
    @Autowired
    Db db;

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aSupervisorsReminderIsMailedToTheWaitingBodysOfficersAndLeaders() throws Exception {
        // given a report of the Sở Lao động waiting for its officer
        smtp.start();
        long planId = rounds.issuedCopy(SeedPlans.QUANG_NGAI, "QNG-TEST-MAIL-SUPERVISOR", "qng");
        long roundId = rounds.open(planId, "cv.svhttdl.qng", Map.of("kind", "adhoc", "deadline", "2026-12-18",
                "tasks", List.of("2.2"), "bodies", List.of("QNG-SLDTBXH"))).path("id").asLong();
        String instance = db.jdbc().queryForObject("select instance_id from ttdn.process_instance_info "
                + "where round_id = ? and process_key = 'agency-report'", String.class, roundId);

        // when the supervisor reminds it
        Chain.ok(chain.post("/api/instances/" + instance + "/remind", "giamsat",
                Map.of("reason", "Cơ quan chưa bắt đầu soạn báo cáo")));

        // then the officer and the leader get the mail, nobody else of the round
        String subject = "Đôn đốc xử lý: Soạn báo cáo kết quả thực hiện (Kế hoạch QNG-TEST-MAIL-SUPERVISOR)";
        MimeMessage mail = await().atMost(WAIT).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject.equals(subjectOf(m))).findFirst().orElse(null), Objects::nonNull);
        assertThat((String) mail.getContent()).contains("Cơ quan chưa bắt đầu soạn báo cáo.", "hạn 18/12/2026",
                "Trần Thanh Hạnh");
        await().atMost(WAIT).until(() -> delivered("cv.qng-sldtbxh@demo.ttdn.vn", subject)
                && delivered("ld.qng-sldtbxh@demo.ttdn.vn", subject));
        assertThat(delivered("cv.svhttdl.qng@demo.ttdn.vn", subject)).isFalse();
    }

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
