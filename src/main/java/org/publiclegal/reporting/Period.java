package org.publiclegal.reporting;

import org.publiclegal.shared.domain.TimeSource;

import java.time.Instant;
import java.time.LocalDate;

/** A span of whole days, China time, both ends inclusive (e.g. a year is 01-01..12-31). */
public record Period(LocalDate from, LocalDate to) {

    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The same days one year earlier (29 February becomes 28 February). */
    public Period previousYear() {
        return new Period(from.minusYears(1), to.minusYears(1));
    }

    /** The instant the period starts. */
    public Instant start() {
        return from.atStartOfDay(TimeSource.CHINA).toInstant();
    }

    /** The instant after the period (the start of the day after {@code to}). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(TimeSource.CHINA).toInstant();
    }
}
