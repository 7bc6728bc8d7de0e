package vn.ttdn.calendar;

import java.sql.Date;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The years administrators have set (tables calendar_year, calendar_day_off, calendar_working_day). */
@Repository
class CalendarStore {

    private final JdbcTemplate jdbc;

    CalendarStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The year as stored, or empty when nobody has set it. Its three reads see one snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<YearCalendar> find(int year) {
        List<YearCalendar.Edited> edited = jdbc.query(
                "select updated_by, updated_at from ttdn.calendar_year where year = ?",
                (rs, i) -> new YearCalendar.Edited(rs.getString(1), rs.getObject(2, OffsetDateTime.class)), year);
        if (edited.isEmpty()) {
            return Optional.empty();
        }
        List<Holiday> daysOff = jdbc.query("select day, name, kind from ttdn.calendar_day_off where year = ? order by day",
                (rs, i) -> new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2),
                        HolidayKind.valueOf(rs.getString(3))), year);
        List<ExtraWorkingDay> workingDays = jdbc.query(
                "select day, name from ttdn.calendar_working_day where year = ? order by day",
                (rs, i) -> new ExtraWorkingDay(rs.getDate(1).toLocalDate(), rs.getString(2)), year);
        return Optional.of(YearCalendar.stored(year, daysOff, workingDays, edited.get(0)));
    }

    /**
     * Marks the year as set (if it was not) and locks it until the transaction ends, so edits of
     * one year follow each other. True if the year was already set, false if it is set from now on.
     */
    @Transactional
    public boolean lock(int year, String by) {
        int created = jdbc.update("insert into ttdn.calendar_year (year, updated_by) values (?, ?) "
                + "on conflict (year) do nothing", year, by);
        jdbc.queryForObject("select year from ttdn.calendar_year where year = ? for update", Integer.class, year);
        return created == 0;
    }

    /** Stores the year's days, replacing what it had. Call within the transaction that locked it. */
    @Transactional
    public void replace(int year, List<Holiday> daysOff, List<ExtraWorkingDay> workingDays, String by) {
        jdbc.update("update ttdn.calendar_year set updated_at = now(), updated_by = ? where year = ?", by, year);
        jdbc.update("delete from ttdn.calendar_day_off where year = ?", year);
        jdbc.update("delete from ttdn.calendar_working_day where year = ?", year);
        jdbc.batchUpdate("insert into ttdn.calendar_day_off (day, year, name, kind) values (?, ?, ?, ?)",
                daysOff.stream().map(h -> new Object[] {Date.valueOf(h.day()), year, h.name(), h.kind().name()})
                        .toList());
        jdbc.batchUpdate("insert into ttdn.calendar_working_day (day, year, name) values (?, ?, ?)",
                workingDays.stream().map(w -> new Object[] {Date.valueOf(w.day()), year, w.name()}).toList());
    }

    /** Forgets the year: the defaults apply again. True if it was set. */
    @Transactional
    public boolean delete(int year) {
        return jdbc.update("delete from ttdn.calendar_year where year = ?", year) > 0;
    }
}
