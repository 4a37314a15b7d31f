package org.publiclegal.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * How statutory "N 日" deadlines are counted. The day the period starts is not counted (民法典 Art. 201);
 * the deadline is the end of the N-th counted day. {@code WORKING} days skip weekends and public holidays
 * but count 调休 working weekends. A {@code CALENDAR} period whose last day is a rest day (a statutory
 * holiday, or a weekend that is not a 调休 working day) ends instead on the next working day (民法典 Art. 203).
 */
public enum DayCounting {
    /** 自然日. */
    CALENDAR,
    /** 工作日 (with the holiday calendar). */
    WORKING;

    /** Kind of a day in the holiday calendar. */
    public enum DayKind { HOLIDAY, WORKDAY }

    /**
     * The last day of a period of {@code days} days starting on {@code start}.
     *
     * @param calendar holidays and 调休 working days covering at least the period
     */
    public LocalDate lastDay(LocalDate start, int days, Map<LocalDate, DayKind> calendar) {
        if (this == CALENDAR) {
            return nextWorkingDayFrom(start.plusDays(days), calendar);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day, calendar)) {
                counted++;
            }
        }
        return day;
    }

    /** {@code day} itself if it is a working day, else the first working day after it (民法典 Art. 203). */
    static LocalDate nextWorkingDayFrom(LocalDate day, Map<LocalDate, DayKind> calendar) {
        LocalDate d = day;
        while (!isWorkingDay(d, calendar)) {
            d = d.plusDays(1);
        }
        return d;
    }

    static boolean isWorkingDay(LocalDate day, Map<LocalDate, DayKind> calendar) {
        DayKind kind = calendar.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
