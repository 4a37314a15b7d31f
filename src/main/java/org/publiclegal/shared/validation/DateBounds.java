package org.publiclegal.shared.validation;

import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.TimeSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * 日期范围: the one check every date a client enters goes through. A date that records something that
 * happened (排查日期, 咨询时间, 司法确认申请/裁定日期, 服务时间 …) lies between {@link #EARLIEST} and tomorrow in China
 * time; a date that plans something (期限, 合同截止日期, 预约时段, 生效/失效日期, 查询区间 …) between {@link #EARLIEST}
 * and {@link #LATEST_PLANNED}. Feature rules may be stricter (e.g. 排查日期 not after today); none is looser.
 */
public final class DateBounds {

    /** The earliest date any record may carry: the service's figures start in 2000. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** The latest planned date, matching the latest report year the API accepts. */
    public static final LocalDate LATEST_PLANNED = LocalDate.of(2100, 12, 31);

    /** What the date stands for, which fixes its upper bound. */
    public enum Kind {
        /** Something that has happened: at most tomorrow (a day's grace for clocks and time zones). */
        HAPPENED,
        /** Something planned or a query range: at most {@link #LATEST_PLANNED}. */
        PLANNED
    }

    private DateBounds() {
    }

    /** The last day allowed for a date of this kind when today (China time) is {@code today}. */
    public static LocalDate latest(Kind kind, LocalDate today) {
        return kind == Kind.HAPPENED ? today.plusDays(1) : LATEST_PLANNED;
    }

    /**
     * Why {@code value} (a {@link LocalDate}, {@link Instant} or {@link OffsetDateTime}) is out of bounds, or empty
     * when it is within them or null (presence is a separate check). Instants are judged by their day in China time.
     */
    public static Optional<String> problem(Object value, Kind kind, LocalDate today) {
        if (value == null) {
            return Optional.empty();
        }
        LocalDate latest = latest(kind, today);
        boolean within;
        if (value instanceof LocalDate day) {
            within = !day.isBefore(EARLIEST) && !day.isAfter(latest);
        } else if (value instanceof Instant instant) {
            within = within(instant, latest);
        } else if (value instanceof OffsetDateTime time) {
            within = within(time.toInstant(), latest);
        } else {
            throw new IllegalArgumentException("Not a date: " + value.getClass().getName());
        }
        return within ? Optional.empty() : Optional.of("日期须在 " + EARLIEST + " 至 " + latest + " 之间");
    }

    /** Throws a 400 naming {@code field} when {@code value} is out of bounds; for entry points without Bean Validation. */
    public static void require(String field, Object value, Kind kind, Clock clock) {
        problem(value, kind, LocalDate.ofInstant(clock.instant(), TimeSource.CHINA))
                .ifPresent(message -> {
                    throw DomainException.invalidField(field, message);
                });
    }

    private static boolean within(Instant instant, LocalDate latest) {
        Instant first = EARLIEST.atStartOfDay(TimeSource.CHINA).toInstant();
        Instant afterLast = latest.plusDays(1).atStartOfDay(TimeSource.CHINA).toInstant();
        return !instant.isBefore(first) && instant.isBefore(afterLast);
    }
}
