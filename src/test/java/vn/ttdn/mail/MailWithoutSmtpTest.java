package vn.ttdn.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.support.Db;
import vn.ttdn.support.WebTest;

/** Without an SMTP server (no spring.mail.host) a mail is dropped, and nothing waits for it in the outbox. */
@WebTest
class MailWithoutSmtpTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Db db;

    @Test
    void withoutAMailServerTheMailIsDroppedAndItsPublicationCompletes() {
        // when
        transaction.executeWithoutResult(status -> events.publishEvent(new OutgoingMail(
                List.of("cv.tu.qng@quangngai.dcs.vn"), "Thư không có máy chủ gửi", "Nội dung")));

        // then
        assertThat(db.mailsInOutbox("Thư không có máy chủ gửi")).hasSize(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.mailsInOutbox("Thư không có máy chủ gửi").stream().allMatch(done -> done != null));
    }
}
