package vn.ttdn.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A date as Vietnamese documents print it in running text: "03/6/2024". */
public final class PrintedDate {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/M/yyyy");

    private PrintedDate() {
    }

    public static String of(LocalDate date) {
        return FORMAT.format(date);
    }
}
