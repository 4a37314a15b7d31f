package org.publiclegal.onboarding;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as 台账 spreadsheets write them: {@code 2026-03-05}, {@code 2026/3/5}, {@code 2026.3.5},
 * {@code 2026年3月5日}, {@code 20260305}; a date-time's time part is ignored ({@code 2026-03-05 14:30}).
 */
public final class DateText {

    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[\\sT].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private DateText() {
    }

    /** The date written in {@code text}, or null when it is not a date (or not a day of the calendar). */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        Matcher m = SEPARATED.matcher(t);
        if (!m.matches()) {
            m = COMPACT.matcher(t);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
