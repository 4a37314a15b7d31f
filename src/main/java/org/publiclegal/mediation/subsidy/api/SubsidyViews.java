package org.publiclegal.mediation.subsidy.api;

import org.publiclegal.mediation.subsidy.SubsidyCase;
import org.publiclegal.mediation.subsidy.SubsidyRule;
import org.publiclegal.mediation.subsidy.SubsidyTier;
import org.publiclegal.shared.domain.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Response records of the 以案奖补 endpoints (the statement is {@code SubsidyStatement.Statement}). */
public final class SubsidyViews {

    private SubsidyViews() {
    }

    /** A 以案奖补标准; {@code amount} in yuan per case. */
    public record RuleView(UUID id, String regionCode, SubsidyTier tier, BigDecimal amount, boolean needsWrittenAgreement,
                           boolean needsPerformance, LocalDate effectiveFrom, LocalDate effectiveTo, String source,
                           Instant createdAt, Integer leadSharePercent) {
        static RuleView of(SubsidyRule r) {
            return new RuleView(r.id, r.regionCode, r.tier, Money.toYuan(r.amountFen), r.needsWrittenAgreement,
                    r.needsPerformance, r.effectiveFrom, r.effectiveTo, r.source, r.createdAt, r.leadSharePercent);
        }
    }

    /** The difficulty tier set for a successful dispute (performance comes from its 回访). */
    public record SubsidyCaseView(UUID disputeId, SubsidyTier tier, Instant tierSetAt) {
        static SubsidyCaseView of(SubsidyCase c) {
            return new SubsidyCaseView(c.disputeId, c.tier, c.tierSetAt);
        }
    }
}
