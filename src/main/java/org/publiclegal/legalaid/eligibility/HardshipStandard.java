package org.publiclegal.legalaid.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 经济困难标准 (法律援助法 Art. 34): one version of a province's (or a city's or county's) hardship line,
 * valid on {@code [effectiveFrom, effectiveTo)}. A new year's figure is a new row; rows never change once
 * decisions may have used them.
 */
@Entity
@Table(name = "aid_hardship_standard")
public class HardshipStandard {

    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    public UUID id;
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public Basis basis;
    @Column(precision = 6, scale = 3)
    public BigDecimal factor;
    /** The 低保 line per month, the minimum wage per month, or the annual per-capita disposable income. */
    @Column(precision = 12, scale = 2)
    public BigDecimal referenceAmount;
    /** The per-capita monthly income line that results from basis, factor and reference amount. */
    @Column(precision = 12, scale = 2)
    public BigDecimal monthlyThreshold;
    /** The household's financial assets may not exceed this (null: no asset ceiling). */
    @Column(precision = 14, scale = 2)
    public BigDecimal assetLimit;
    /** Owning high-value property beyond daily needs disqualifies (most provincial standards say so). */
    public boolean excludesNonEssentialProperty;
    public LocalDate effectiveFrom;
    public LocalDate effectiveTo;
    /** The document that sets the line, e.g. 粤府令第268号. */
    public String source;
    public Instant createdAt;
    @Version
    public long version;

    /** What a hardship line is measured against (the kinds of standard in use across provinces). */
    public enum Basis {
        /** A multiple of the 最低生活保障 (低保) line per month, e.g. Shandong: 2×. */
        DIBAO_MULTIPLE,
        /** A multiple of the 最低工资标准 per month, e.g. Zhejiang: 1×. */
        MIN_WAGE,
        /** A share of the previous year's 城镇居民人均可支配收入 (annual), e.g. Guangdong: 0.5. */
        DISPOSABLE_INCOME_PCT;

        /**
         * The per-capita monthly line: factor × reference (an annual reference divided by 12), rounded half-up
         * to the fen.
         */
        public BigDecimal monthlyThreshold(BigDecimal factor, BigDecimal referenceAmount) {
            BigDecimal amount = factor.multiply(referenceAmount);
            return this == DISPOSABLE_INCOME_PCT
                    ? amount.divide(MONTHS, 2, RoundingMode.HALF_UP)
                    : amount.setScale(2, RoundingMode.HALF_UP);
        }

        /** In plain Chinese, e.g. "低保标准的2倍", "最低工资标准", "上年度城镇居民人均可支配收入的50%". */
        public String describe(BigDecimal factor) {
            String times = factor.compareTo(BigDecimal.ONE) == 0 ? "" : "的" + plain(factor) + "倍";
            return switch (this) {
                case DIBAO_MULTIPLE -> "低保标准" + times;
                case MIN_WAGE -> "最低工资标准" + times;
                case DISPOSABLE_INCOME_PCT -> "上年度城镇居民人均可支配收入的" + plain(factor.multiply(HUNDRED)) + "%";
            };
        }

        private static String plain(BigDecimal n) {
            return n.stripTrailingZeros().toPlainString();
        }
    }

    /** The terms of a new standard as an administrator enters them. */
    public record Terms(String regionCode, Basis basis, BigDecimal factor, BigDecimal referenceAmount,
                        BigDecimal assetLimit, boolean excludesNonEssentialProperty, LocalDate effectiveFrom,
                        LocalDate effectiveTo, String source) {
    }

    /** A new version with its monthly line computed from the basis. */
    public static HardshipStandard create(Terms t, Instant now) {
        HardshipStandard s = new HardshipStandard();
        s.id = UUID.randomUUID();
        s.regionCode = t.regionCode();
        s.basis = t.basis();
        s.factor = t.factor();
        s.referenceAmount = t.referenceAmount();
        s.monthlyThreshold = t.basis().monthlyThreshold(t.factor(), t.referenceAmount());
        s.assetLimit = t.assetLimit();
        s.excludesNonEssentialProperty = t.excludesNonEssentialProperty();
        s.effectiveFrom = t.effectiveFrom();
        s.effectiveTo = t.effectiveTo();
        s.source = t.source();
        s.createdAt = now;
        return s;
    }

    /** "上年度城镇居民人均可支配收入的50%" etc. */
    public String describeBasis() {
        return basis.describe(factor);
    }
}
