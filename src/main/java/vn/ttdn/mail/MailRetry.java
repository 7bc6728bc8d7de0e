package vn.ttdn.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * While the application runs, sends again every e-mail whose delivery failed (its event
 * publication is still incomplete), looking every {@code ttdn.mail.retry-interval}. A mail is first
 * tried again once it is older than that interval (a younger one may still be on its first
 * attempt); after that the wait doubles from one retry to the next, up to
 * {@code ttdn.mail.retry-max-interval}: a server down for an hour costs each mail a handful of
 * attempts, not one a minute, and every mail still goes out at most that long after it is back.
 *
 * <p>The waits are this node's, kept in memory: a restart republishes every incomplete publication
 * at once and starts them afresh. Each node runs this job, and nothing stops two nodes from
 * resubmitting the same publication at once: with several nodes a mail may go out twice. Delivery
 * is at least once, never lost (ADR 0006). The registry resubmits every incomplete publication, not
 * only mail ones; today mail is the only asynchronous listener.
 */
@Component
class MailRetry {

    private static final Logger log = LoggerFactory.getLogger(MailRetry.class);

    /** A publication's retries so far and when it is due again. */
    private record Backoff(int retries, Instant due) {
    }

    private final IncompleteEventPublications incomplete;
    private final MailSettings settings;
    private final Clock clock;
    private final Map<UUID, Backoff> waits = new ConcurrentHashMap<>();

    @Autowired
    MailRetry(IncompleteEventPublications incomplete, MailSettings settings) {
        this(incomplete, settings, Clock.systemUTC());
    }

    MailRetry(IncompleteEventPublications incomplete, MailSettings settings, Clock clock) {
        this.incomplete = incomplete;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${ttdn.mail.retry-interval:PT1M}",
            fixedDelayString = "${ttdn.mail.retry-interval:PT1M}")
    void resubmitUnsentMail() {
        List<EventPublication> resubmitted = resubmitDue();
        if (!resubmitted.isEmpty()) {
            log.info("Resubmitted {} unsent publication(s)", resubmitted.size());
        }
    }

    /**
     * Resubmits the incomplete publications that are due now, and returns them: those older than the
     * retry interval not tried again yet, and those whose wait since their last retry has passed.
     */
    List<EventPublication> resubmitDue() {
        Instant now = clock.instant();
        Instant oldEnough = now.minus(settings.retryInterval());
        Set<UUID> open = new HashSet<>();
        List<EventPublication> due = new ArrayList<>();
        incomplete.resubmitIncompletePublications(publication -> {
            open.add(publication.getIdentifier());
            if (publication.getPublicationDate().isAfter(oldEnough)) {
                return false;
            }
            Backoff last = waits.get(publication.getIdentifier());
            if (last != null && now.isBefore(last.due())) {
                return false;
            }
            int retries = last == null ? 1 : last.retries() + 1;
            waits.put(publication.getIdentifier(), new Backoff(retries, now.plus(wait(retries))));
            due.add(publication);
            return true;
        });
        // the publications completed since (sent, or handled by another node) need no wait any more
        waits.keySet().retainAll(open);
        return due;
    }

    /** The wait after the n-th retry: the interval doubled n times, at most the largest interval. */
    Duration wait(int retries) {
        Duration max = settings.retryMaxInterval();
        Duration wait = settings.retryInterval();
        for (int i = 0; i < retries && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) < 0 ? wait : max;
    }
}
