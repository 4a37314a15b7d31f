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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            AidMatter.ENVIRONMENTAL_DAMAGE);

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
        rows.add(row("Art.42 migrant worker claiming work injury", ask(AidMatter.PERSONAL_INJURY, HIGH)
                        .exemption(ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY), LIKELY_ELIGIBLE,
                expect(EXEMPT_FROM_VERIFICATION, PASS, "第四十二条")));
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
