package org.publiclegal.reporting;

import java.math.BigDecimal;

/**
 * 精确值: a figure's exact value beside the printed one, so a client can check that the townships add up to the
 * county exactly (printed 万元 and rates are rounded). A count is its whole number in its unit; an amount is in
 * fen (unit 分), whereas it is printed in 万元 rounded to the yuan; a rate or ratio is {@code value} of {@code of}
 * (numerator and denominator, both whole numbers).
 *
 * @param value the count, the amount in fen, or a rate's numerator
 * @param of    a rate's denominator (null for counts and amounts)
 * @param unit  the exact value's unit: the figure's own (件, 人次 …), 分 for amounts, null for rates
 */
public record Exact(long value, Long of, String unit) {

    public static final String FEN = "分";

    public static Exact count(Metric m, long count) {
        return new Exact(count, null, m.unit());
    }

    public static Exact amountFen(long fen) {
        return new Exact(fen, null, FEN);
    }

    public static Exact rate(long numerator, long denominator) {
        return new Exact(numerator, denominator, null);
    }

    /**
     * The figure as the catalogue computes it from the exact value: an amount in 万元 (half up to four decimals,
     * i.e. to the yuan), a rate in % (half up to one decimal, none when the denominator is 0), a count as it is.
     */
    public BigDecimal figure(Metric m) {
        return switch (m.type()) {
            case AMOUNT -> MetricService.wanYuan(value);
            case RATE, RATIO, COVERAGE -> MetricService.rate(value, of == null ? 0 : of);
            case COUNT, ORGANISATIONS, STAFF, VILLAGES, DEVICES -> BigDecimal.valueOf(value);
        };
    }

    /** As a table prints it: {@code 1983506分}, {@code 3件}, or a rate's {@code 2/3}. */
    public String text() {
        return of != null ? value + "/" + of : value + (unit == null ? "" : unit);
    }
}
