package org.publiclegal.legalaid.eligibility.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.publiclegal.legalaid.eligibility.HardshipStandard;
import org.publiclegal.legalaid.eligibility.HardshipStandard.Basis;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/**
 * A new version of a 经济困难标准.
 *
 * @param factor                        a multiple (2 for 2× 低保, 1 for the minimum wage) or, for
 *                                      DISPOSABLE_INCOME_PCT, a share (0.5 for 50%)
 * @param referenceAmount               the 低保 line per month, the minimum wage per month, or the annual
 *                                      per-capita disposable income
 * @param excludesNonEssentialProperty  high-value property beyond daily needs disqualifies (default true)
 * @param effectiveTo                   first day no longer in force; empty while open-ended
 */
public record CreateHardshipStandardRequest(
        @NotNull(message = "请填写行政区划代码") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String regionCode,
        @NotNull(message = "请选择标准类型") Basis basis,
        @NotNull(message = "请填写系数") @DecimalMin(value = "0", inclusive = false, message = "系数须大于 0") @Digits(integer = 3, fraction = 3, message = "系数最多三位整数、三位小数") BigDecimal factor,
        @NotNull(message = "请填写基准金额") @DecimalMin(value = "0", inclusive = false, message = "基准金额须大于 0") @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal referenceAmount,
        @DecimalMin(value = "0", message = "资产上限不能为负数") @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal assetLimit,
        Boolean excludesNonEssentialProperty,
        @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写生效日期") LocalDate effectiveFrom,
        @EnteredDate(DateBounds.Kind.PLANNED) LocalDate effectiveTo,
        @NotBlank(message = "请填写依据文件") @Size(max = 300, message = "依据文件最多 300 字") String source) {

    public HardshipStandard.Terms toTerms() {
        return new HardshipStandard.Terms(regionCode, basis, factor, referenceAmount, assetLimit,
                excludesNonEssentialProperty == null || excludesNonEssentialProperty, effectiveFrom, effectiveTo,
                source.strip());
    }
}
