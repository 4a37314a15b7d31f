package org.publiclegal.mediation.subsidy;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 以案奖补标准 (domain §2.5): what a successful case of one {@link SubsidyTier} earns in a county or township,
 * valid on {@code [effectiveFrom, effectiveTo)}, and the conditions beyond success (a written agreement, the
 * agreement performed). Versions of one region and tier never overlap; for a case the deepest region's rule
 * in force on the conclusion date applies (a township's own rule beats its county's).
 */
@Entity
@Table(name = "med_subsidy_rule")
public class SubsidyRule {

    @Id
    public UUID id;
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public SubsidyTier tier;
    /** Per case, in fen. */
    public long amountFen;
    public boolean needsWrittenAgreement;
    public boolean needsPerformance;
    public LocalDate effectiveFrom;
    /** First day no longer in force; null while open-ended. */
    public LocalDate effectiveTo;
    /** The document that sets the amount, e.g. the county's 以案定补 measures. */
    public String source;
    /**
     * 主办调解员比例: the percentage (1–100) of a shared case that goes to the first-assigned mediator; null for
     * equal shares (see {@link SubsidySplit}).
     */
    public Integer leadSharePercent;
    public UUID createdBy;
    public Instant createdAt;
    @Version
    public long version;

    /** The terms of a new rule as an administrator enters them. */
    public record Terms(String regionCode, SubsidyTier tier, long amountFen, boolean needsWrittenAgreement,
                        boolean needsPerformance, LocalDate effectiveFrom, LocalDate effectiveTo, String source,
                        Integer leadSharePercent) {

        /** Terms that divide a shared case equally. */
        public Terms(String regionCode, SubsidyTier tier, long amountFen, boolean needsWrittenAgreement,
                     boolean needsPerformance, LocalDate effectiveFrom, LocalDate effectiveTo, String source) {
            this(regionCode, tier, amountFen, needsWrittenAgreement, needsPerformance, effectiveFrom, effectiveTo,
                    source, null);
        }
    }

    public static SubsidyRule create(Terms t, UUID by, Instant now) {
        SubsidyRule r = new SubsidyRule();
        r.id = UUID.randomUUID();
        r.regionCode = t.regionCode();
        r.tier = t.tier();
        r.amountFen = t.amountFen();
        r.needsWrittenAgreement = t.needsWrittenAgreement();
        r.needsPerformance = t.needsPerformance();
        r.effectiveFrom = t.effectiveFrom();
        r.effectiveTo = t.effectiveTo();
        r.source = t.source();
        r.leadSharePercent = t.leadSharePercent();
        r.createdBy = by;
        r.createdAt = now;
        return r;
    }

    /** The shares of a qualifying case of this rule among its mediators, in fen, in assignment order. */
    public List<Long> shares(int mediators) {
        return SubsidySplit.shares(amountFen, mediators, leadSharePercent);
    }

    /** Whether the rule is in force on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
    }
}
