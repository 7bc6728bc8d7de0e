package vn.ttdn.calendar;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The year calendars in use, cached per year. An edit on this node forgets the year at once (after
 * its commit); other nodes of a cluster reload a year after {@link #TIME_TO_LIVE} at the latest.
 * A year is loaded inside {@link ConcurrentHashMap#compute}, so forgetting a year waits for a load
 * in progress and never leaves a stale copy behind.
 */
@Component
class YearCalendars {

    /** How long another node may keep answering with a year an administrator has just changed. */
    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    private record Entry(YearCalendar calendar, long loadedAt) {
    }

    private final IntFunction<Optional<YearCalendar>> stored;
    private final Map<Integer, Entry> cache = new ConcurrentHashMap<>();

    @Autowired
    YearCalendars(CalendarStore store) {
        this(store::find);
    }

    /** @param stored the year as stored, or empty when nobody has set it (the defaults apply) */
    YearCalendars(IntFunction<Optional<YearCalendar>> stored) {
        this.stored = stored;
    }

    YearCalendar of(int year) {
        Entry entry = cache.get(year);
        if (entry != null && fresh(entry)) {
            return entry.calendar();
        }
        return cache.compute(year, (y, old) -> old != null && fresh(old) ? old : load(y)).calendar();
    }

    void forget(int year) {
        cache.remove(year);
    }

    private Entry load(int year) {
        YearCalendar calendar = stored.apply(year).orElseGet(() -> YearCalendar.defaults(year));
        return new Entry(calendar, System.nanoTime());
    }

    private static boolean fresh(Entry entry) {
        return System.nanoTime() - entry.loadedAt() < TIME_TO_LIVE.toNanos();
    }
}
