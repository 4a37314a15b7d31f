package org.publiclegal.legalaid.eligibility.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.Art32Situation;
import org.publiclegal.legalaid.eligibility.EligibilityInput;
import org.publiclegal.legalaid.ExemptionCategory;
import org.publiclegal.legalaid.Finances;
import org.publiclegal.legalaid.NotifiedDefenceGround;

import java.util.Set;

/**
 * 法律援助条件自测: what the resident tells about the matter, their group and their household's finances.
 *
 * @param situations      法律援助法 Art. 32 situations (no hardship condition), optional
 * @param notifiedGrounds Art. 25/28 grounds for notified defence (criminal defence only), optional
 * @param retrialOrdered  Art. 33: a retrial was ordered or a protest lodged
 * @param exemption       Art. 42 group exempt from verification, optional
 * @param finances        household finances, optional (without them the answer may be NEEDS_REVIEW)
 * @param regionCode      where the matter belongs (county, township or village code), selects the standard
 */
public record EligibilityCheckRequest(
        @NotNull(message = "请选择法律援助事项类型") AidMatter matter,
        Set<@NotNull(message = "情形不能为空值") Art32Situation> situations,
        Set<@NotNull(message = "通知辩护情形不能为空值") NotifiedDefenceGround> notifiedGrounds,
        boolean retrialOrdered,
        boolean hasOwnLawyer,
        ExemptionCategory exemption,
        @Valid Finances finances,
        @NotNull(message = "请填写行政区划代码") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String regionCode) {

    /** The rules' input; the date is left to the service (today). */
    public EligibilityInput toInput() {
        return new EligibilityInput(matter, situations, notifiedGrounds, retrialOrdered, hasOwnLawyer, exemption,
                finances, regionCode, null);
    }
}
