package vn.ttdn.calendar;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The year calendars in use, cached per year. An edit on this node forgets the year at once (after
 * its commit); other nodes of a cluster reload a year after {@link #TIME_TO_LIVE} at the latest.
 *
 * <p>Years load without holding a lock (a load reads the database). A load that overlaps a
 * {@link #forget} may have read the old rows, so it takes its copy out of the cache again: the
 * loader puts, then checks the count of forgets; the forgetter counts, then removes. Whichever
 * comes second removes the copy, so no stale year outlives an edit.
 */
@Component
class YearCalendars {

    /** How long another node may keep answering with a year an administrator has just changed. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    private record Entry(YearCalendar calendar, long loadedAt) {
    }

    private final IntFunction<Optional<YearCalendar>> stored;
    private final Map<Integer, Entry> cache = new ConcurrentHashMap<>();
    private final AtomicLong forgets = new AtomicLong();

    @Autowired
    YearCalendars(CalendarStore store) {
        this(store::find);
    }

    /** @param stored the year as stored, or empty when nobody has set it (the defaults apply) */
    YearCalendars(IntFunction<Optional<YearCalendar>> stored) {
        this.stored = stored;
    }

    YearCalendar of(int year) {
        Entry cached = cache.get(year);
        if (cached != null && System.nanoTime() - cached.loadedAt() < TIME_TO_LIVE.toNanos()) {
            return cached.calendar();
        }
        long forgotten = forgets.get();
        Entry loaded = new Entry(stored.apply(year).orElseGet(() -> YearCalendar.defaults(year)), System.nanoTime());
        cache.put(year, loaded);
        if (forgets.get() != forgotten) {
            cache.remove(year, loaded);
        }
        return loaded.calendar();
    }

    void forget(int year) {
        forgets.incrementAndGet();
        cache.remove(year);
    }
}
