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

    @Test
    void manyPeriodsGetTheDeadlinesEachWouldGetAloneFromOneReadCoveringThemAll() {
        Map<LocalDate, DayKind> holidays = Map.of(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY,
                LocalDate.of(2026, 10, 2), DayKind.HOLIDAY, LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
        java.util.List<LocalDate[]> reads = new java.util.ArrayList<>();
        WorkCalendar calendar = new WorkCalendar() {
            @Override
            protected io.smallrye.mutiny.Uni<Map<LocalDate, DayKind>> days(LocalDate from, LocalDate to) {
                reads.add(new LocalDate[]{from, to});
                return io.smallrye.mutiny.Uni.createFrom().item(holidays);
            }
        };
        java.util.List<WorkCalendar.Period> periods = java.util.List.of(
                new WorkCalendar.Period(LocalDate.of(2026, 9, 25), 6, DayCounting.CALENDAR),
                new WorkCalendar.Period(LocalDate.of(2026, 9, 20), 7, DayCounting.WORKING),
                new WorkCalendar.Period(LocalDate.of(2026, 9, 28), 30, DayCounting.CALENDAR));
        java.util.List<Instant> together = calendar.deadlines(periods).await().indefinitely();
        assertEquals(1, reads.size());
        // one read from the earliest start to the latest period's holiday window
        assertEquals(LocalDate.of(2026, 9, 20), reads.get(0)[0]);
        assertEquals(WorkCalendar.holidayWindowEnd(LocalDate.of(2026, 9, 28), 30), reads.get(0)[1]);
        java.util.List<Instant> alone = periods.stream()
                .map(p -> calendar.deadline(p.first(), p.days(), p.counting()).await().indefinitely()).toList();
        assertEquals(alone, together);
        // 25 Sep + 6 calendar days = 1 Oct, a holiday; 2 Oct too, then a weekend: the last day moves to the next
        // working day, Monday 5 October (the deadline is 24:00 China time that day)
        assertEquals(Instant.parse("2026-10-05T16:00:00Z"), together.get(0));
        assertEquals(java.util.List.of(), calendar.deadlines(java.util.List.of()).await().indefinitely());
        assertEquals(4, reads.size());
    }
}
