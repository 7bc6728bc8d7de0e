package vn.ttdn.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.directory.DirectoryService;
import vn.ttdn.directory.Role;
import vn.ttdn.security.CurrentUser;
import vn.ttdn.support.Chain;
import vn.ttdn.support.Chain.Cast;
import vn.ttdn.support.Db;
import vn.ttdn.support.MailTest;
import vn.ttdn.support.SeedPlans;

/**
 * With SMTP configured, the recipients (nơi nhận) of an issued plan get an e-mail once the
 * issuance commits, besides the in-app notice; a real SMTP server (GreenMail) receives it.
 */
@MailTest
class IssueMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Chain chain;
    @Autowired
    Db db;
    @Autowired
    DirectoryService directory;
    @Autowired
    Approvals approvals;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void recipientsOfAnIssuedPlanAreNotifiedInTheAppAndByMail() throws Exception {
        // given: a person of the provincial Party committee (a recipient) who gave an e-mail address
        aRecipientWithAnAddress();
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
        assertThat(mail.getSubject()).isEqualTo(subject(reference));
        assertThat(mail.getRecipients(Message.RecipientType.TO)).isNull();
        assertThat(GreenMailUtil.getBody(mail)).contains(reference);
        assertThat(db.jdbc().queryForList("select body_code from ttdn.notification where plan_id = ?", String.class,
                planId)).contains("QNG-TU", "QNG-HDND", "BTTTT");
        var notices = Chain.ok(chain.get("/api/notifications", "cv.tu.qng")).body();
        assertThat(notices.findValuesAsText("message")).anyMatch(m -> m.contains(reference));
    }

    @Test
    void anIssuanceThatRollsBackSendsNoMail() throws Exception {
        // given: an approved plan waiting for the clerk, and a recipient with an e-mail address
        aRecipientWithAnAddress();
        long planId = chain.importSeed(SeedPlans.QUANG_NGAI, "QNG-MAIL-RB");
        Chain.ok(chain.start(planId, Cast.of("qng").drafter()));
        chain.upToIssue(planId, Cast.of("qng"));
        CurrentUser clerk = new CurrentUser("vt.ubnd.qng", "Võ Quốc Hùng", "QNG-UBND", Set.of(Role.CLERK));

        // when: an issuance rolls back (its mail was written in it), then the clerk issues the plan
        String rolledBack = transaction.execute(status -> {
            String reference = approvals.issue(planId, LocalDate.of(2026, 11, 20), clerk).reference();
            status.setRollbackOnly();
            return reference;
        });
        assertThat(db.mailsInOutbox(subject(rolledBack), planId)).as("the rolled-back mail left the outbox with its issuance")
                .isEmpty();
        chain.act(planId, "userTask_issue", "vt.ubnd.qng", Map.of("issueDate", "2026-11-20"));

        // then: one mail, the issuance that committed (it took the number the rolled-back one gave back)
        String reference = db.jdbc().queryForObject("select issued_reference from ttdn.plan where id = ?",
                String.class, planId);
        assertThat(reference).isEqualTo(rolledBack);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(db.mailsInOutbox(subject(reference), planId)).hasSize(1);
        var mailbox = smtp.getUserManager().getUserByEmail("cv.tu.qng@quangngai.dcs.vn");
        assertThat(smtp.getManagers().getImapHostManager().getInbox(mailbox).getMessageCount()).isEqualTo(1);
    }

    private void aRecipientWithAnAddress() {
        directory.savePerson("cv.tu.qng", "Võ Thị Tỉnh", "Chuyên viên Văn phòng Tỉnh ủy", "QNG-TU",
                "cv.tu.qng@quangngai.dcs.vn", "{noop}unused", Set.of(Role.OFFICER));
    }

    private static String subject(String reference) {
        return "Đã ban hành Kế hoạch số " + reference;
    }
}
