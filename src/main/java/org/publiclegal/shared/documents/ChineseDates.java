package org.publiclegal.shared.documents;

import org.publiclegal.shared.domain.TimeSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Dates as Chinese documents print them (GB/T 9704: Arabic numerals, no leading zeros): 2026年12月2日, and a
 * moment in China time to the minute: 2026年12月2日 07:25. An ISO date never wraps mid-date like "2026-12-" / "21".
 */
public final class ChineseDates {

    private ChineseDates() {
    }

    public static String date(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** The China-time calendar day of an instant. */
    public static String date(Instant at) {
        return at == null ? "" : date(LocalDate.ofInstant(at, TimeSource.CHINA));
    }

    public static String minute(Instant at) {
        if (at == null) {
            return "";
        }
        LocalDateTime t = LocalDateTime.ofInstant(at, TimeSource.CHINA);
        return date(t.toLocalDate()) + " " + two(t.getHour()) + ":" + two(t.getMinute());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
