package org.publiclegal.legalaid;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * 家庭经济状况 as the applicant states it (Art. 41): household size, the household's average monthly income
 * over the last six months, and its financial assets, in yuan (exact decimals).
 *
 * @param ownsNonEssentialProperty owns high-value property beyond daily needs (a second home, a car for
 *                                 non-work use), which most provincial standards exclude
 */
public record Finances(
        @NotNull(message = "请填写家庭人口数") @Min(value = 1, message = "家庭人口数至少为 1") @Max(value = 30, message = "家庭人口数过大") Integer householdMembers,
        @NotNull(message = "请填写家庭月收入") @DecimalMin(value = "0", message = "收入不能为负数") @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal monthlyHouseholdIncome,
        @DecimalMin(value = "0", message = "资产不能为负数") @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal financialAssets,
        boolean ownsNonEssentialProperty) {
}
