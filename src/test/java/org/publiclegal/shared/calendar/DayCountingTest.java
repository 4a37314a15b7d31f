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
        // the same period in calendar days would end on Saturday 3 October, a rest day inside the holiday:
        // 民法典 Art. 203 moves it to the first working day after the holiday, Thursday 8 October
        assertEquals(LocalDate.of(2026, 10, 8), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 9, 30), 3, calendar));
    }

    private static final Map<LocalDate, DayKind> NATIONAL_DAY_2026 = Map.of(
            LocalDate.of(2026, 9, 20), DayKind.WORKDAY,
            LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, LocalDate.of(2026, 10, 2), DayKind.HOLIDAY,
            LocalDate.of(2026, 10, 3), DayKind.HOLIDAY, LocalDate.of(2026, 10, 4), DayKind.HOLIDAY,
            LocalDate.of(2026, 10, 5), DayKind.HOLIDAY, LocalDate.of(2026, 10, 6), DayKind.HOLIDAY,
            LocalDate.of(2026, 10, 7), DayKind.HOLIDAY, LocalDate.of(2026, 10, 10), DayKind.WORKDAY);

    @Test
    void aCalendarPeriodEndingOnTheLastDayOfTheNationalDayHolidayRollsToThe8thAndOneEndingOnThe8thStays() {
        // 28 September + 9 days = 7 October (holiday) → 8 October; + 10 days = 8 October itself
        assertEquals(LocalDate.of(2026, 10, 8), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 9, 28), 9, NATIONAL_DAY_2026));
        assertEquals(LocalDate.of(2026, 10, 8), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 9, 28), 10, NATIONAL_DAY_2026));
        // ending on 30 September (the working day before the holiday) does not move
        assertEquals(LocalDate.of(2026, 9, 30), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 9, 27), 3, NATIONAL_DAY_2026));
    }

    @Test
    void aCalendarPeriodEndingOnAnAdjustedWorkingSaturdayEndsThatSaturdayAndOnAnOrdinarySaturdayOnMonday() {
        // 5 October + 5 days = Saturday 10 October, a 调休 working day: no roll-forward
        assertEquals(LocalDate.of(2026, 10, 10), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 10, 5), 5, NATIONAL_DAY_2026));
        // 12 October + 5 days = Saturday 17 October, an ordinary rest day: Monday 19 October
        assertEquals(LocalDate.of(2026, 10, 19), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 10, 12), 5, NATIONAL_DAY_2026));
        // Sunday 20 September is a 调休 working day: a period ending on it stays there
        assertEquals(LocalDate.of(2026, 9, 20), DayCounting.CALENDAR.lastDay(LocalDate.of(2026, 9, 17), 3, NATIONAL_DAY_2026));
    }

    @Test
    void workingDaysAcrossTheNationalDayHolidayCountTheAdjustedSaturday() {
        // 29 September + 3 working days: 30 Sept, 8 Oct, 9 Oct
        assertEquals(LocalDate.of(2026, 10, 9), DayCounting.WORKING.lastDay(LocalDate.of(2026, 9, 29), 3, NATIONAL_DAY_2026));
        // + 4: the 调休 Saturday 10 October is the fourth
        assertEquals(LocalDate.of(2026, 10, 10), DayCounting.WORKING.lastDay(LocalDate.of(2026, 9, 29), 4, NATIONAL_DAY_2026));
        // 18 September (Fri) + 1 working day: the 调休 Sunday 20 September
        assertEquals(LocalDate.of(2026, 9, 20), DayCounting.WORKING.lastDay(LocalDate.of(2026, 9, 18), 1, NATIONAL_DAY_2026));
    }

    @Test
    void theNextWorkingDayFromAWorkingDayIsThatDay() {
        assertEquals(LocalDate.of(2026, 10, 9), DayCounting.nextWorkingDayFrom(LocalDate.of(2026, 10, 9), NATIONAL_DAY_2026));
        assertEquals(LocalDate.of(2026, 10, 8), DayCounting.nextWorkingDayFrom(LocalDate.of(2026, 10, 1), NATIONAL_DAY_2026));
    }

    @Test
    void zeroDaysEndOnTheStartingDayWhenItIsAWorkingDay() {
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
