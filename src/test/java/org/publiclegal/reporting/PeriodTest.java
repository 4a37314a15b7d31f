package org.publiclegal.reporting;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Report periods are whole China-time days, both ends inclusive. */
class PeriodTest {

    @Test
    void aYearRunsFromMidnightOnNewYearsDayChinaTimeToMidnightAfterNewYearsEve() {
        Period year = Period.year(2025);
        assertEquals(LocalDate.of(2025, 1, 1), year.from());
        assertEquals(LocalDate.of(2025, 12, 31), year.to());
        assertEquals(Instant.parse("2024-12-31T16:00:00Z"), year.start());
        assertEquals(Instant.parse("2025-12-31T16:00:00Z"), year.end());
    }

    @Test
    void thePreviousYearOfALeapDayIsThe28thOfFebruary() {
        Period leapDay = new Period(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29));
        assertEquals(new Period(LocalDate.of(2023, 2, 28), LocalDate.of(2023, 2, 28)), leapDay.previousYear());
        assertEquals(Period.year(2024), Period.year(2025).previousYear());
    }
}
