package org.publiclegal.legalaid.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer of the eligibility rules: an outcome and, rule by rule, why, in plain Chinese with the article.
 *
 * @param standard the hardship standard version used (null when no means test applied or none is configured)
 */
public record EligibilityResult(Outcome outcome, List<RuleResult> rules, StandardUsed standard) {

    public enum Outcome {
        /** 初步判断符合条件. */
        LIKELY_ELIGIBLE,
        /** 初步判断不符合条件. */
        LIKELY_INELIGIBLE,
        /** 需法律援助机构进一步审查. */
        NEEDS_REVIEW
    }

    public enum Verdict { PASS, FAIL, NOT_APPLICABLE, UNKNOWN }

    /** One rule's verdict, e.g. {@code ("ECONOMIC_HARDSHIP", "第三十四条", FAIL, "家庭人均月收入…高于…")}. */
    public record RuleResult(String rule, String article, Verdict verdict, String explanation) {
    }

    /** Which 经济困难标准 row was applied, so the decision can be reproduced. */
    public record StandardUsed(UUID id, String regionCode, String basis, BigDecimal monthlyThreshold,
                               LocalDate effectiveFrom, LocalDate effectiveTo, String source) {
    }
}
