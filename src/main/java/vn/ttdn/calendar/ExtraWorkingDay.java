package vn.ttdn.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A Saturday or Sunday the Government makes a working day, usually in exchange for a day off ("Làm bù cho ngày 2/5"). */
record ExtraWorkingDay(LocalDate day, String name) {

    ExtraWorkingDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(name, "name");
    }
}
