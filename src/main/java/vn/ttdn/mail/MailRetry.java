package vn.ttdn.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * While the application runs, sends again every e-mail whose delivery failed (its event
 * publication is still incomplete), every {@code ttdn.mail.retry-interval}. Only publications
 * older than that interval are resubmitted, so a mail whose first attempt is still under way is
 * not sent a second time by this node.
 *
 * <p>Each node runs this job, and nothing stops two nodes from resubmitting the same publication
 * at once: with several nodes a mail may go out twice. Delivery is at least once, never lost
 * (ADR 0006). The registry resubmits every incomplete publication, not only mail ones; today mail
 * is the only asynchronous listener.
 */
@Component
class MailRetry {

    private static final Logger log = LoggerFactory.getLogger(MailRetry.class);

    private final IncompleteEventPublications incomplete;
    private final MailSettings settings;

    MailRetry(IncompleteEventPublications incomplete, MailSettings settings) {
        this.incomplete = incomplete;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${ttdn.mail.retry-interval:PT1M}",
            fixedDelayString = "${ttdn.mail.retry-interval:PT1M}")
    void resubmitUnsentMail() {
        log.debug("Resubmitting event publications incomplete for more than {}", settings.retryInterval());
        incomplete.resubmitIncompletePublicationsOlderThan(settings.retryInterval());
    }
}
