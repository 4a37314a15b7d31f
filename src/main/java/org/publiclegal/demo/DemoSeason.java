package org.publiclegal.demo;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Random;

/**
 * 农时 (the farming calendar) of the demo county, for the demo's year of advisor and video activity: how busy the
 * villages' legal-education and advice work is in each month, relative to an average month (1.0). Highest in the
 * 农闲 winter — December (国家宪法日 12月4日 and 宪法宣传周) and January (migrant workers home before 春节, 根治欠薪
 * 冬季行动) —, March (3·15, 春耕 contracts), lowest in the busy seasons: 栽秧 in May and June, 秋收 in September and
 * October. Plain functions of the month and a seeded {@link Random}: the demo stays reproducible.
 */
final class DemoSeason {

    private static final double[] WEIGHT = {
            1.4, // January
            1.1, // February: 春节 week off, then weddings and family matters
            1.2, // March
            1.0, // April
            0.6, // May: 栽秧
            0.8, // June
            0.9, // July
            1.0, // August
            0.7, // September: 秋收
            0.6, // October: 秋收
            1.0, // November
            1.6, // December
    };

    private DemoSeason() {
    }

    /** The month's activity relative to an average month (0.6 … 1.6). */
    static double weight(Month month) {
        return WEIGHT[month.getValue() - 1];
    }

    /** The highest {@link #weight}. */
    static double peak() {
        return 1.6;
    }

    /** True with probability {@code perAverageMonth × weight(month)} (capped at 1). */
    static boolean happens(Random random, double perAverageMonth, Month month) {
        return random.nextDouble() < perAverageMonth * weight(month);
    }

    /**
     * A day of the calendar quarter of {@code anyDayOfQuarter} within {@code from} … {@code until} (both included),
     * its month drawn by {@link #weight} times the share of that month's days in the range (so a month only begun
     * weighs little), its day uniformly within the range; null when the range holds no day of the quarter.
     */
    static LocalDate dayInQuarter(Random random, LocalDate anyDayOfQuarter, LocalDate from, LocalDate until) {
        YearMonth firstMonth = YearMonth.of(anyDayOfQuarter.getYear(), (anyDayOfQuarter.getMonthValue() - 1) / 3 * 3 + 1);
        double[] w = new double[3];
        LocalDate[] lo = new LocalDate[3];
        int[] days = new int[3];
        double total = 0;
        for (int i = 0; i < 3; i++) {
            YearMonth ym = firstMonth.plusMonths(i);
            LocalDate a = max(ym.atDay(1), from);
            LocalDate b = min(ym.atEndOfMonth(), until);
            days[i] = a.isAfter(b) ? 0 : (int) (b.toEpochDay() - a.toEpochDay()) + 1;
            lo[i] = a;
            w[i] = weight(ym.getMonth()) * days[i] / ym.lengthOfMonth();
            total += w[i];
        }
        if (total == 0) {
            return null;
        }
        double roll = random.nextDouble() * total;
        int i = 0;
        while (i < 2 && (roll >= w[i] || days[i] == 0)) {
            roll -= w[i];
            i++;
        }
        while (days[i] == 0) {
            i--;
        }
        return lo[i].plusDays(random.nextInt(days[i]));
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
