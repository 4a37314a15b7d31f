package org.publiclegal.demo;

import org.junit.jupiter.api.Test;
import org.publiclegal.advisory.ServiceKind;
import org.publiclegal.shared.domain.TimeSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's year of advisor and video activity (issue 15): dated from the first day of the month a year ago to
 * today, every month of it with the counted work, shaped by the farming calendar, within the advisors' contracts.
 */
class DemoYearShapeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate FIRST = LocalDate.of(2025, 12, 1);

    private static Map<YearMonth, int[]> advisoryByMonth(LocalDate today) {
        Map<YearMonth, int[]> months = new TreeMap<>();
        for (int t = 0; t < DemoData.TOWNSHIPS.length; t++) {
            AdvisoryDemo.Plan plan = AdvisoryDemo.plan(t, today, new Random(2026L * (t + 1)));
            for (AdvisoryDemo.Work w : plan.counted()) {
                int[] n = months.computeIfAbsent(YearMonth.from(day(w.at())), m -> new int[3]);
                n[w.kind() == ServiceKind.LECTURE ? 1 : 0]++;
            }
            for (AdvisoryDemo.Work w : plan.plain()) {
                months.computeIfAbsent(YearMonth.from(day(w.at())), m -> new int[3])[2]++;
            }
        }
        return months;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, TimeSource.CHINA);
    }

    @Test
    void theDemoYearStartsOnTheFirstOfTheMonthAYearAgo() {
        assertEquals(FIRST, DemoYear.first(TODAY));
        assertEquals(LocalDate.of(2025, 3, 1), DemoYear.first(LocalDate.of(2026, 3, 31)));
        assertEquals(LocalDate.of(2025, 1, 1), DemoYear.first(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void everyMonthOfTheYearHasReviewsLecturesAndConsultationsAndNothingFallsOutsideIt() {
        Map<YearMonth, int[]> months = advisoryByMonth(TODAY);
        for (YearMonth m = YearMonth.from(FIRST); m.isBefore(YearMonth.from(TODAY)); m = m.plusMonths(1)) {
            int[] n = months.get(m);
            assertTrue(n != null && n[0] > 0 && n[1] > 0 && n[2] > 0, m + ": reviews, lectures, other work "
                    + (n == null ? "none" : n[0] + ", " + n[1] + ", " + n[2]));
        }
        // this month: only its first day is past, the on-site hours of most villages are there
        assertTrue(months.get(YearMonth.from(TODAY))[2] > 40);
        assertEquals(YearMonth.from(FIRST), months.keySet().iterator().next());
        for (int t = 0; t < DemoData.TOWNSHIPS.length; t++) {
            AdvisoryDemo.Plan plan = AdvisoryDemo.plan(t, TODAY, new Random(2026L * (t + 1)));
            List<AdvisoryDemo.Work> all = new ArrayList<>(plan.counted());
            all.addAll(plan.plain());
            for (AdvisoryDemo.Work w : all) {
                assertFalse(day(w.at()).isBefore(FIRST), w.toString());
                assertTrue(day(w.at()).isBefore(TODAY), w.toString());
            }
        }
    }

    @Test
    void theSeasonShowsWinterAboveTheHarvest() {
        Map<YearMonth, int[]> months = advisoryByMonth(TODAY);
        int winter = months.get(YearMonth.of(2026, 1))[0] + months.get(YearMonth.of(2026, 1))[1];
        int harvest = months.get(YearMonth.of(2026, 10))[0] + months.get(YearMonth.of(2026, 10))[1];
        assertTrue(winter > harvest, "January " + winter + ", October " + harvest);
    }

    @Test
    void aVillageHasAtMostOneLectureAQuarterAndOnlyWhileItsContractRuns() {
        for (int t = 0; t < DemoData.TOWNSHIPS.length; t++) {
            Set<String> quarters = new HashSet<>();
            for (AdvisoryDemo.Work w : AdvisoryDemo.plan(t, TODAY, new Random(2026L * (t + 1))).counted()) {
                LocalDate d = day(w.at());
                if (w.kind() == ServiceKind.LECTURE) {
                    assertTrue(quarters.add(w.village() + "@" + d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3)), w.toString());
                }
            }
        }
        // 龙开口镇's last three villages had a contract from January to June only
        for (String village : AdvisoryDemo.villages(7, 1)) {
            AdvisoryDemo.Plan plan = AdvisoryDemo.plan(7, TODAY, new Random(2026L * 8));
            List<AdvisoryDemo.Work> all = new ArrayList<>(plan.counted());
            all.addAll(plan.plain());
            long outside = all.stream().filter(w -> w.village().equals(village))
                    .map(w -> day(w.at()))
                    .filter(d -> d.isBefore(LocalDate.of(2026, 1, 1)) || d.isAfter(LocalDate.of(2026, 6, 30))).count();
            assertEquals(0, outside, village);
        }
    }

    @Test
    void aQuarterDayIsDrawnWithinTheRangeOrNotAtAll() {
        Random random = new Random(1);
        LocalDate from = LocalDate.of(2025, 12, 1);
        for (int i = 0; i < 200; i++) {
            LocalDate d = DemoSeason.dayInQuarter(random, LocalDate.of(2025, 11, 5), from, LocalDate.of(2025, 12, 31));
            assertEquals(Month.DECEMBER, d.getMonth());
        }
        // only the quarter's first day in range
        assertEquals(LocalDate.of(2026, 10, 1), DemoSeason.dayInQuarter(random, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 1)));
        // the range ends before the quarter
        assertNull(DemoSeason.dayInQuarter(random, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 9, 30)));
        // a month begun only a day ago is rarely drawn: December of the current quarter on 2 December
        int december = 0;
        for (int i = 0; i < 1000; i++) {
            if (DemoSeason.dayInQuarter(random, TODAY, FIRST, TODAY.minusDays(1)).getMonth() == Month.DECEMBER) {
                december++;
            }
        }
        assertTrue(december > 0 && december < 100, december + " of 1000");
    }

    @Test
    void theEpisodesComeOutThroughTheYearOneOrTwoAMonth() {
        Map<YearMonth, Integer> months = new TreeMap<>();
        for (MonthDay md : EducationDemo.PUBLISHED_ON) {
            LocalDate d = EducationDemo.publicationDay(md, TODAY);
            assertFalse(d.isBefore(FIRST), d.toString());
            assertTrue(d.isBefore(TODAY), d.toString());
            months.merge(YearMonth.from(d), 1, Integer::sum);
        }
        assertEquals(13, months.size(), months.toString());
        assertTrue(months.values().stream().allMatch(n -> n <= 2), months.toString());
        // the day before and on the month-day itself
        assertEquals(LocalDate.of(2026, 12, 1), EducationDemo.publicationDay(MonthDay.of(12, 1), TODAY));
        assertEquals(LocalDate.of(2025, 12, 2), EducationDemo.publicationDay(MonthDay.of(12, 2), TODAY));
    }

    @Test
    void theViewsFallInEveryMonthSinceTheFirstEpisodeFewerAtHarvestThanInWinter() {
        Instant now = TODAY.atTime(9, 0).atZone(TimeSource.CHINA).toInstant();
        List<UUID> episodes = new ArrayList<>();
        List<Instant> published = new ArrayList<>();
        for (MonthDay md : EducationDemo.PUBLISHED_ON) {
            episodes.add(UUID.randomUUID());
            published.add(EducationDemo.publicationDay(md, TODAY).atTime(10, 0).atZone(TimeSource.CHINA).toInstant());
        }
        Map<YearMonth, Integer> months = new HashMap<>();
        int lastMinute = 0;
        for (var r : EducationDemo.reports(episodes, published, now, new Random(2026))) {
            assertFalse(r.at().isAfter(now), r.toString());
            months.merge(YearMonth.from(day(r.at())), 1, Integer::sum);
            if (r.at().isAfter(now.minusSeconds(60))) {
                lastMinute++;
            }
        }
        assertTrue(lastMinute <= 2, lastMinute + " reports in the last minute: none piled up just before now");
        for (YearMonth m = YearMonth.from(FIRST); !m.isAfter(YearMonth.from(TODAY)); m = m.plusMonths(1)) {
            assertTrue(months.getOrDefault(m, 0) > 0, m + " has no views");
        }
        assertTrue(months.get(YearMonth.of(2026, 1)) > months.get(YearMonth.of(2026, 5)), months.toString());
    }
}
