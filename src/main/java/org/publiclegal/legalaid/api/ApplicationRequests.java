package org.publiclegal.legalaid.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.AidServiceType;
import org.publiclegal.legalaid.Art32Situation;
import org.publiclegal.legalaid.CaseOutcome;
import org.publiclegal.legalaid.ExemptionCategory;
import org.publiclegal.legalaid.Finances;
import org.publiclegal.legalaid.NotifiedDefenceGround;
import org.publiclegal.legalaid.TerminationGround;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/** Request bodies of the legal-aid application endpoints. */
public final class ApplicationRequests {

    private ApplicationRequests() {
    }

    /**
     * A new application (saved as a draft until submitted). The sets are EnumSets so their JSON (and the
     * Idempotency-Key fingerprint) has the same order on every server.
     *
     * @param regionCode where the matter belongs (Art. 38): routes it to the legal aid centre covering it
     * @param finances   household finances; not needed with an Art. 42 exemption or an Art. 32 situation
     */
    public record Create(
            @NotNull(message = "请选择事项类型") AidMatter matter,
            @NotNull(message = "请选择需要的服务形式") AidServiceType serviceType,
            @NotBlank(message = "请简要说明案情") @Size(max = 2000, message = "案情说明最多 2000 字") String summary,
            @Size(max = 200, message = "对方当事人最多 200 字") String opposingParty,
            @DecimalMin(value = "0", message = "争议金额不能为负数") @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal amountInDispute,
            @NotNull(message = "请选择事项发生地或办案机关所在地") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String regionCode,
            EnumSet<Art32Situation> situations,
            EnumSet<NotifiedDefenceGround> notifiedGrounds,
            boolean retrialOrdered,
            boolean hasOwnLawyer,
            ExemptionCategory exemption,
            @Valid Finances finances,
            @EnteredDate(DateBounds.Kind.PLANNED) LocalDate limitationEndsOn,
            boolean urgentPreservation) {

        public org.publiclegal.legalaid.ApplicationCommands.Draft command() {
            return new org.publiclegal.legalaid.ApplicationCommands.Draft(matter, serviceType, summary, opposingParty,
                    amountInDispute, regionCode, situations, notifiedGrounds, retrialOrdered, hasOwnLawyer, exemption,
                    finances, limitationEndsOn, urgentPreservation);
        }
    }

    public record Reason(@Size(max = 2000, message = "说明最多 2000 字") String reason) {
    }

    public record RequiredReason(@NotBlank(message = "请填写理由") @Size(max = 2000, message = "理由最多 2000 字") String reason) {
    }

    /** 一次性告知: every missing item, and optionally how many days the applicant gets. */
    public record RequestMaterials(
            @NotEmpty(message = "请列明需要补正的全部材料") @Size(max = 10, message = "补正事项最多 10 项，请合并列明")
            List<@NotBlank(message = "补正事项不能为空") @Size(max = 150, message = "每项最多 150 字") String> items,
            @Min(value = 1, message = "补正期限至少 1 日") @Max(value = 60, message = "补正期限最多 60 日") Integer dueInDays) {
    }

    public record Assign(@NotNull(message = "请选择承办律师") UUID lawyerId) {
    }

    public record Terminate(@NotNull(message = "请选择终止情形") TerminationGround ground,
                            @NotBlank(message = "请写明终止理由") @Size(max = 2000, message = "理由最多 2000 字") String reason) {
    }

    public record ProgressNote(@NotBlank(message = "请填写进展情况") @Size(max = 2000, message = "最多 2000 字") String note) {
    }

    /**
     * 结案.
     *
     * @param awardedAmount   amount awarded or agreed (yuan)
     * @param recoveredAmount 避免和挽回经济损失 (yuan): what was obtained or the loss avoided
     */
    public record Close(@NotNull(message = "请选择结案情况") CaseOutcome outcome,
                        @DecimalMin(value = "0", message = "金额不能为负数") @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal awardedAmount,
                        @NotNull(message = "请填写避免和挽回经济损失金额（无则填 0）") @DecimalMin(value = "0", message = "金额不能为负数") @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal recoveredAmount,
                        @NotBlank(message = "请提交结案报告") @Size(max = 4000, message = "结案报告最多 4000 字") String closingReport) {
    }

    public record DecideObjection(@NotNull(message = "请选择维持或纠正") Boolean uphold,
                                  @NotBlank(message = "请写明审查意见") @Size(max = 2000, message = "最多 2000 字") String reason) {
    }

    public record Rate(@NotNull(message = "请评分") @Min(value = 1, message = "评分为 1 至 5") @Max(value = 5, message = "评分为 1 至 5") Integer stars,
                       @Size(max = 500, message = "评价最多 500 字") String comment) {
    }

    /** The person a 通知辩护/通知代理 notice names (no account needed); ID number optional. */
    public record NotifiedPerson(
            @NotBlank(message = "请填写受援人姓名") @Size(max = 50, message = "姓名最多 50 字") String name,
            @Pattern(regexp = "MALE|FEMALE", message = "性别为 MALE 或 FEMALE") String sex,
            @Size(max = 18, message = "身份证号码为 18 位") String idNumber,
            @Size(max = 200, message = "住址最多 200 字") String address) {
    }

    /** The applicant at the 窗口, whose identity document the officer checked (ID number required). */
    public record WindowApplicant(
            @NotBlank(message = "请填写申请人姓名") @Size(max = 50, message = "姓名最多 50 字") String name,
            @Pattern(regexp = "MALE|FEMALE", message = "性别为 MALE 或 FEMALE") String sex,
            @NotBlank(message = "请填写申请人身份证号码") @Size(max = 18, message = "身份证号码为 18 位") String idNumber,
            @Size(max = 200, message = "住址最多 200 字") String address) {

        public org.publiclegal.legalaid.NoticeRegistration.NotifiedPerson command() {
            return new org.publiclegal.legalaid.NoticeRegistration.NotifiedPerson(name, sex, idNumber, address);
        }
    }

    /** 窗口代为录入: the same application as in the app, the applicant, and that their identity was checked. */
    public record Window(@NotNull(message = "请填写申请内容") @Valid Create application,
                         @NotNull(message = "请填写申请人") @Valid WindowApplicant applicant,
                         @NotNull(message = "请确认已核验申请人身份证件") Boolean identityChecked) {
    }

    /** 登记通知辩护/通知代理 from the notice of a court, procuratorate or public-security organ. */
    public record Notice(
            @NotNull(message = "请选择通知辩护或通知代理") org.publiclegal.legalaid.LegalAidApplication.NoticeKind kind,
            @NotNull(message = "请选择通知机关类别") org.publiclegal.legalaid.LegalAidApplication.NotifyingBody bodyKind,
            @NotBlank(message = "请填写通知机关名称") @Size(max = 100, message = "名称最多 100 字") String bodyName,
            @NotBlank(message = "请填写通知书文号") @Size(max = 64, message = "文号最多 64 字") String documentNumber,
            @EnteredDate @NotNull(message = "请填写收到通知的日期") java.time.LocalDate receivedOn,
            @NotEmpty(message = "请选择应当通知辩护或代理的情形")
            Set<@NotNull(message = "情形不能为空值") NotifiedDefenceGround> grounds,
            @NotBlank(message = "请填写案由及案情简述") @Size(max = 3000, message = "最多 3000 字") String caseSummary,
            @NotNull(message = "请填写受援人") @Valid NotifiedPerson person,
            @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String regionCode) {

        public org.publiclegal.legalaid.NoticeRegistration command() {
            return new org.publiclegal.legalaid.NoticeRegistration(kind, bodyKind, bodyName, documentNumber, receivedOn,
                    grounds, caseSummary, new org.publiclegal.legalaid.NoticeRegistration.NotifiedPerson(person.name(),
                    person.sex(), person.idNumber(), person.address()), regionCode);
        }
    }
}
