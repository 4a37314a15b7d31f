package org.publiclegal.legalaid.eligibility.api;

import org.publiclegal.legalaid.eligibility.HardshipStandard;
import org.publiclegal.legalaid.eligibility.HardshipStandard.Basis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A 经济困难标准 version as published; {@code description} reads e.g. "低保标准的2倍". */
public record HardshipStandardView(UUID id, String regionCode, Basis basis, String description, BigDecimal factor,
                                   BigDecimal referenceAmount, BigDecimal monthlyThreshold, BigDecimal assetLimit,
                                   boolean excludesNonEssentialProperty, LocalDate effectiveFrom,
                                   LocalDate effectiveTo, String source) {

    public static HardshipStandardView of(HardshipStandard s) {
        return new HardshipStandardView(s.id, s.regionCode, s.basis, s.describeBasis(), s.factor, s.referenceAmount,
                s.monthlyThreshold, s.assetLimit, s.excludesNonEssentialProperty, s.effectiveFrom, s.effectiveTo,
                s.source);
    }
}
