package org.publiclegal.legalaid.eligibility;

import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.Art32Situation;
import org.publiclegal.legalaid.ExemptionCategory;
import org.publiclegal.legalaid.Finances;
import org.publiclegal.legalaid.NotifiedDefenceGround;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.publiclegal.legalaid.eligibility.EligibilityResult.Outcome;
import org.publiclegal.legalaid.eligibility.EligibilityResult.RuleResult;
import org.publiclegal.legalaid.eligibility.EligibilityResult.Verdict;
import org.publiclegal.legalaid.eligibility.HardshipStandard.Basis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.legalaid.eligibility.EligibilityResult.Outcome.LIKELY_ELIGIBLE;
import static org.publiclegal.legalaid.eligibility.EligibilityResult.Outcome.LIKELY_INELIGIBLE;
import static org.publiclegal.legalaid.eligibility.EligibilityResult.Outcome.NEEDS_REVIEW;
import static org.publiclegal.legalaid.eligibility.EligibilityResult.Verdict.FAIL;
import static org.publiclegal.legalaid.eligibility.EligibilityResult.Verdict.NOT_APPLICABLE;
import static org.publiclegal.legalaid.eligibility.EligibilityResult.Verdict.PASS;
import static org.publiclegal.legalaid.eligibility.EligibilityResult.Verdict.UNKNOWN;
import static org.publiclegal.legalaid.eligibility.EligibilityRules.ASSETS;
import static org.publiclegal.legalaid.eligibility.EligibilityRules.ECONOMIC_HARDSHIP;
import static org.publiclegal.legalaid.eligibility.EligibilityRules.EXEMPT_FROM_VERIFICATION;
import static org.publiclegal.legalaid.eligibility.EligibilityRules.HARDSHIP_WAIVED;
import static org.publiclegal.legalaid.eligibility.EligibilityRules.MATTER_IN_SCOPE;
import static org.publiclegal.legalaid.eligibility.EligibilityRules.NOTIFIED_DEFENCE;
import static org.publiclegal.legalaid.eligibility.EligibilityRules.OWN_LAWYER;

/** 法律援助法 rules, one row per statute situation (Art. 24–34, 42), against a 2× 低保 line of 2,200 yuan. */
class EligibilityRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final String SOURCE = "测试省法律援助经济困难标准";
    /** 2 × 1,100 = 2,200 yuan per person per month; financial assets up to 50,000. */
    private static final HardshipStandard STANDARD = standard(Basis.DIBAO_MULTIPLE, "2", "1100", "50000", true);
    /** 1,500 per person: under the line. */
    private static final Finances LOW = finances(3, "4500", "10000", false);
    /** 3,000 per person: over the line. */
    private static final Finances HIGH = finances(3, "9000", "10000", false);

    private static final List<AidMatter> ART_31_ITEMS = List.of(AidMatter.STATE_COMPENSATION,
            AidMatter.SOCIAL_INSURANCE_OR_ASSISTANCE, AidMatter.SURVIVOR_OR_DISABILITY_PENSION, AidMatter.SUPPORT_PAYMENT,
            AidMatter.LABOUR_RELATIONSHIP_OR_WAGES, AidMatter.CIVIL_CAPACITY, AidMatter.PERSONAL_INJURY,
            AidMatter.WORK_INJURY, AidMatter.ENVIRONMENTAL_DAMAGE);

    static Stream<Arguments> statuteSituations() {
        List<Arguments> rows = new ArrayList<>();
        for (AidMatter item : ART_31_ITEMS) {
            rows.add(row("Art.31 " + item + " within the line", ask(item, LOW), LIKELY_ELIGIBLE,
                    expect(ECONOMIC_HARDSHIP, PASS, "第三十四条"), expect(MATTER_IN_SCOPE, PASS, "第三十一条")));
            rows.add(row("Art.31 " + item + " above the line", ask(item, HIGH), LIKELY_INELIGIBLE,
                    expect(ECONOMIC_HARDSHIP, FAIL, "第三十四条"), expect(MATTER_IN_SCOPE, PASS, "第三十一条")));
        }
        rows.add(row("Art.31(9) provincial extension", ask(AidMatter.OTHER_PROVINCIAL, LOW), NEEDS_REVIEW,
                expect(MATTER_IN_SCOPE, UNKNOWN, "第三十一条")));
        rows.add(row("other civil matter", ask(AidMatter.OTHER_CIVIL, LOW), LIKELY_INELIGIBLE,
                expect(MATTER_IN_SCOPE, FAIL, "第三十一条")));
        rows.add(row("other civil matter with an Art.32 situation",
                ask(AidMatter.OTHER_CIVIL, HIGH).situation(Art32Situation.ABUSE_ABANDONMENT_DOMESTIC_VIOLENCE),
                NEEDS_REVIEW, expect(MATTER_IN_SCOPE, UNKNOWN, "第三十一条"), expect(HARDSHIP_WAIVED, PASS, "第三十二条")));

        rows.add(row("Art.32(1) martyr's relative", ask(AidMatter.OTHER_CIVIL, HIGH)
                        .situation(Art32Situation.MARTYR_RELATIVE_PERSONALITY_RIGHTS), NEEDS_REVIEW,
                expect(HARDSHIP_WAIVED, PASS, "第三十二条"), expect(ECONOMIC_HARDSHIP, NOT_APPLICABLE, "第三十四条")));
        rows.add(row("Art.32(2) brave act", ask(AidMatter.PERSONAL_INJURY, HIGH).situation(Art32Situation.BRAVE_ACT),
                LIKELY_ELIGIBLE, expect(HARDSHIP_WAIVED, PASS, "第三十二条"), expect(ECONOMIC_HARDSHIP, NOT_APPLICABLE, "第三十四条")));
        rows.add(row("Art.32(3) acquitted on retrial", ask(AidMatter.STATE_COMPENSATION, HIGH)
                        .situation(Art32Situation.ACQUITTED_STATE_COMPENSATION), LIKELY_ELIGIBLE,
                expect(HARDSHIP_WAIVED, PASS, "第三十二条"), expect(ECONOMIC_HARDSHIP, NOT_APPLICABLE, "第三十四条")));
        rows.add(row("Art.32(4) domestic violence", ask(AidMatter.SUPPORT_PAYMENT, HIGH)
                        .situation(Art32Situation.ABUSE_ABANDONMENT_DOMESTIC_VIOLENCE), LIKELY_ELIGIBLE,
                expect(HARDSHIP_WAIVED, PASS, "第三十二条"), expect(ECONOMIC_HARDSHIP, NOT_APPLICABLE, "第三十四条")));

        for (NotifiedDefenceGround ground : NotifiedDefenceGround.values()) {
            String article = ground == NotifiedDefenceGround.COMPULSORY_MEDICAL_TREATMENT ? "第二十八条" : "第二十五条";
            rows.add(row("notified defence " + ground, ask(AidMatter.CRIMINAL_DEFENCE, HIGH).ground(ground),
                    LIKELY_ELIGIBLE, expect(NOTIFIED_DEFENCE, PASS, article),
                    expect(ECONOMIC_HARDSHIP, NOT_APPLICABLE, "第三十四条")));
        }
        rows.add(row("Art.24 defence above the line (other reasons)", ask(AidMatter.CRIMINAL_DEFENCE, HIGH),
                NEEDS_REVIEW, expect(ECONOMIC_HARDSHIP, FAIL, "第三十四条"), expect(MATTER_IN_SCOPE, PASS, "第二十四条"),
                expect(NOTIFIED_DEFENCE, NOT_APPLICABLE, "第二十五条")));
        rows.add(row("Art.24 defence within the line", ask(AidMatter.CRIMINAL_DEFENCE, LOW), LIKELY_ELIGIBLE,
                expect(ECONOMIC_HARDSHIP, PASS, "第三十四条"), expect(MATTER_IN_SCOPE, PASS, "第二十四条")));
        rows.add(row("Art.29 victim within the line", ask(AidMatter.CRIMINAL_VICTIM, LOW), LIKELY_ELIGIBLE,
                expect(MATTER_IN_SCOPE, PASS, "第二十九条"), expect(ECONOMIC_HARDSHIP, PASS, "第三十四条")));
        rows.add(row("Art.29 victim above the line", ask(AidMatter.CRIMINAL_VICTIM, HIGH), LIKELY_INELIGIBLE,
                expect(ECONOMIC_HARDSHIP, FAIL, "第三十四条")));
        rows.add(row("Art.33 retrial ordered", ask(AidMatter.PETITION_OR_RETRIAL, LOW).retrialOrdered(), LIKELY_ELIGIBLE,
                expect(MATTER_IN_SCOPE, PASS, "第三十三条")));
        rows.add(row("Art.33 petition, no retrial yet", ask(AidMatter.PETITION_OR_RETRIAL, LOW), LIKELY_INELIGIBLE,
                expect(MATTER_IN_SCOPE, FAIL, "第三十三条")));

        for (ExemptionCategory e : EnumSet.complementOf(EnumSet.of(ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY))) {
            rows.add(row("Art.42 " + e, ask(AidMatter.SUPPORT_PAYMENT, HIGH).exemption(e), LIKELY_ELIGIBLE,
                    expect(EXEMPT_FROM_VERIFICATION, PASS, "第四十二条"), expect(ECONOMIC_HARDSHIP, NOT_APPLICABLE, "第三十四条")));
        }
        rows.add(row("Art.42 migrant worker claiming wages", ask(AidMatter.LABOUR_RELATIONSHIP_OR_WAGES, HIGH)
                        .exemption(ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY), LIKELY_ELIGIBLE,
                expect(EXEMPT_FROM_VERIFICATION, PASS, "第四十二条")));
        rows.add(row("Art.42(3) migrant worker claiming work injury", ask(AidMatter.WORK_INJURY, HIGH)
                        .exemption(ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY), LIKELY_ELIGIBLE,
                expect(EXEMPT_FROM_VERIFICATION, PASS, "第四十二条"), expect(ECONOMIC_HARDSHIP, NOT_APPLICABLE, "第三十四条")));
        rows.add(row("Art.42(3) migrant worker on a traffic or medical injury claim is means-checked",
                ask(AidMatter.PERSONAL_INJURY, HIGH).exemption(ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY),
                LIKELY_INELIGIBLE, expect(EXEMPT_FROM_VERIFICATION, NOT_APPLICABLE, "第四十二条"),
                expect(ECONOMIC_HARDSHIP, FAIL, "第三十四条")));
        rows.add(row("Art.42(3) migrant worker on a traffic or medical injury claim within the line",
                ask(AidMatter.PERSONAL_INJURY, LOW).exemption(ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY),
                LIKELY_ELIGIBLE, expect(EXEMPT_FROM_VERIFICATION, NOT_APPLICABLE, "第四十二条"),
                expect(ECONOMIC_HARDSHIP, PASS, "第三十四条")));
        rows.add(row("Art.42(3) work injury without the migrant-worker exemption is means-checked",
                ask(AidMatter.WORK_INJURY, HIGH), LIKELY_INELIGIBLE, expect(ECONOMIC_HARDSHIP, FAIL, "第三十四条")));
        rows.add(row("Art.42 migrant worker on a support claim", ask(AidMatter.SUPPORT_PAYMENT, HIGH)
                        .exemption(ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY), LIKELY_INELIGIBLE,
                expect(EXEMPT_FROM_VERIFICATION, NOT_APPLICABLE, "第四十二条"), expect(ECONOMIC_HARDSHIP, FAIL, "第三十四条")));

        rows.add(row("no standard configured", ask(AidMatter.SUPPORT_PAYMENT, LOW).standard(null), NEEDS_REVIEW,
                expect(ECONOMIC_HARDSHIP, UNKNOWN, "第三十四条")));
        rows.add(row("no finances given", ask(AidMatter.SUPPORT_PAYMENT, null), NEEDS_REVIEW,
                expect(ECONOMIC_HARDSHIP, UNKNOWN, "第三十四条")));
        rows.add(row("financial assets above the limit", ask(AidMatter.SUPPORT_PAYMENT, finances(3, "4500", "80000", false)),
                LIKELY_INELIGIBLE, expect(ASSETS, FAIL, "第三十四条"), expect(ECONOMIC_HARDSHIP, PASS, "第三十四条")));
        rows.add(row("non-essential property", ask(AidMatter.SUPPORT_PAYMENT, finances(3, "4500", "10000", true)),
                LIKELY_INELIGIBLE, expect(ASSETS, FAIL, "第三十四条")));
        rows.add(row("non-essential property where the standard ignores it",
                ask(AidMatter.SUPPORT_PAYMENT, finances(3, "4500", "10000", true))
                        .standard(standard(Basis.DIBAO_MULTIPLE, "2", "1100", null, false)),
                LIKELY_ELIGIBLE, expect(ASSETS, PASS, "第三十四条")));
        rows.add(row("already has a lawyer", ask(AidMatter.SUPPORT_PAYMENT, LOW).ownLawyer(), LIKELY_INELIGIBLE,
                expect(OWN_LAWYER, FAIL, "第三十一条")));
        rows.add(row("notified defence although a lawyer is named", ask(AidMatter.CRIMINAL_DEFENCE, HIGH).ownLawyer()
                        .ground(NotifiedDefenceGround.MINOR), LIKELY_ELIGIBLE,
                expect(OWN_LAWYER, NOT_APPLICABLE, "第二十五条"), expect(NOTIFIED_DEFENCE, PASS, "第二十五条")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuteSituations")
    void eachStatuteSituationLeadsToItsOutcome(String situation, Ask ask, Outcome outcome, List<Expect> decisive) {
        EligibilityResult result = EligibilityRules.evaluate(ask.input(), ask.standard);

        assertEquals(outcome, result.outcome(), () -> describe(result));
        assertEquals(List.of(OWN_LAWYER, NOTIFIED_DEFENCE, MATTER_IN_SCOPE, HARDSHIP_WAIVED, EXEMPT_FROM_VERIFICATION,
                ECONOMIC_HARDSHIP, ASSETS), result.rules().stream().map(RuleResult::rule).toList());
        for (Expect e : decisive) {
            RuleResult r = rule(result, e.rule());
            assertEquals(e.verdict(), r.verdict(), () -> e.rule() + ": " + describe(result));
            assertEquals(e.article(), r.article(), () -> describe(result));
            assertTrue(r.explanation().contains("《法律援助法》" + e.article()), r.explanation());
        }
    }

    @Test
    void theHardshipExplanationPrintsBothFiguresTheBasisAndTheSource() {
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, LOW).input(), STANDARD);

        String text = rule(result, ECONOMIC_HARDSHIP).explanation();
        assertTrue(text.contains("1500.00"), text);
        assertTrue(text.contains("2200.00"), text);
        assertTrue(text.contains("低保标准的2倍"), text);
        assertTrue(text.contains(SOURCE), text);
        assertEquals(STANDARD.id, result.standard().id());
        assertEquals(new BigDecimal("2200.00"), result.standard().monthlyThreshold());
        assertEquals("DIBAO_MULTIPLE", result.standard().basis());
    }

    @Test
    void noStandardIsRecordedWhenNoMeansTestApplies() {
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.CRIMINAL_DEFENCE, HIGH)
                .ground(NotifiedDefenceGround.LIFE_OR_DEATH_PENALTY).input(), STANDARD);

        assertNull(result.standard());
        String text = rule(result, NOTIFIED_DEFENCE).explanation();
        assertTrue(text.contains("三年以上"), text);
        assertTrue(text.contains("三日内"), text);
        assertTrue(text.contains("第三十六条"), text);
    }

    @Test
    void aStandardIsRecordedEvenWhenTheFinancesAreMissing() {
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, null).input(), STANDARD);

        assertNotNull(result.standard());
        assertTrue(rule(result, ECONOMIC_HARDSHIP).explanation().contains("2200.00"));
    }

    @Test
    void withoutAStandardTheAnswerSaysNoneIsConfigured() {
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, LOW).input(), null);

        assertTrue(rule(result, ECONOMIC_HARDSHIP).explanation().contains("本地未配置经济困难标准"));
        assertNull(result.standard());
    }

    @Test
    void aProofIsNamedForEachExemptGroup() {
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, HIGH)
                .exemption(ExemptionCategory.SOCIAL_ASSISTANCE_RECIPIENT).input(), STANDARD);

        assertTrue(rule(result, EXEMPT_FROM_VERIFICATION).explanation().contains("低保证"));
    }

    @Test
    void perCapitaIncomeIsRoundedHalfUpAndTheLineItselfPasses() {
        // 6,600 / 3 = 2,200.00 exactly: at the line is within it
        assertEquals(PASS, rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT,
                finances(3, "6600", "0", false)).input(), STANDARD), ECONOMIC_HARDSHIP).verdict());
        // 6,600.02 / 3 = 2,200.0067 → 2,200.01: above
        assertEquals(FAIL, rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT,
                finances(3, "6600.02", "0", false)).input(), STANDARD), ECONOMIC_HARDSHIP).verdict());
    }

    @Test
    void theThreeBasesComputeTheMonthlyLine() {
        // Zhongshan (粤府令第268号): 50% of 62,208 a year = 2,592 a month
        assertEquals(new BigDecimal("2592.00"), Basis.DISPOSABLE_INCOME_PCT.monthlyThreshold(new BigDecimal("0.5"), new BigDecimal("62208")));
        assertEquals(new BigDecimal("2083.38"), Basis.DISPOSABLE_INCOME_PCT.monthlyThreshold(new BigDecimal("0.5"), new BigDecimal("50001")));
        assertEquals(new BigDecimal("2200.00"), Basis.DIBAO_MULTIPLE.monthlyThreshold(new BigDecimal("2"), new BigDecimal("1100")));
        assertEquals(new BigDecimal("2490.00"), Basis.MIN_WAGE.monthlyThreshold(BigDecimal.ONE, new BigDecimal("2490")));

        assertEquals("上年度城镇居民人均可支配收入的50%", Basis.DISPOSABLE_INCOME_PCT.describe(new BigDecimal("0.500")));
        assertEquals("低保标准的2倍", Basis.DIBAO_MULTIPLE.describe(new BigDecimal("2.000")));
        assertEquals("最低工资标准", Basis.MIN_WAGE.describe(new BigDecimal("1.000")));
        assertEquals(new BigDecimal("2592.00"), standard(Basis.DISPOSABLE_INCOME_PCT, "0.5", "62208", null, true).monthlyThreshold);
    }

    // ---- boundaries and exact halves ------------------------------------------------------------------

    @Test
    void aPerCapitaIncomeOfExactly2200Point005RoundsHalfUpTo2200Point01AndIsAboveThe2200Line() {
        // 4,400.01 ÷ 2 = 2,200.005: half-even, half-down or truncation would give 2,200.00 and pass
        RuleResult r = rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT,
                finances(2, "4400.01", "0", false)).input(), STANDARD), ECONOMIC_HARDSHIP);
        assertEquals(FAIL, r.verdict());
        assertTrue(r.explanation().contains("家庭人均月收入 2200.01 元"), r.explanation());
    }

    @Test
    void aOnePersonHouseholdExactlyAtTheLineIsEligible() {
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT,
                finances(1, "2200", "0", false)).input(), STANDARD);
        assertEquals(LIKELY_ELIGIBLE, result.outcome());
        assertTrue(rule(result, ECONOMIC_HARDSHIP).explanation().contains("÷ 1 人"));
        assertEquals(FAIL, rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT,
                finances(1, "2200.01", "0", false)).input(), STANDARD), ECONOMIC_HARDSHIP).verdict(), "one fen above");
    }

    @Test
    void aHouseholdOfZeroOrUnknownMembersOrUnknownIncomeCannotBeJudged() {
        for (Finances f : List.of(new Finances(0, new BigDecimal("1000"), BigDecimal.ZERO, false),
                new Finances(null, new BigDecimal("1000"), BigDecimal.ZERO, false),
                new Finances(2, null, BigDecimal.ZERO, false))) {
            EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, f).input(), STANDARD);
            assertEquals(UNKNOWN, rule(result, ECONOMIC_HARDSHIP).verdict(), f.toString());
            assertTrue(rule(result, ECONOMIC_HARDSHIP).explanation().contains("未填写家庭人口数或月收入"));
            assertEquals(NEEDS_REVIEW, result.outcome());
        }
    }

    @Test
    void financialAssetsExactlyAtTheCeilingPassAndOneFenAboveFail() {
        RuleResult at = rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT,
                finances(3, "4500", "50000", false)).input(), STANDARD), ASSETS);
        assertEquals(PASS, at.verdict());
        assertTrue(at.explanation().contains("家庭金融资产 50000.00 元，不超过当地标准规定的 50000.00 元"), at.explanation());
        RuleResult above = rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT,
                finances(3, "4500", "50000.01", false)).input(), STANDARD), ASSETS);
        assertEquals(FAIL, above.verdict());
        assertTrue(above.explanation().contains("超过当地标准规定的 50000.00 元"), above.explanation());
    }

    @Test
    void assetsLeftBlankUnderAnAssetCeilingNeedReview() {
        Finances blank = new Finances(3, new BigDecimal("4500"), null, false);
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, blank).input(), STANDARD);
        assertEquals(UNKNOWN, rule(result, ASSETS).verdict());
        assertTrue(rule(result, ASSETS).explanation().contains("未填写家庭金融资产"));
        assertEquals(NEEDS_REVIEW, result.outcome());
    }

    @Test
    void assetsLeftBlankWithoutAnAssetCeilingPass() {
        Finances blank = new Finances(3, new BigDecimal("4500"), null, false);
        HardshipStandard noCeiling = standard(Basis.DIBAO_MULTIPLE, "2", "1100", null, true);
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, blank).standard(noCeiling).input(), noCeiling);
        assertEquals(PASS, rule(result, ASSETS).verdict());
        assertTrue(rule(result, ASSETS).explanation().contains("未设金融资产上限"));
        assertEquals(LIKELY_ELIGIBLE, result.outcome());
    }

    @Test
    void withoutFinancesOrWithoutAStandardTheAssetsNeedReview() {
        assertTrue(rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, null).input(), STANDARD), ASSETS)
                .explanation().contains("未填写家庭资产情况"));
        RuleResult none = rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, LOW).input(), null), ASSETS);
        assertEquals(UNKNOWN, none.verdict());
        assertTrue(none.explanation().contains("本地未配置经济困难标准"));
    }

    @Test
    void bothAssetProblemsAreNamed() {
        RuleResult r = rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT,
                finances(3, "4500", "80000", true)).input(), STANDARD), ASSETS);
        assertEquals(FAIL, r.verdict());
        assertTrue(r.explanation().contains("超过当地标准规定的 50000.00 元；拥有生活必需以外的房产"), r.explanation());
    }

    // ---- "failed only on means" (Art. 24) -------------------------------------------------------------

    @Test
    void aDefendantFailingOnlyOnTheAssetsNeedsReview() {
        assertEquals(NEEDS_REVIEW, EligibilityRules.evaluate(ask(AidMatter.CRIMINAL_DEFENCE,
                finances(3, "4500", "80000", false)).input(), STANDARD).outcome());
    }

    @Test
    void aDefendantFailingOnIncomeAndAssetsStillNeedsReview() {
        assertEquals(NEEDS_REVIEW, EligibilityRules.evaluate(ask(AidMatter.CRIMINAL_DEFENCE,
                finances(3, "9000", "80000", true)).input(), STANDARD).outcome());
    }

    @Test
    void aDefendantWithALawyerAboveTheLineIsLikelyIneligibleNotForReview() {
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.CRIMINAL_DEFENCE, HIGH).ownLawyer().input(), STANDARD);
        assertEquals(FAIL, rule(result, OWN_LAWYER).verdict());
        assertEquals(FAIL, rule(result, ECONOMIC_HARDSHIP).verdict());
        assertEquals(LIKELY_INELIGIBLE, result.outcome());
        assertTrue(rule(result, ECONOMIC_HARDSHIP).explanation().contains("第二十四条"), "the other-reasons route is named");
    }

    @Test
    void aVictimAboveTheLineIsNotToldAboutTheDefendantsOtherReasons() {
        RuleResult r = rule(EligibilityRules.evaluate(ask(AidMatter.CRIMINAL_VICTIM, HIGH).input(), STANDARD), ECONOMIC_HARDSHIP);
        assertTrue(r.explanation().endsWith("不符合经济困难条件（《法律援助法》第三十四条）"), r.explanation());
    }

    @Test
    void aDefendantNamedByTheCourtUnderBothArticlesCitesBoth() {
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.CRIMINAL_DEFENCE, HIGH)
                .ground(NotifiedDefenceGround.MINOR).ground(NotifiedDefenceGround.COMPULSORY_MEDICAL_TREATMENT).input(), STANDARD);
        assertEquals("第二十五条、第二十八条", rule(result, NOTIFIED_DEFENCE).article());
        assertEquals(NOT_APPLICABLE, rule(result, ASSETS).verdict());
        assertEquals(NOT_APPLICABLE, rule(result, HARDSHIP_WAIVED).verdict());
        assertEquals(NOT_APPLICABLE, rule(result, EXEMPT_FROM_VERIFICATION).verdict());
        assertTrue(rule(result, ASSETS).explanation().contains("也不审查家庭资产"));
    }

    @Test
    void onlyTheHeaviestChargesRequireAnExperiencedLawyer() {
        String death = rule(EligibilityRules.evaluate(ask(AidMatter.CRIMINAL_DEFENCE, HIGH)
                .ground(NotifiedDefenceGround.DEATH_PENALTY_REVIEW).input(), STANDARD), NOTIFIED_DEFENCE).explanation();
        assertTrue(death.contains("三年以上"), death);
        String minor = rule(EligibilityRules.evaluate(ask(AidMatter.CRIMINAL_DEFENCE, HIGH)
                .ground(NotifiedDefenceGround.MINOR).input(), STANDARD), NOTIFIED_DEFENCE).explanation();
        assertFalse(minor.contains("三年以上"), minor);
    }

    @Test
    void aNotifiedGroundOutsideACriminalDefenceIsIgnored() {
        EligibilityResult result = EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, LOW)
                .ground(NotifiedDefenceGround.MINOR).input(), STANDARD);
        assertEquals(NOT_APPLICABLE, rule(result, NOTIFIED_DEFENCE).verdict());
        assertTrue(rule(result, NOTIFIED_DEFENCE).explanation().contains("只适用于刑事案件"));
        assertEquals(PASS, rule(result, ECONOMIC_HARDSHIP).verdict(), "the means test still applies");
        assertNotNull(result.standard());
    }

    @Test
    void anExemptMigrantWorkerOnAnotherMatterIsToldWhyTheMeansTestStillApplies() {
        RuleResult r = rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, LOW)
                .exemption(ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY).input(), STANDARD), EXEMPT_FROM_VERIFICATION);
        assertTrue(r.explanation().contains("仅在请求支付劳动报酬或者工伤事故人身损害赔偿时免予核查"), r.explanation());
    }

    @Test
    void nullSituationAndGroundSetsCountAsNone() {
        EligibilityInput in = new EligibilityInput(AidMatter.SUPPORT_PAYMENT, null, null, false, false, null, LOW,
                "610000000000", DAY);
        assertEquals(LIKELY_ELIGIBLE, EligibilityRules.evaluate(in, STANDARD).outcome());
    }

    // ---- every label and article reaches the explanation ------------------------------------------------

    @Test
    void eachNotifiedGroundIsNamedInChinese() {
        Map<NotifiedDefenceGround, String> names = Map.of(
                NotifiedDefenceGround.MINOR, "未成年人",
                NotifiedDefenceGround.BLIND_DEAF_MUTE, "视力、听力、言语残疾人",
                NotifiedDefenceGround.MENTAL_INCAPACITY, "不能完全辨认自己行为的成年人",
                NotifiedDefenceGround.LIFE_OR_DEATH_PENALTY, "可能被判处无期徒刑、死刑的人",
                NotifiedDefenceGround.DEATH_PENALTY_REVIEW, "申请法律援助的死刑复核案件被告人",
                NotifiedDefenceGround.TRIAL_IN_ABSENTIA, "缺席审判案件的被告人",
                NotifiedDefenceGround.COMPULSORY_MEDICAL_TREATMENT, "强制医疗案件的被申请人或者被告人");
        names.forEach((ground, name) -> assertTrue(rule(EligibilityRules.evaluate(ask(AidMatter.CRIMINAL_DEFENCE, HIGH)
                .ground(ground).input(), STANDARD), NOTIFIED_DEFENCE).explanation().contains("情形：" + name), ground.name()));
    }

    @Test
    void eachArt32SituationIsNamedInChinese() {
        Map<Art32Situation, String> names = Map.of(
                Art32Situation.MARTYR_RELATIVE_PERSONALITY_RIGHTS, "英雄烈士近亲属",
                Art32Situation.BRAVE_ACT, "见义勇为",
                Art32Situation.ACQUITTED_STATE_COMPENSATION, "再审改判无罪",
                Art32Situation.ABUSE_ABANDONMENT_DOMESTIC_VIOLENCE, "家庭暴力");
        names.forEach((situation, name) -> assertTrue(rule(EligibilityRules.evaluate(ask(AidMatter.SUPPORT_PAYMENT, HIGH)
                .situation(situation).input(), STANDARD), HARDSHIP_WAIVED).explanation().contains(name), situation.name()));
    }

    @Test
    void eachArt42GroupIsNamedWithTheProofToBring() {
        Map<ExemptionCategory, List<String>> expected = Map.of(
                ExemptionCategory.MINOR_ELDERLY_DISABLED_NO_FIXED_INCOME, List.of("无固定生活来源的未成年人、老年人、残疾人", "残疾人证"),
                ExemptionCategory.SOCIAL_ASSISTANCE_RECIPIENT, List.of("社会救助对象", "低保证"),
                ExemptionCategory.JUDICIAL_ASSISTANCE_RECIPIENT, List.of("司法救助对象", "司法救助决定书"),
                ExemptionCategory.PREFERENTIAL_CARE_RECIPIENT, List.of("优抚对象", "优待证"),
                ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY, List.of("进城务工人员", "劳动合同"));
        expected.forEach((group, words) -> {
            String text = rule(EligibilityRules.evaluate(ask(AidMatter.LABOUR_RELATIONSHIP_OR_WAGES, HIGH)
                    .exemption(group).input(), STANDARD), EXEMPT_FROM_VERIFICATION).explanation();
            words.forEach(w -> assertTrue(text.contains(w), group + ": " + text));
            assertFalse(text.contains("工伤事故的相关材料"), "a wage claim needs no injury papers");
        });
        String injury = rule(EligibilityRules.evaluate(ask(AidMatter.WORK_INJURY, HIGH)
                .exemption(ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY).input(), STANDARD), EXEMPT_FROM_VERIFICATION).explanation();
        assertTrue(injury.contains("工伤事故的相关材料"), injury);
    }

    @Test
    void eachArt31ItemIsNamedByItsNumber() {
        Map<AidMatter, String> items = Map.of(
                AidMatter.STATE_COMPENSATION, "第（一）项「依法请求国家赔偿」",
                AidMatter.SOCIAL_INSURANCE_OR_ASSISTANCE, "第（二）项",
                AidMatter.SURVIVOR_OR_DISABILITY_PENSION, "第（三）项",
                AidMatter.SUPPORT_PAYMENT, "第（四）项",
                AidMatter.LABOUR_RELATIONSHIP_OR_WAGES, "第（五）项",
                AidMatter.CIVIL_CAPACITY, "第（六）项",
                AidMatter.PERSONAL_INJURY, "第（七）项「请求交通事故",
                AidMatter.WORK_INJURY, "第（七）项「请求工伤事故",
                AidMatter.ENVIRONMENTAL_DAMAGE, "第（八）项「请求环境污染、生态破坏损害赔偿」");
        items.forEach((matter, item) -> assertTrue(rule(EligibilityRules.evaluate(ask(matter, LOW).input(), STANDARD),
                MATTER_IN_SCOPE).explanation().startsWith("属于" + item), matter.name()));
    }

    // ---- builders ----

    record Expect(String rule, Verdict verdict, String article) {
    }

    /** A resident's answers, with sensible defaults: no lawyer, no situations, the 2× 低保 standard. */
    static final class Ask {
        private final AidMatter matter;
        private final Finances finances;
        private final Set<Art32Situation> situations = EnumSet.noneOf(Art32Situation.class);
        private final Set<NotifiedDefenceGround> grounds = EnumSet.noneOf(NotifiedDefenceGround.class);
        private boolean retrialOrdered;
        private boolean ownLawyer;
        private ExemptionCategory exemption;
        private HardshipStandard standard = STANDARD;

        private Ask(AidMatter matter, Finances finances) {
            this.matter = matter;
            this.finances = finances;
        }

        Ask situation(Art32Situation s) {
            situations.add(s);
            return this;
        }

        Ask ground(NotifiedDefenceGround g) {
            grounds.add(g);
            return this;
        }

        Ask retrialOrdered() {
            retrialOrdered = true;
            return this;
        }

        Ask ownLawyer() {
            ownLawyer = true;
            return this;
        }

        Ask exemption(ExemptionCategory e) {
            exemption = e;
            return this;
        }

        Ask standard(HardshipStandard s) {
            standard = s;
            return this;
        }

        EligibilityInput input() {
            return new EligibilityInput(matter, situations, grounds, retrialOrdered, ownLawyer, exemption, finances,
                    "610000000000", DAY);
        }

        @Override
        public String toString() {
            return matter.name();
        }
    }

    private static Ask ask(AidMatter matter, Finances finances) {
        return new Ask(matter, finances);
    }

    private static Expect expect(String rule, Verdict verdict, String article) {
        return new Expect(rule, verdict, article);
    }

    private static Arguments row(String name, Ask ask, Outcome outcome, Expect... decisive) {
        return Arguments.of(name, ask, outcome, List.of(decisive));
    }

    private static Finances finances(int members, String income, String assets, boolean nonEssential) {
        return new Finances(members, new BigDecimal(income), new BigDecimal(assets), nonEssential);
    }

    private static HardshipStandard standard(Basis basis, String factor, String reference, String assetLimit,
                                             boolean excludesProperty) {
        return HardshipStandard.create(new HardshipStandard.Terms("610000000000", basis, new BigDecimal(factor),
                new BigDecimal(reference), assetLimit == null ? null : new BigDecimal(assetLimit), excludesProperty,
                LocalDate.of(2024, 1, 1), null, SOURCE), Instant.parse("2024-01-01T00:00:00Z"));
    }

    private static RuleResult rule(EligibilityResult result, String key) {
        return result.rules().stream().filter(r -> r.rule().equals(key)).findFirst().orElseThrow();
    }

    private static String describe(EligibilityResult result) {
        return result.outcome() + "\n" + result.rules().stream()
                .map(r -> r.rule() + " " + r.verdict() + " " + r.explanation()).collect(Collectors.joining("\n"));
    }
}
