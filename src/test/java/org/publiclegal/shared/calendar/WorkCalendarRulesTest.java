package org.publiclegal.shared.calendar;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.calendar.DayCounting.DayKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A deadline ends at 24:00 China time of its last day; the period starts on the China date of the event. */
class WorkCalendarRulesTest {

    @Test
    void aDeadlineEndsAtMidnightChinaTimeAfterItsLastDay() {
        assertEquals(Instant.parse("2026-03-09T16:00:00Z"), WorkCalendar.endOf(LocalDate.of(2026, 3, 9)));
    }

    @Test
    void aCalendarDayPeriodCountsFromTheChinaDateOfItsStart() {
        WorkCalendar calendar = new WorkCalendar() {
            @Override
            protected io.smallrye.mutiny.Uni<Map<LocalDate, DayKind>> days(LocalDate from, LocalDate to) {
                return io.smallrye.mutiny.Uni.createFrom().item(Map.of());
            }
        };
        // 23:59:59 on 2 March in China: 7 days end at the end of 9 March
        assertEquals(Instant.parse("2026-03-09T16:00:00Z"),
                calendar.deadline(Instant.parse("2026-03-02T15:59:59Z"), 7, DayCounting.CALENDAR).await().indefinitely());
        // one second later it is 3 March in China, though still 2 March in UTC
        assertEquals(Instant.parse("2026-03-10T16:00:00Z"),
                calendar.deadline(Instant.parse("2026-03-02T16:00:00Z"), 7, DayCounting.CALENDAR).await().indefinitely());
    }

    @Test
    void aCalendarPeriodEndingOnAWeekendEndsAtMidnightAfterMonday() {
        WorkCalendar calendar = new WorkCalendar() {
            @Override
            protected io.smallrye.mutiny.Uni<Map<LocalDate, DayKind>> days(LocalDate from, LocalDate to) {
                assertEquals(LocalDate.of(2026, 3, 2), from);
                assertEquals(WorkCalendar.holidayWindowEnd(from, 5), to);
                return io.smallrye.mutiny.Uni.createFrom().item(Map.of());
            }
        };
        // Monday 2 March + 5 days = Saturday 7 March: ends at 24:00 on Monday 9 March
        assertEquals(Instant.parse("2026-03-09T16:00:00Z"),
                calendar.deadline(LocalDate.of(2026, 3, 2), 5, DayCounting.CALENDAR).await().indefinitely());
        assertEquals(LocalDate.of(2026, 3, 9), calendar.lastDay(LocalDate.of(2026, 3, 2), 5, DayCounting.CALENDAR)
                .await().indefinitely());
    }

    @Test
    void theHolidaysReadForAWorkingDayPeriodCoverItEvenBehindAMonthOfHolidays() {
        for (int startOffset = 0; startOffset < 7; startOffset++) {
            LocalDate first = LocalDate.of(2026, 3, 2).plusDays(startOffset);
            Map<LocalDate, DayKind> month = new HashMap<>();
            for (int d = 1; d <= 30; d++) {
                month.put(first.plusDays(d), DayKind.HOLIDAY);
            }
            for (int days = 1; days <= 30; days++) {
                for (DayCounting counting : DayCounting.values()) {
                    LocalDate last = counting.lastDay(first, days, month);
                    assertFalse(last.isAfter(WorkCalendar.holidayWindowEnd(first, days)), first + " + " + days + " → " + last);
                }
            }
        }
    }
}
