package org.publiclegal.mediation.subsidy;

import org.junit.jupiter.api.Test;
import org.publiclegal.mediation.subsidy.SubsidyStatement.CaseRow;
import org.publiclegal.mediation.subsidy.SubsidyStatement.IneligibilityReason;
import org.publiclegal.mediation.subsidy.SubsidyStatement.MonthlyStatement;
import org.publiclegal.mediation.subsidy.SubsidyStatement.StatementLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which successful cases earn a subsidy, under which rule, and how the month's totals add up. */
class SubsidyStatementRulesTest {

    private static final String COUNTY = "532932000000";
    private static final String TOWNSHIP = "532932101000";
    private static final String VILLAGE = "532932101001";
    private static final String OTHER_TOWNSHIP = "532932102000";
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    /** 10:00 on 10 March 2026, China time. */
    private static final Instant MARCH_10 = Instant.parse("2026-03-10T02:00:00Z");

    private static SubsidyRule rule(String region, SubsidyTier tier, long fen, boolean written, boolean performed,
                                    LocalDate from, LocalDate to) {
        return SubsidyRule.create(new SubsidyRule.Terms(region, tier, fen, written, performed, from, to, "奖补办法"),
                UUID.randomUUID(), Instant.EPOCH);
    }

    private static CaseRow row(SubsidyTier tier, Instant concluded, Boolean performed, boolean written) {
        return new CaseRow(UUID.randomUUID(), "MED-1", VILLAGE, concluded, tier, performed, written);
    }

    private static final List<UUID> ONE_MEDIATOR = List.of(UUID.randomUUID());

    @Test
    void theDeepestRegionsRuleOfTheTierInForceWins() {
        SubsidyRule county = rule(COUNTY, SubsidyTier.ORDINARY, 10_000, false, false, JAN_1, null);
        SubsidyRule township = rule(TOWNSHIP, SubsidyTier.ORDINARY, 15_000, false, false, JAN_1, null);
        SubsidyRule otherTownship = rule(OTHER_TOWNSHIP, SubsidyTier.ORDINARY, 99_000, false, false, JAN_1, null);
        SubsidyRule complex = rule(TOWNSHIP, SubsidyTier.COMPLEX, 30_000, false, false, JAN_1, null);
        SubsidyRule expired = rule(VILLAGE, SubsidyTier.ORDINARY, 50_000, false, false, JAN_1, LocalDate.of(2026, 3, 1));
        List<SubsidyRule> rules = List.of(county, township, otherTownship, complex, expired);

        assertEquals(township, SubsidyStatement.applicable(rules, VILLAGE, SubsidyTier.ORDINARY, LocalDate.of(2026, 3, 10)));
        assertEquals(complex, SubsidyStatement.applicable(rules, VILLAGE, SubsidyTier.COMPLEX, LocalDate.of(2026, 3, 10)));
        assertEquals(expired, SubsidyStatement.applicable(rules, VILLAGE, SubsidyTier.ORDINARY, LocalDate.of(2026, 2, 28)));
        assertEquals(county, SubsidyStatement.applicable(List.of(county, otherTownship), VILLAGE, SubsidyTier.ORDINARY,
                LocalDate.of(2026, 3, 10)));
        assertNull(SubsidyStatement.applicable(rules, VILLAGE, SubsidyTier.MAJOR, LocalDate.of(2026, 3, 10)));
    }

    @Test
    void theConclusionDayIsTheChinaDateSoACaseSealedAfterMidnightChinaTimeFallsUnderTheNewRule() {
        SubsidyRule march = rule(COUNTY, SubsidyTier.ORDINARY, 10_000, false, false, JAN_1, APRIL_1);
        SubsidyRule april = rule(COUNTY, SubsidyTier.ORDINARY, 12_000, false, false, APRIL_1, null);
        // 16:00 UTC on 31 March is 00:00 on 1 April in China
        StatementLine line = SubsidyStatement.line(row(SubsidyTier.ORDINARY, Instant.parse("2026-03-31T16:00:00Z"), null, true),
                ONE_MEDIATOR, List.of(march, april));
        assertEquals(APRIL_1, line.concludedOn());
        assertEquals(new BigDecimal("120.00"), line.amount());
        StatementLine before = SubsidyStatement.line(row(SubsidyTier.ORDINARY, Instant.parse("2026-03-31T15:59:59Z"), null, true),
                ONE_MEDIATOR, List.of(march, april));
        assertEquals(new BigDecimal("100.00"), before.amount());
    }

    @Test
    void aQualifyingCaseEarnsTheRulesAmount() {
        SubsidyRule r = rule(COUNTY, SubsidyTier.ORDINARY, 20_050, true, true, JAN_1, null);
        StatementLine line = SubsidyStatement.line(row(SubsidyTier.ORDINARY, MARCH_10, true, true), ONE_MEDIATOR, List.of(r));
        assertTrue(line.qualifies());
        assertEquals(new BigDecimal("200.50"), line.amount());
        assertEquals(r.id, line.rule().id());
        assertEquals(List.of(), line.reasons());
    }

    @Test
    void eachMissingConditionIsNamedAndTheCaseEarnsNothing() {
        SubsidyRule strict = rule(COUNTY, SubsidyTier.ORDINARY, 20_000, true, true, JAN_1, null);
        assertReasons(SubsidyStatement.line(row(null, MARCH_10, true, true), ONE_MEDIATOR, List.of(strict)),
                IneligibilityReason.NO_TIER);
        assertReasons(SubsidyStatement.line(row(SubsidyTier.MAJOR, MARCH_10, true, true), ONE_MEDIATOR, List.of(strict)),
                IneligibilityReason.NO_RULE);
        assertReasons(SubsidyStatement.line(row(SubsidyTier.ORDINARY, MARCH_10, true, false), ONE_MEDIATOR, List.of(strict)),
                IneligibilityReason.NO_WRITTEN_AGREEMENT);
        assertReasons(SubsidyStatement.line(row(SubsidyTier.ORDINARY, MARCH_10, null, true), ONE_MEDIATOR, List.of(strict)),
                IneligibilityReason.PERFORMANCE_NOT_RECORDED);
        assertReasons(SubsidyStatement.line(row(SubsidyTier.ORDINARY, MARCH_10, false, true), ONE_MEDIATOR, List.of(strict)),
                IneligibilityReason.NOT_PERFORMED);
        assertReasons(SubsidyStatement.line(row(SubsidyTier.ORDINARY, MARCH_10, true, true), List.of(), List.of(strict)),
                IneligibilityReason.NO_MEDIATOR);
        StatementLine all = SubsidyStatement.line(row(SubsidyTier.ORDINARY, MARCH_10, false, false), List.of(), List.of(strict));
        assertReasons(all, IneligibilityReason.NO_WRITTEN_AGREEMENT, IneligibilityReason.NOT_PERFORMED,
                IneligibilityReason.NO_MEDIATOR);
        assertEquals(strict.id, all.rule().id(), "the rule that would apply is still shown");
    }

    @Test
    void aLenientRuleAsksNeitherForAWrittenAgreementNorForPerformance() {
        SubsidyRule lenient = rule(COUNTY, SubsidyTier.ORDINARY, 20_000, false, false, JAN_1, null);
        StatementLine line = SubsidyStatement.line(row(SubsidyTier.ORDINARY, MARCH_10, null, false), ONE_MEDIATOR, List.of(lenient));
        assertTrue(line.qualifies());
        StatementLine notPerformed = SubsidyStatement.line(row(SubsidyTier.ORDINARY, MARCH_10, false, false), ONE_MEDIATOR, List.of(lenient));
        assertTrue(notPerformed.qualifies());
    }

    @Test
    void aSharedCaseCountsOnceAndIsSplitSoTheMediatorsAddUpToTheCommitteeExactly() {
        SubsidyRule r = rule(COUNTY, SubsidyTier.ORDINARY, 20_001, false, false, JAN_1, null);
        UUID zhang = UUID.randomUUID();
        UUID li = UUID.randomUUID();
        CaseRow shared = row(SubsidyTier.ORDINARY, MARCH_10, null, true);
        CaseRow own = row(SubsidyTier.ORDINARY, MARCH_10, null, true);
        CaseRow untiered = row(null, MARCH_10, null, true);
        MonthlyStatement s = SubsidyStatement.compute(UUID.randomUUID(), "云鹤镇人民调解委员会", YearMonth.of(2026, 3),
                List.of(shared, own, untiered),
                Map.of(shared.disputeId(), List.of(zhang, li), own.disputeId(), List.of(li), untiered.disputeId(), List.of(zhang)),
                List.of(r), Map.of(zhang, "张调解员", li, "李调解员"));

        assertEquals(3, s.succeededCases());
        assertEquals(2, s.qualifyingCases());
        assertEquals(new BigDecimal("400.02"), s.totalAmount());
        assertEquals(new BigDecimal("400.02"), s.payableAmount());
        assertEquals(new BigDecimal("0.00"), s.adjustmentAmount());
        assertTrue(s.adjustments().isEmpty());
        assertNull(s.issue());
        assertEquals(LocalDate.of(2026, 3, 1), s.from());
        assertEquals(LocalDate.of(2026, 3, 31), s.to());
        assertEquals("2026-03", s.month());
        StatementLine sharedLine = s.cases().get(0);
        assertEquals(new BigDecimal("200.01"), sharedLine.amount());
        assertEquals(List.of(new SubsidyStatement.Share(zhang, new BigDecimal("100.01")),
                new SubsidyStatement.Share(li, new BigDecimal("100.00"))), sharedLine.shares(),
                "the odd fen goes to the first-assigned mediator");
        assertEquals(List.of(new SubsidyStatement.Share(zhang, new BigDecimal("0.00"))), s.cases().get(2).shares());
        // by name in code-point order: 张 (U+5F20) before 李 (U+674E)
        assertEquals(List.of("张调解员", "李调解员"), s.mediators().stream().map(SubsidyStatement.MediatorStatement::name).toList());
        SubsidyStatement.MediatorStatement zhangs = s.mediators().get(0);
        assertEquals(2, zhangs.lines().size());
        assertEquals(1, zhangs.qualifyingCases());
        assertEquals(new BigDecimal("100.01"), zhangs.amount());
        SubsidyStatement.MediatorStatement lis = s.mediators().get(1);
        assertEquals(2, lis.qualifyingCases());
        assertEquals(new BigDecimal("300.01"), lis.amount());
    }

    @Test
    void aRuleWithALeadShareGivesTheFirstAssignedMediatorThatPercentage() {
        SubsidyRule r = SubsidyRule.create(new SubsidyRule.Terms(COUNTY, SubsidyTier.ORDINARY, 30_000, false, false,
                JAN_1, null, null, 60), UUID.randomUUID(), Instant.EPOCH);
        UUID lead = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        StatementLine line = SubsidyStatement.line(row(SubsidyTier.ORDINARY, MARCH_10, null, true), List.of(lead, second),
                List.of(r));
        assertEquals(List.of(new SubsidyStatement.Share(lead, new BigDecimal("180.00")),
                new SubsidyStatement.Share(second, new BigDecimal("120.00"))), line.shares());
        assertEquals(60, line.rule().leadSharePercent());
    }

    @Test
    void aMediatorWithoutANameIsListedFirstAndTiesGoByIdentifier() {
        SubsidyRule r = rule(COUNTY, SubsidyTier.ORDINARY, 20_000, false, false, JAN_1, null);
        UUID a = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID b = UUID.fromString("00000000-0000-0000-0000-000000000002");
        UUID unnamed = UUID.fromString("00000000-0000-0000-0000-000000000003");
        CaseRow c = row(SubsidyTier.ORDINARY, MARCH_10, null, true);
        MonthlyStatement s = SubsidyStatement.compute(UUID.randomUUID(), "调委会", YearMonth.of(2026, 3), List.of(c),
                Map.of(c.disputeId(), List.of(b, unnamed, a)), List.of(r), Map.of(a, "王", b, "王"));
        assertEquals(List.of(unnamed, a, b), s.mediators().stream().map(SubsidyStatement.MediatorStatement::mediatorId).toList());
    }

    @Test
    void aMonthStartsAtMidnightChinaTime() {
        assertEquals(Instant.parse("2026-02-28T16:00:00Z"), SubsidyStatement.start(YearMonth.of(2026, 3)));
    }

    private static void assertReasons(StatementLine line, IneligibilityReason... reasons) {
        assertFalse(line.qualifies());
        assertEquals(new BigDecimal("0.00"), line.amount());
        assertEquals(List.of(reasons), line.reasons());
    }
}
