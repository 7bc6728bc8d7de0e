package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.SeedPlans;
import vn.ttdn.support.WebTest;

/**
 * With SMTP configured, the recipients (nơi nhận) of an issued plan get an e-mail once the
 * issuance commits, besides the in-app notice; a real SMTP server (GreenMail) receives it.
 */
@WebTest
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
class IssueMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;

    @Test
    void recipientsOfAnIssuedPlanAreNotifiedInTheAppAndByMail() throws Exception {
        // given: a person of the provincial Party committee (a recipient) who gave an e-mail address
        directory.savePerson("cv.tu.qng", "Võ Thị Tỉnh", "Chuyên viên Văn phòng Tỉnh ủy", "QNG-TU",
                "cv.tu.qng@quangngai.dcs.vn", "{noop}unused", Set.of(Role.OFFICER));
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-MAIL");
        Chain.ok(chain.start(planId, Cast.of("qng").drafter()));

        // when
        chain.straightThrough(planId, Cast.of("qng"));

        // then
        String reference = db.jdbc().queryForObject("select issued_reference from ttdn.plan where id = ?",
                String.class, planId);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        // sent as Bcc, so recipients do not see each other: GreenMail keeps one copy per mailbox
        var mailbox = smtp.getUserManager().getUserByEmail("cv.tu.qng@quangngai.dcs.vn");
        assertThat(mailbox).as("a mailbox for the recipient").isNotNull();
        var inbox = smtp.getManagers().getImapHostManager().getInbox(mailbox);
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        MimeMessage mail = inbox.getMessages().get(0).getMimeMessage();
        assertThat(mail.getSubject()).isEqualTo("Đã ban hành Kế hoạch số " + reference);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).isNull();
        assertThat(GreenMailUtil.getBody(mail)).contains(reference);
        assertThat(db.jdbc().queryForList("select body_code from ttdn.notification where plan_id = ?", String.class,
                planId)).contains("QNG-TU", "QNG-HDND", "BTTTT");
        var notices = Chain.ok(chain.get("/api/notifications", "cv.tu.qng")).body();
        assertThat(notices.findValuesAsText("message")).anyMatch(m -> m.contains(reference));
    }
}
