package org.publiclegal.mediation.subsidy;

import org.junit.jupiter.api.Test;
import org.publiclegal.mediation.subsidy.SubsidyStatement.Adjustment;
import org.publiclegal.mediation.subsidy.SubsidyStatement.CaseRow;
import org.publiclegal.mediation.subsidy.SubsidyStatement.MonthlyStatement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 调整: changes to an issued month since it was issued, paid on a later statement. */
class SubsidyAdjustmentsTest {

    private static final UUID COMMITTEE = UUID.randomUUID();
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final Instant FEB_10 = Instant.parse("2026-02-10T02:00:00Z");
    private static final Instant MAR_10 = Instant.parse("2026-03-10T02:00:00Z");
    private static final UUID ZHANG = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID LI = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final Map<UUID, String> NAMES = Map.of(ZHANG, "张调解员", LI, "李调解员");
    /** ORDINARY ¥200.01, the agreement must be performed. */
    private static final List<SubsidyRule> RULES = List.of(SubsidyRule.create(new SubsidyRule.Terms("532932000000",
            SubsidyTier.ORDINARY, 20_001, false, true, LocalDate.of(2020, 1, 1), null, null), UUID.randomUUID(), Instant.EPOCH));

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    private static CaseRow row(UUID id, String reference, Instant concluded, Boolean performed) {
        return new CaseRow(id, reference, "532932101001", concluded, SubsidyTier.ORDINARY, performed, true);
    }

    private static MonthlyStatement month(YearMonth m, List<CaseRow> rows, Map<UUID, List<UUID>> mediators) {
        return SubsidyStatement.compute(COMMITTEE, "云鹤镇人民调解委员会", m, rows, mediators, RULES, NAMES);
    }

    private static MonthlyStatement issued(MonthlyStatement s) {
        return s.issued(new SubsidyStatement.Issue(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH));
    }

    /** February as issued: A waits for its follow-up (nothing paid), B is shared by Zhang and Li (100.01 + 100.00). */
    private static MonthlyStatement februaryAsIssued() {
        return issued(month(FEB, List.of(row(A, "MED-A", FEB_10, null), row(B, "MED-B", FEB_10, true)),
                Map.of(A, List.of(ZHANG), B, List.of(ZHANG, LI))));
    }

    private static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aFollowUpRecordedAfterIssueIsPaidAsAnAdjustmentWithTheCaseAndTheReason() {
        MonthlyStatement now = month(FEB, List.of(row(A, "MED-A", FEB_10, true), row(B, "MED-B", FEB_10, true)),
                Map.of(A, List.of(ZHANG), B, List.of(ZHANG, LI)));
        List<Adjustment> adjustments = SubsidyAdjustments.due(List.of(februaryAsIssued()), Map.of("2026-02", now));
        assertEquals(List.of(new Adjustment("2026-02", A, "MED-A", "/api/mediation/disputes/" + A, ZHANG, "张调解员",
                yuan("0.00"), yuan("200.01"), yuan("200.01"), "签发后符合奖补条件（回访、档次或协议已登记），补发")), adjustments);

        MonthlyStatement march = month(MAR, List.of(), Map.of()).withAdjustments(adjustments);
        assertEquals(yuan("0.00"), march.totalAmount());
        assertEquals(yuan("200.01"), march.adjustmentAmount());
        assertEquals(yuan("200.01"), march.payableAmount());
    }

    @Test
    void anAdjustmentAlreadyCarriedByAnIssuedStatementIsNotPaidTwice() {
        MonthlyStatement now = month(FEB, List.of(row(A, "MED-A", FEB_10, true), row(B, "MED-B", FEB_10, true)),
                Map.of(A, List.of(ZHANG), B, List.of(ZHANG, LI)));
        MonthlyStatement february = februaryAsIssued();
        MonthlyStatement march = issued(month(MAR, List.of(), Map.of())
                .withAdjustments(SubsidyAdjustments.due(List.of(february), Map.of("2026-02", now))));
        assertEquals(1, march.adjustments().size());
        assertTrue(SubsidyAdjustments.due(List.of(february, march), Map.of("2026-02", now, "2026-03",
                month(MAR, List.of(), Map.of()))).isEmpty());
    }

    @Test
    void nothingChangedMeansNoAdjustment() {
        MonthlyStatement february = februaryAsIssued();
        MonthlyStatement again = month(FEB, List.of(row(A, "MED-A", FEB_10, null), row(B, "MED-B", FEB_10, true)),
                Map.of(A, List.of(ZHANG), B, List.of(ZHANG, LI)));
        assertTrue(SubsidyAdjustments.due(List.of(february), Map.of("2026-02", again)).isEmpty());
    }

    @Test
    void aCaseThatNoLongerQualifiesIsRecoveredFromEachMediatorWithTheReasonsWhy() {
        MonthlyStatement now = month(FEB, List.of(row(A, "MED-A", FEB_10, null), row(B, "MED-B", FEB_10, false)),
                Map.of(A, List.of(ZHANG), B, List.of(ZHANG, LI)));
        List<Adjustment> adjustments = SubsidyAdjustments.due(List.of(februaryAsIssued()), Map.of("2026-02", now));
        assertEquals(List.of(ZHANG, LI), adjustments.stream().map(Adjustment::mediatorId).toList());
        assertEquals(List.of(yuan("-100.01"), yuan("-100.00")), adjustments.stream().map(Adjustment::amount).toList());
        assertEquals(yuan("100.01"), adjustments.get(0).paid());
        assertEquals(yuan("0.00"), adjustments.get(0).due());
        assertEquals("签发后不再符合奖补条件：" + SubsidyStatement.IneligibilityReason.NOT_PERFORMED.message(),
                adjustments.get(0).reason());
    }

    @Test
    void aCaseNoLongerSucceededInTheMonthIsRecovered() {
        MonthlyStatement now = month(FEB, List.of(row(A, "MED-A", FEB_10, null)), Map.of(A, List.of(ZHANG)));
        List<Adjustment> adjustments = SubsidyAdjustments.due(List.of(februaryAsIssued()), Map.of("2026-02", now));
        assertEquals(2, adjustments.size());
        assertEquals("MED-B", adjustments.get(0).reference());
        assertEquals("李调解员", adjustments.get(1).mediatorName());
        assertEquals("签发后该案已不是当月调解成功的案件，收回已发奖补", adjustments.get(1).reason());
    }

    @Test
    void aMediatorTakenOffACaseGivesBackTheShareAndTheOtherGetsTheWhole() {
        MonthlyStatement now = month(FEB, List.of(row(A, "MED-A", FEB_10, null), row(B, "MED-B", FEB_10, true)),
                Map.of(A, List.of(ZHANG), B, List.of(ZHANG)));
        List<Adjustment> adjustments = SubsidyAdjustments.due(List.of(februaryAsIssued()), Map.of("2026-02", now));
        assertEquals(List.of(yuan("100.00"), yuan("-100.00")), adjustments.stream().map(Adjustment::amount).toList());
        assertEquals("签发后奖补标准或调解员分摊变化，按差额调整", adjustments.get(0).reason());
        assertEquals("签发后该调解员已不在本案调解员之列，收回其分摊", adjustments.get(1).reason());
    }

    @Test
    void monthsNotRecomputedAreLeftAloneAndAdjustmentsGoByMonthThenReference() {
        MonthlyStatement february = februaryAsIssued();
        UUID c = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
        MonthlyStatement marchIssued = issued(month(MAR, List.of(row(c, "MED-0", MAR_10, null)), Map.of(c, List.of(LI))));
        MonthlyStatement marchNow = month(MAR, List.of(row(c, "MED-0", MAR_10, true)), Map.of(c, List.of(LI)));
        MonthlyStatement februaryNow = month(FEB, List.of(row(A, "MED-A", FEB_10, true), row(B, "MED-B", FEB_10, true)),
                Map.of(A, List.of(ZHANG), B, List.of(ZHANG, LI)));
        // February is outside the window: only March is looked at
        assertEquals(List.of(c), SubsidyAdjustments.due(List.of(february, marchIssued), Map.of("2026-03", marchNow))
                .stream().map(Adjustment::disputeId).toList());
        assertEquals(List.of(A, c), SubsidyAdjustments.due(List.of(february, marchIssued),
                Map.of("2026-03", marchNow, "2026-02", februaryNow)).stream().map(Adjustment::disputeId).toList());
    }

    @Test
    void withinAMonthAdjustmentsGoByReferenceThenCaseThenMediator() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID high = UUID.fromString("00000000-0000-0000-0000-000000000002");
        UUID highest = UUID.fromString("00000000-0000-0000-0000-000000000003");
        MonthlyStatement asIssued = issued(month(FEB, List.of(row(low, "MED-Z", FEB_10, null), row(high, "MED-A", FEB_10, null),
                row(highest, "MED-A", FEB_10, null)), Map.of(low, List.of(ZHANG), high, List.of(LI), highest, List.of(ZHANG))));
        MonthlyStatement now = month(FEB, List.of(row(low, "MED-Z", FEB_10, true), row(high, "MED-A", FEB_10, true),
                row(highest, "MED-A", FEB_10, true)), Map.of(low, List.of(ZHANG), high, List.of(LI), highest, List.of(ZHANG)));
        assertEquals(List.of(high, highest, low), SubsidyAdjustments.due(List.of(asIssued), Map.of("2026-02", now))
                .stream().map(Adjustment::disputeId).toList());
    }
}
