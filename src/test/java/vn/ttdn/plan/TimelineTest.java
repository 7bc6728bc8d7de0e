package vn.ttdn.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineTest {

    @ParameterizedTest
    @CsvSource({
            "yearly, YEARLY, timeline.yearly",
            "ongoing, ONGOING, timeline.ongoing",
            "2024, YEAR, timeline.year",
            "2024-2030, YEARS, timeline.years",
            "2023-10, MONTH, timeline.month",
            "2023-10-31, DATE, timeline.date"})
    void readsEveryFormAndWritesItBack(String code, Timeline.Kind kind, String labelKey) {
        Timeline timeline = Timeline.parse(code).orElseThrow();

        assertThat(timeline.kind()).isEqualTo(kind);
        assertThat(timeline.code()).isEqualTo(code);
        assertThat(timeline.labelKey()).isEqualTo(labelKey);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Hàng năm", "2024 - 2030", "2030-2024", "2023-13", "2023-02-30", "24", "2024-", "yearly "})
    void refusesWhatIsNotATimeline(String code) {
        boolean trimmedValid = code.equals("yearly ");
        assertThat(Timeline.parse(code).isPresent()).isEqualTo(trimmedValid);
        assertThat(Timeline.problem(code).isPresent()).isEqualTo(!trimmedValid);
    }

    @ParameterizedTest
    @CsvSource({"2024-2030, 2024, 2030", "2023-10-31, 31/10/2023, ''", "2023-10, 10, 2023"})
    void givesTheWordsOfTheLabel(String code, String first, String second) {
        List<Object> arguments = Timeline.parse(code).orElseThrow().labelArguments();

        assertThat(arguments.get(0)).isEqualTo(first);
        if (!second.isEmpty()) {
            assertThat(arguments.get(1)).isEqualTo(second);
        }
    }

    @ParameterizedTest
    @CsvSource({"15/12, 12, 15", "10/12, 12, 10", "29/2, 2, 29"})
    void readsDaysOfTheYear(String text, int month, int day) {
        assertThat(DayMonth.parse(text)).contains(MonthDay.of(month, day));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/2", "15-12", "0/1", "32/1", "15/13"})
    void refusesWhatIsNotADayOfTheYear(String text) {
        assertThat(DayMonth.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aDateTimelineKeepsItsDate() {
        assertThat(Timeline.parse("2023-10-31").orElseThrow().date()).isEqualTo(LocalDate.of(2023, 10, 31));
    }
}
