package org.publiclegal.reporting.closing;

import org.junit.jupiter.api.Test;
import org.publiclegal.reporting.Metric;
import org.publiclegal.reporting.Period;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;
import org.publiclegal.advisory.AdvisoryEvents;
import org.publiclegal.legalaid.LegalAidEvents;
import org.publiclegal.mediation.MediationEvents;
import org.publiclegal.mediation.screening.ScreeningEvents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClosingRulesTest {

    private static final Instant AT = Instant.parse("2026-01-05T02:00:00Z");

    @Test
    void aYearCanBeClosedFromItsNextDayOnButNotOnItsLastDay() {
        assertEquals(Period.year(2025), ClosedPeriod.closable(2025, null, LocalDate.of(2026, 1, 1)));
        DomainException e = assertThrows(DomainException.class,
                () -> ClosedPeriod.closable(2025, null, LocalDate.of(2025, 12, 31)));
        assertEquals("year", e.errors().get(0).field());
    }

    @Test
    void aMonthIsItsCalendarDaysAndCanBeClosedFromTheFirstOfTheNextMonth() {
        assertEquals(new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)),
                ClosedPeriod.closable(2024, 2, LocalDate.of(2024, 3, 1)));
        DomainException e = assertThrows(DomainException.class,
                () -> ClosedPeriod.closable(2024, 2, LocalDate.of(2024, 2, 29)));
        assertEquals("month", e.errors().get(0).field());
    }

    @Test
    void closingRecordsCountyPeriodWhoAndWhenAndReopeningOnceKeepsTheReason() {
        UUID bureau = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        ClosedPeriod c = ClosedPeriod.close("610110000000", Period.year(2025), bureau, AT);
        assertEquals(ClosedPeriod.Status.CLOSED, c.status);
        assertEquals("610110000000", c.regionCode);
        assertEquals(Period.year(2025), c.period());
        assertEquals(bureau, c.closedBy);
        assertEquals(AT, c.closedAt);
        c.reopen(admin, "补录", AT.plusSeconds(60));
        assertEquals(ClosedPeriod.Status.REOPENED, c.status);
        assertEquals(admin, c.reopenedBy);
        assertEquals(AT.plusSeconds(60), c.reopenedAt);
        assertEquals("补录", c.reopenReason);
        assertThrows(IllegalTransition.class, () -> c.reopen(admin, "再次", AT.plusSeconds(120)));
        assertEquals("补录", c.reopenReason);
    }

    @Test
    void anEventWithoutAnOriginalIsALateRecordAndOneCancellingAnotherACorrection() {
        assertEquals(Adjustment.LATE_RECORD, Adjustment.nature(null));
        assertEquals(Adjustment.CORRECTION, Adjustment.nature(42L));
    }

    @Test
    void aCountedEventMovesEachFigureOfItsKindByItsQuantityAndARateHasNoChangeOfItsOwn() {
        List<Adjustment.Effect> effects = Adjustment.effects(MediationEvents.SUCCEEDED, -1, null);
        assertEquals(List.of("mediation.concluded", "mediation.succeeded", "mediation.success_rate"),
                effects.stream().map(Adjustment.Effect::key).toList());
        assertEquals(BigDecimal.valueOf(-1), effects.get(0).change());
        assertEquals(BigDecimal.valueOf(-1), effects.get(1).change());
        assertNull(effects.get(2).change());
        assertEquals("%", effects.get(2).unit());
        assertEquals("调解成功", effects.get(1).label());
        assertEquals(List.of(new Adjustment.Effect("mediation.screenings", "矛盾纠纷排查", "次", BigDecimal.valueOf(3))),
                Adjustment.effects(ScreeningEvents.SCREENING, 3, null));
    }

    @Test
    void anAmountMovesItsFigureInWanYuanAndAMissingAmountByNothing() {
        List<Adjustment.Effect> closed = Adjustment.effects(LegalAidEvents.CLOSED, 1, 1_234_500L);
        assertEquals(1, closed.size());
        assertEquals(Metric.LEGAL_AID_LOSSES_RECOVERED.key(), closed.get(0).key());
        assertEquals(new BigDecimal("1.2345"), closed.get(0).change());
        assertEquals(new BigDecimal("0"), Adjustment.effects(LegalAidEvents.CLOSED, 1, null).get(0).change());
    }

    @Test
    void coverageIsRecomputedAndAKindNoFigureCountsMovesNothing() {
        List<Adjustment.Effect> coverage = Adjustment.effects(AdvisoryEvents.VILLAGE_COVERED, 1, null);
        assertEquals(1, coverage.size());
        assertNull(coverage.get(0).change());
        assertEquals(List.of(), Adjustment.effects("NOT_A_KIND", 1, null));
    }

    @Test
    void theCountyOfAVillageOrTownshipIsItsFirstSixDigitsAndACityHasNone() {
        assertEquals("610110000000", ClosedFigures.countyOf("610110101201"));
        assertEquals("610110000000", ClosedFigures.countyOf("610110101000"));
        assertEquals("610110000000", ClosedFigures.countyOf("610110000000"));
        assertNull(ClosedFigures.countyOf("610100000000"));
        assertNull(ClosedFigures.countyOf("610000000000"));
    }

    @Test
    void aClosureShowsItsCountyPeriodAndWhoClosedItWhen() {
        UUID bureau = UUID.randomUUID();
        ClosedPeriod c = ClosedPeriod.close("610110000000", Period.year(2025), bureau, AT);
        assertEquals(new ClosedFigures.Closure(c.id, "610110000000", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), AT, bureau), ClosedFigures.Closure.of(c));
    }

    @Test
    void closedFiguresSayWhetherAdjustmentsExist() {
        ClosedFigures.Closure closure = new ClosedFigures.Closure(UUID.randomUUID(), "610110000000",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), AT, UUID.randomUUID());
        assertEquals(false, new ClosedFigures.Closed(closure, java.util.Map.of(), List.of(), 0, java.util.Map.of()).hasAdjustments());
        assertEquals(true, new ClosedFigures.Closed(closure, java.util.Map.of(), List.of(), 1, java.util.Map.of()).hasAdjustments());
    }

    @Test
    void aSnapshotKeepsTheExactValuesItWasTakenWithAndNoneForRowsFromBeforeV28() {
        java.util.UUID closure = java.util.UUID.randomUUID();
        var withExact = SnapshotFigure.of(closure, org.publiclegal.reporting.Metric.LEGAL_AID_LOSSES_RECOVERED,
                "532932000000", org.publiclegal.reporting.Exact.amountFen(1_983_506));
        var rate = SnapshotFigure.of(closure, org.publiclegal.reporting.Metric.MEDIATION_SUCCESS_RATE,
                "532932000000", org.publiclegal.reporting.Exact.rate(2, 3));
        var count = SnapshotFigure.of(closure, org.publiclegal.reporting.Metric.MEDIATION_MEDIATORS,
                "532932000000", org.publiclegal.reporting.Exact.count(org.publiclegal.reporting.Metric.MEDIATION_MEDIATORS, 4));
        var old = SnapshotFigure.of(closure, "532932000000", "legal_aid.cases", java.math.BigDecimal.TEN);
        var unknown = SnapshotFigure.of(closure, "532932000000", "no.such_figure", java.math.BigDecimal.ONE);
        unknown.exactValue = 1L;

        var exact = ClosedFigures.exactSnapshot(List.of(withExact, rate, count, old, unknown));
        assertEquals(java.util.Map.of(
                org.publiclegal.reporting.Metric.LEGAL_AID_LOSSES_RECOVERED, org.publiclegal.reporting.Exact.amountFen(1_983_506),
                org.publiclegal.reporting.Metric.MEDIATION_SUCCESS_RATE, org.publiclegal.reporting.Exact.rate(2, 3),
                org.publiclegal.reporting.Metric.MEDIATION_MEDIATORS,
                org.publiclegal.reporting.Exact.count(org.publiclegal.reporting.Metric.MEDIATION_MEDIATORS, 4)), exact);
        assertEquals(new java.math.BigDecimal("1.9835"), withExact.value, "the printed value is stored beside it");
    }

    @Test
    void aSnapshotFigureStoredWithADecimalComesBackAsTheLiveFigureWouldNotInExponentForm() {
        java.util.UUID closure = java.util.UUID.randomUUID();
        var ten = SnapshotFigure.of(closure, "532932000000", "mediation.screenings", new java.math.BigDecimal("10.0"));
        var amount = SnapshotFigure.of(closure, "532932000000", "legal_aid.losses_recovered", new java.math.BigDecimal("1920.6050"));
        var none = SnapshotFigure.of(closure, "532932000000", "mediation.success_rate", null);
        var values = ClosedFigures.snapshot(List.of(ten, amount, none));
        assertEquals("10", values.get(org.publiclegal.reporting.Metric.MEDIATION_SCREENINGS).toString());
        assertEquals("1920.605", values.get(org.publiclegal.reporting.Metric.LEGAL_AID_LOSSES_RECOVERED).toString());
        assertEquals(null, values.get(org.publiclegal.reporting.Metric.MEDIATION_SUCCESS_RATE));
        assertEquals(true, values.containsKey(org.publiclegal.reporting.Metric.MEDIATION_SUCCESS_RATE));
    }
}
