package org.publiclegal.shared.calendar;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.calendar.DayCounting.DayKind;
import org.publiclegal.shared.domain.TimeSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statutory deadlines as instants: the end (24:00 China time) of the last day of the period, counted by
 * {@link DayCounting} against the {@code work_calendar_day} table (节假日与调休).
 */
@ApplicationScoped
@WithSession
public class WorkCalendar {

    /**
     * The deadline of a period of {@code days} days starting at {@code start}: 24:00 China time of its last
     * day, the one rule every module's deadline goes through (legal aid, mediation, court referrals, 司法确认,
     * 回访, notices).
     */
    public Uni<Instant> deadline(Instant start, int days, DayCounting counting) {
        return deadline(LocalDate.ofInstant(start, TimeSource.CHINA), days, counting);
    }

    /** The deadline of a period starting on a date (e.g. the date a notice was received). */
    public Uni<Instant> deadline(LocalDate first, int days, DayCounting counting) {
        return lastDay(first, days, counting).map(WorkCalendar::endOf);
    }

    /** The last day of a period of {@code days} days starting on {@code first} (the starting day not counted). */
    public Uni<LocalDate> lastDay(LocalDate first, int days, DayCounting counting) {
        return days(first, holidayWindowEnd(first, days)).map(calendar -> counting.lastDay(first, days, calendar));
    }

    /** A period whose deadline {@link #deadlines} finds: {@code days} days from {@code first}, counted so. */
    public record Period(LocalDate first, int days, DayCounting counting) {
    }

    /**
     * The deadlines of many periods with one read of the calendar (bulk work such as an import): each the instant
     * {@link #deadline(LocalDate, int, DayCounting)} gives, in the order of {@code periods}.
     */
    public Uni<List<Instant>> deadlines(List<Period> periods) {
        if (periods.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        LocalDate from = periods.stream().map(Period::first).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = periods.stream().map(p -> holidayWindowEnd(p.first(), p.days())).max(LocalDate::compareTo)
                .orElseThrow();
        return days(from, to).map(calendar -> periods.stream()
                .map(p -> endOf(p.counting().lastDay(p.first(), p.days(), calendar))).toList());
    }

    /** The calendar's entries after {@code from} up to {@code to}. */
    protected Uni<Map<LocalDate, DayKind>> days(LocalDate from, LocalDate to) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select day, kind from work_calendar_day where day > :from and day <= :to", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList())
                .map(WorkCalendar::toMap);
    }

    /** A day of the holiday calendar. */
    public record CalendarDay(LocalDate day, DayKind kind, String name) {
    }

    /** The holidays and adjusted working days of a year. */
    public Uni<List<CalendarDay>> year(int year) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select day, kind, name from work_calendar_day where day >= :from and day < :to order by day",
                        Object[].class)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year + 1, 1, 1))
                .getResultList())
                .map(rows -> rows.stream().map(r -> new CalendarDay((LocalDate) r[0],
                        DayKind.valueOf(((String) r[1]).trim()), (String) r[2])).toList());
    }

    /** Sets (or replaces) one day, e.g. from the State Council's yearly holiday notice. */
    @io.quarkus.hibernate.reactive.panache.common.WithTransaction
    public Uni<Void> set(LocalDate day, DayKind kind, String name) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into work_calendar_day (day, kind, name) values (:day, :kind, :name)
                        on conflict (day) do update set kind = excluded.kind, name = excluded.name""")
                .setParameter("day", day).setParameter("kind", kind.name()).setParameter("name", name)
                .executeUpdate()).replaceWithVoid();
    }

    @io.quarkus.hibernate.reactive.panache.common.WithTransaction
    public Uni<Boolean> remove(LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery("delete from work_calendar_day where day = :day")
                .setParameter("day", day).executeUpdate()).map(n -> n > 0);
    }

    private static Map<LocalDate, DayKind> toMap(List<Object[]> rows) {
        Map<LocalDate, DayKind> map = new HashMap<>();
        for (Object[] r : rows) {
            map.put((LocalDate) r[0], DayKind.valueOf(((String) r[1]).trim()));
        }
        return map;
    }

    /**
     * The last day whose holiday entries a period may need: a generous window, as N working days (or N
     * calendar days rolled past the rest days that follow) never span more than 3N + 30 calendar days (even
     * behind a month of holidays).
     */
    static LocalDate holidayWindowEnd(LocalDate first, int days) {
        return first.plusDays(days * 3L + 30);
    }

    /** A deadline ends at 24:00 China time of its last day, i.e. the first instant of the next day. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(TimeSource.CHINA).toInstant();
    }
}
