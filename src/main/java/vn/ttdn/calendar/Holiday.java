package vn.ttdn.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A day off other than the weekly Saturday and Sunday, with its Vietnamese name ("Tết Nguyên đán (mùng 1)"). */
public record Holiday(LocalDate day, String name, HolidayKind kind) {

    public Holiday {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
