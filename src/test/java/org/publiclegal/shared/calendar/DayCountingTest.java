package org.publiclegal.shared.calendar;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.calendar.DayCounting.DayKind;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DayCountingTest {

    @Test
    void calendarDaysDoNotCountTheStartingDay() {
        // received Monday 2 March: 7 days end on Monday 9 March
        assertEquals(LocalDate.of(2026, 3, 9), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 3, 2), 7, Map.of()));
    }

    @Test
    void workingDaysSkipWeekends() {
        // Friday 6 March + 3 working days = Wednesday 11 March
        assertEquals(LocalDate.of(2026, 3, 11), DayCounting.WORKING.lastDay(LocalDate.of(2026, 3, 6), 3, Map.of()));
        // Monday 2 March + 7 working days = Wednesday 11 March
        assertEquals(LocalDate.of(2026, 3, 11), DayCounting.WORKING.lastDay(LocalDate.of(2026, 3, 2), 7, Map.of()));
    }

    @Test
    void workingDaysSkipHolidaysAndCountAdjustedWorkingWeekends() {
        Map<LocalDate, DayKind> calendar = Map.of(
                LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, LocalDate.of(2026, 10, 2), DayKind.HOLIDAY,
                LocalDate.of(2026, 10, 5), DayKind.HOLIDAY, LocalDate.of(2026, 10, 6), DayKind.HOLIDAY,
                LocalDate.of(2026, 10, 7), DayKind.HOLIDAY, LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
        // Wednesday 30 Sept + 3 working days: 8 Oct (Thu), 9 Oct (Fri), 10 Oct (adjusted Saturday)
        assertEquals(LocalDate.of(2026, 10, 10), DayCounting.WORKING.lastDay(LocalDate.of(2026, 9, 30), 3, calendar));
        // the same period in calendar days ends on 3 October, holiday or not
        assertEquals(LocalDate.of(2026, 10, 3), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 9, 30), 3, calendar));
    }

    @Test
    void zeroDaysEndOnTheStartingDay() {
        assertEquals(LocalDate.of(2026, 3, 6), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 3, 6), 0, Map.of()));
        assertEquals(LocalDate.of(2026, 3, 6), DayCounting.WORKING.lastDay(LocalDate.of(2026, 3, 6), 0, Map.of()));
    }

    @Test
    void oneWorkingDayFromFridayIsMondayAndFromSaturdayIsMonday() {
        assertEquals(LocalDate.of(2026, 3, 9), DayCounting.WORKING.lastDay(LocalDate.of(2026, 3, 6), 1, Map.of()));
        assertEquals(LocalDate.of(2026, 3, 9), DayCounting.WORKING.lastDay(LocalDate.of(2026, 3, 7), 1, Map.of()));
        assertEquals(LocalDate.of(2026, 3, 3), DayCounting.WORKING.lastDay(LocalDate.of(2026, 3, 2), 1, Map.of()));
    }

    @Test
    void saturdaysAndSundaysAreRestDaysUnlessTheCalendarSaysOtherwise() {
        assertEquals(false, DayCounting.isWorkingDay(LocalDate.of(2026, 3, 7), Map.of()), "Saturday");
        assertEquals(false, DayCounting.isWorkingDay(LocalDate.of(2026, 3, 8), Map.of()), "Sunday");
        assertEquals(true, DayCounting.isWorkingDay(LocalDate.of(2026, 3, 6), Map.of()), "Friday");
        assertEquals(true, DayCounting.isWorkingDay(LocalDate.of(2026, 3, 9), Map.of()), "Monday");
        assertEquals(false, DayCounting.isWorkingDay(LocalDate.of(2026, 10, 1), Map.of(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY)));
        assertEquals(true, DayCounting.isWorkingDay(LocalDate.of(2026, 10, 10), Map.of(LocalDate.of(2026, 10, 10), DayKind.WORKDAY)));
    }
}
