package org.publiclegal.mediation.subsidy.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.publiclegal.mediation.subsidy.SubsidyRule;
import org.publiclegal.mediation.subsidy.SubsidyTier;
import org.publiclegal.shared.domain.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/** Request bodies of the 以案奖补 endpoints. */
public final class SubsidyRequests {

    private SubsidyRequests() {
    }

    /**
     * A new 以案奖补标准 for a county or township.
     *
     * @param amount      yuan per case, at most two decimals
     * @param effectiveTo first day no longer in force; empty while open-ended
     * @param leadSharePercent 主办调解员比例 of a shared case for the first-assigned mediator; empty for equal shares
     */
    public record CreateRule(
            @NotNull(message = "请填写行政区划代码") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String regionCode,
            @NotNull(message = "请选择案件难易档次") SubsidyTier tier,
            @NotNull(message = "请填写每件奖补金额") @DecimalMin(value = "0", inclusive = false, message = "奖补金额须大于 0") @Digits(integer = 8, fraction = 2, message = "金额最多两位小数") BigDecimal amount,
            @NotNull(message = "请说明是否要求书面调解协议") Boolean needsWrittenAgreement,
            @NotNull(message = "请说明是否要求协议已履行") Boolean needsPerformance,
            @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写生效日期") LocalDate effectiveFrom,
            @EnteredDate(DateBounds.Kind.PLANNED) LocalDate effectiveTo,
            @Size(max = 300, message = "依据文件最多 300 字") String source,
            @Min(value = 1, message = "主办调解员比例应为 1 至 100") @Max(value = 100, message = "主办调解员比例应为 1 至 100") Integer leadSharePercent) {

        public SubsidyRule.Terms toTerms() {
            return new SubsidyRule.Terms(regionCode, tier, Money.toFen(amount), needsWrittenAgreement, needsPerformance,
                    effectiveFrom, effectiveTo, source == null || source.isBlank() ? null : source.strip(), leadSharePercent);
        }
    }

    /** When a rule stops applying. */
    public record ExpireRule(@EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写失效日期") LocalDate effectiveTo) {
    }

    /** 案件难易档次 of a successful dispute. */
    public record SetTier(@NotNull(message = "请选择案件难易档次") SubsidyTier tier) {
    }

    /** 签发 a committee's month ({@code YYYY-MM}, finished). */
    public record IssueStatement(@NotNull(message = "请指定调委会 committeeId") UUID committeeId,
                                 @NotNull(message = "请指定月份 month（如 2026-05）")
                                 @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "月份格式应为 YYYY-MM") String month) {
    }
}
