package org.publiclegal.reporting;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.publiclegal.legalaid.LegalAidEvents;
import org.publiclegal.mediation.MediationEvents;
import org.publiclegal.reporting.LedgerTotals.Sum;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rounding of rates and 万元 at exact halves, each metric type's value, and which totals a figure needs. */
class MetricServiceTest {

    private static final Period YEAR = Period.year(2025);

    @Test
    void aRateOfExactlyPoint05PercentRoundsHalfUpToPoint1() {
        // 1 ÷ 2,000 × 100 = 0.05 exactly: half-even, half-down or truncation would print 0
        assertEquals(new BigDecimal("0.1"), MetricService.rate(1, 2000));
        assertEquals(new BigDecimal("0.0"), MetricService.rate(1, 2001), "just below the half");
        assertEquals(new BigDecimal("100.0"), MetricService.rate(7, 7));
        assertEquals(new BigDecimal("0.0"), MetricService.rate(0, 7), "nothing succeeded is 0%, not absent");
    }

    @Test
    void fiftyFenIsExactlyHalfOfTheFourthDecimalOfAWanYuanAndRoundsUp() {
        // 50 fen = 0.00005 万元: half-even, half-down or truncation would give 0
        assertEquals(new BigDecimal("0.0001"), MetricService.wanYuan(50));
        assertEquals(BigDecimal.ZERO, MetricService.wanYuan(49));
        assertEquals(new BigDecimal("-0.0001"), MetricService.wanYuan(-50), "a correction's negative half rounds away from zero too");
    }

    @Test
    void wholeWanYuanHaveNoDecimalsAndNoExponent() {
        assertEquals(new BigDecimal("10000"), MetricService.wanYuan(10_000_000_000L));
        assertEquals("10000", MetricService.print(MetricService.wanYuan(10_000_000_000L)));
        assertEquals(new BigDecimal("1.5"), MetricService.wanYuan(1_500_000));
    }

    @Test
    void printingDropsTrailingZerosWithoutAnExponent() {
        assertEquals("100", MetricService.print(new BigDecimal("100.0")));
        assertEquals("100", MetricService.print(new BigDecimal("1E+2")));
        assertEquals("98.2", MetricService.print(new BigDecimal("98.20")));
        assertEquals("0", MetricService.print(new BigDecimal("0.0")));
    }

    @Test
    void aCountAddsTheQuantitiesOfItsKinds() {
        Map<String, Sum> sums = Map.of(MediationEvents.SUCCEEDED, new Sum(6209, 0), MediationEvents.FAILED, new Sum(114, 0));
        assertEquals(BigDecimal.valueOf(6323), MetricService.value(Metric.MEDIATION_CONCLUDED, sums, standing(0, 0, 0, 0)));
        assertEquals(BigDecimal.ZERO, MetricService.value(Metric.LEGAL_AID_CASES, sums, standing(0, 0, 0, 0)), "no events, 0");
    }

    @Test
    void anAmountIsTheSumOfFenInWanYuan() {
        Map<String, Sum> sums = Map.of(LegalAidEvents.CLOSED, new Sum(3, 1_920_605_000L));
        assertEquals(new BigDecimal("1920.605"), MetricService.value(Metric.LEGAL_AID_LOSSES_RECOVERED, sums, standing(0, 0, 0, 0)));
    }

    @Test
    void aRateDividesItsFirstKindByAllItsKinds() {
        Map<String, Sum> sums = Map.of(MediationEvents.SUCCEEDED, new Sum(6209, 0), MediationEvents.FAILED, new Sum(114, 0));
        assertEquals(new BigDecimal("98.2"), MetricService.value(Metric.MEDIATION_SUCCESS_RATE, sums, standing(0, 0, 0, 0)));
        assertNull(MetricService.value(Metric.MEDIATION_SUCCESS_RATE, Map.of(), standing(0, 0, 0, 0)), "nothing concluded");
    }

    @Test
    void organisationsStaffAndCoverageComeFromTheStanding() {
        MetricService.Standing s = standing(12, 40, 63, 60);
        assertEquals(BigDecimal.valueOf(12), MetricService.value(Metric.MEDIATION_COMMITTEES, Map.of(), s));
        assertEquals(BigDecimal.valueOf(40), MetricService.value(Metric.MEDIATION_MEDIATORS, Map.of(), s));
        assertEquals(new BigDecimal("95.2"), MetricService.value(Metric.ADVISORY_SIGNING_RATE, Map.of(), s));
        assertNull(MetricService.value(Metric.ADVISORY_SIGNING_RATE, Map.of(), standing(0, 0, 0, 0)), "no villages, no rate");
    }

    @Test
    void coveredVillagesNeverFallBelowZero() {
        assertEquals(0, standing(0, 0, 63, -2).covered());
        assertEquals(0, standing(0, 0, 63, 0).covered());
        assertEquals(5, standing(0, 0, 63, 5).covered());
    }

    @Test
    void onlyFlowKindsAreTotalledOverThePeriod() {
        assertEquals(List.of(MediationEvents.SUCCEEDED, MediationEvents.FAILED, LegalAidEvents.ASSIGNED),
                MetricService.flowKinds(List.of(Metric.MEDIATION_CONCLUDED, Metric.MEDIATION_SUCCESS_RATE,
                        Metric.ADVISORY_SIGNING_RATE, Metric.MEDIATION_COMMITTEES, Metric.LEGAL_AID_CASES)));
    }

    @Test
    void theStandingQueriesOnlyWhatTheFiguresNeedAndCoverageCountsTheVillagesOnTheRegisterAtThePeriodsEnd() {
        RecordingTotals totals = new RecordingTotals();
        MetricService service = new MetricService(totals);

        MetricService.Standing none = service.standing("532932000000", YEAR, List.of(Metric.LEGAL_AID_CASES))
                .await().indefinitely();
        assertEquals(List.of(), totals.calls);
        assertEquals(0, none.committees());
        assertEquals(0, none.mediators());
        assertEquals(0, none.villages());
        assertEquals(0, none.covered());

        MetricService.Standing all = service.standing("532932000000", YEAR, List.of(Metric.MEDIATION_COMMITTEES,
                Metric.MEDIATION_MEDIATORS, Metric.ADVISORY_SIGNING_RATE)).await().indefinitely();
        assertEquals(List.of("committees " + YEAR.to(), "mediators " + YEAR.to(), "villages " + YEAR.to(),
                "covered [ADVISORY_VILLAGE_COVERED] on the register " + YEAR.to()), totals.calls);
        assertEquals(12, all.committees());
        assertEquals(40, all.mediators());
        assertEquals(63, all.villages());
        assertEquals(60, all.covered());
    }

    @Test
    void theValuesComeInTheOrderAsked() {
        RecordingTotals totals = new RecordingTotals();
        Map<Metric, BigDecimal> values = new MetricService(totals).values("532932000000", YEAR,
                List.of(Metric.MEDIATION_SUCCESS_RATE, Metric.MEDIATION_COMMITTEES, Metric.ADVISORY_SIGNING_RATE))
                .await().indefinitely();
        assertEquals(List.of(Metric.MEDIATION_SUCCESS_RATE, Metric.MEDIATION_COMMITTEES, Metric.ADVISORY_SIGNING_RATE),
                new ArrayList<>(values.keySet()));
        assertEquals(new BigDecimal("75.0"), values.get(Metric.MEDIATION_SUCCESS_RATE));
        assertEquals(BigDecimal.valueOf(12), values.get(Metric.MEDIATION_COMMITTEES));
        assertEquals(new BigDecimal("95.2"), values.get(Metric.ADVISORY_SIGNING_RATE));
        assertTrue(totals.calls.contains("totals [MEDIATION_SUCCEEDED, MEDIATION_FAILED] 2025-01-01..2025-12-31"),
                totals.calls.toString());
    }

    private static MetricService.Standing standing(long committees, long mediators, long villages, long covered) {
        return new MetricService.Standing(committees, mediators, villages, covered, 0);
    }

    /** Ledger totals of a county with 12 committees, 40 mediators, 63 villages (60 covered), 3 of 4 cases succeeded. */
    private static final class RecordingTotals extends LedgerTotals {
        final List<String> calls = new ArrayList<>();

        RecordingTotals() {
            super(null);
        }

        @Override
        public Uni<Map<String, Sum>> totals(String region, List<String> kinds, LocalDate from, LocalDate to) {
            calls.add("totals " + kinds + " " + from + ".." + to);
            Map<String, Sum> sums = new HashMap<>();
            sums.put(MediationEvents.SUCCEEDED, new Sum(3, 0));
            sums.put(MediationEvents.FAILED, new Sum(1, 0));
            sums.put("ADVISORY_VILLAGE_COVERED", new Sum(60, 0));
            sums.keySet().retainAll(kinds);
            return Uni.createFrom().item(sums);
        }

        @Override
        public Uni<Long> committees(String region, LocalDate end) {
            calls.add("committees " + end);
            return Uni.createFrom().item(12L);
        }

        @Override
        public Uni<Long> mediators(String region, LocalDate end) {
            calls.add("mediators " + end);
            return Uni.createFrom().item(40L);
        }

        @Override
        public Uni<Long> covered(String region, List<String> kinds, LocalDate day) {
            calls.add("covered " + kinds + " on the register " + day);
            return Uni.createFrom().item(60L);
        }

        @Override
        public Uni<Long> villages(String region, LocalDate day) {
            calls.add("villages " + day);
            return Uni.createFrom().item(63L);
        }
    }
}
