package org.publiclegal.mediation.api;

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
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeCommands;
import org.publiclegal.mediation.DisputeType;
import org.publiclegal.mediation.CommitteeCommands;
import org.publiclegal.mediation.OfflineCommands;
import org.publiclegal.mediation.Party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/** Request bodies of the mediation endpoints. */
public final class MediationRequests {

    private MediationRequests() {
    }

    /** Another party of the dispute: a person or an organisation, with a phone to reach them. */
    public record OtherParty(
            @NotNull(message = "请选择当事人类型") Party.Kind kind,
            @NotBlank(message = "请填写对方姓名或单位名称") @Size(max = 100, message = "名称最多 100 字") String name,
            @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "不是有效的电话号码") String phone) {

        public DisputeCommands.OtherParty command() {
            return new DisputeCommands.OtherParty(kind, name, phone);
        }
    }

    /** A dispute submitted by a resident for 掌上调解. */
    public record Submit(
            @NotNull(message = "请选择纠纷类型") DisputeType disputeType,
            @NotBlank(message = "请说明纠纷事实") @Size(max = 3000, message = "事实最多 3000 字") String facts,
            @NotBlank(message = "请说明您的请求") @Size(max = 1000, message = "请求最多 1000 字") String claims,
            @DecimalMin(value = "0", message = "金额不能为负数") @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal amount,
            @NotEmpty(message = "请填写对方当事人") @Size(max = 10, message = "对方当事人最多 10 个")
            List<@Valid @NotNull(message = "当事人不能为空") OtherParty> otherParties,
            @NotNull(message = "请选择纠纷发生地所在村（社区）") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String villageCode,
            @NotNull(message = "请选择调解方式") Dispute.Mode preferredMode) {

        public DisputeCommands.Submit command() {
            return new DisputeCommands.Submit(disputeType, facts, claims, amount,
                    otherParties.stream().map(OtherParty::command).toList(), villageCode, preferredMode);
        }
    }

    /** A case referred by a court (诉前委派 or 委托调解), entered by a mediator of the committee. */
    public record CourtReferral(
            @NotNull(message = "请选择委派法院") UUID courtId,
            @NotBlank(message = "请填写法院案号") @Size(max = 64, message = "案号最多 64 字") String courtCaseNumber,
            @NotNull(message = "请选择委派或委托类型") Dispute.ReferralType referralType,
            @NotNull(message = "请选择纠纷类型") DisputeType disputeType,
            @NotBlank(message = "请填写纠纷事实") @Size(max = 3000, message = "事实最多 3000 字") String facts,
            @NotBlank(message = "请填写当事人请求") @Size(max = 1000, message = "请求最多 1000 字") String claims,
            @DecimalMin(value = "0", message = "金额不能为负数") @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal amount,
            @NotEmpty(message = "请填写当事人") @Size(min = 2, max = 10, message = "当事人为 2 至 10 个")
            List<@Valid @NotNull(message = "当事人不能为空") OtherParty> parties,
            @NotNull(message = "请选择纠纷发生地所在村（社区）") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String villageCode,
            @NotNull(message = "请选择调解方式") Dispute.Mode preferredMode) {

        public DisputeCommands.CourtReferral command() {
            return new DisputeCommands.CourtReferral(courtId, courtCaseNumber, referralType, disputeType, facts, claims,
                    amount, parties.stream().map(OtherParty::command).toList(), villageCode, preferredMode);
        }
    }

    public record Reason(@NotBlank(message = "请填写理由") @Size(max = 1000, message = "最多 1000 字") String reason) {
    }

    public record OptionalReason(@Size(max = 1000, message = "最多 1000 字") String reason) {
    }

    public record Redeem(@NotBlank(message = "请输入邀请码") @Size(max = 40, message = "邀请码格式不正确") String code) {
    }

    public record Assign(@NotEmpty(message = "请选择调解员") @Size(max = 5, message = "最多指派 5 名调解员")
                         List<@NotNull(message = "调解员不能为空") UUID> mediatorIds) {
    }

    public record Extend(@NotNull(message = "请填写延长天数") @Min(value = 1, message = "至少延长 1 日") @Max(value = 60, message = "最多延长 60 日") Integer days,
                         @NotBlank(message = "请说明延期理由（须经双方当事人同意）") @Size(max = 1000, message = "最多 1000 字") String reason) {
    }

    /** 协议条款: what is to be done, how, by when. */
    public record Term(@NotBlank(message = "请填写协议内容") @Size(max = 500, message = "每条最多 500 字") String content,
                       @NotBlank(message = "请填写履行方式") @Size(max = 200, message = "最多 200 字") String performanceMethod,
                       @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写履行期限") LocalDate deadline) {
    }

    public record DraftAgreement(
            @NotBlank(message = "请填写纠纷事实") @Size(max = 3000, message = "最多 3000 字") String facts,
            @NotBlank(message = "请填写各方责任") @Size(max = 2000, message = "最多 2000 字") String responsibilities,
            @NotEmpty(message = "请至少填写一条协议条款") @Size(max = 20, message = "最多 20 条")
            List<@Valid @NotNull(message = "条款不能为空") Term> terms) {

        public CommitteeCommands.DraftAgreement command() {
            return new CommitteeCommands.DraftAgreement(facts, responsibilities, terms.stream()
                    .map(t -> new OfflineCommands.Term(t.content(), t.performanceMethod(), t.deadline())).toList());
        }
    }

    /** A party as the mediator takes it down (a person: sex and age; the ID number is optional). */
    public record PartyEntry(
            @NotNull(message = "请选择当事人类型") Party.Kind kind,
            @NotBlank(message = "请填写当事人姓名或单位名称") @Size(max = 100, message = "名称最多 100 字") String name,
            Party.Sex sex,
            @Min(value = 0, message = "年龄不能为负数") @Max(value = 150, message = "年龄不正确") Integer age,
            @Size(max = 18, message = "身份证号码为 18 位") String idNumber,
            @Size(max = 200, message = "住址最多 200 字") String address,
            @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "不是有效的电话号码") String phone,
            boolean consented) {

        OfflineCommands.PartyEntry command() {
            return new OfflineCommands.PartyEntry(kind, name, sex, age, idNumber, address, phone, consented);
        }
    }

    /**
     * 登记纠纷 by a mediator: 当事人申请 at the committee (intakeChannel VISIT 来访 or PHONE 来电), PROACTIVE
     * 主动调解, or TRANSFERRED 移送 (with the sender); the date actually received; the parties (first = applicant).
     */
    public record Register(
            @NotNull(message = "请选择案件来源") Dispute.Origin origin,
            Dispute.IntakeChannel intakeChannel,
            Dispute.Sender transferredByKind,
            @Size(max = 100, message = "移送单位最多 100 字") String transferredByName,
            @EnteredDate @NotNull(message = "请填写受理日期") LocalDate receivedOn,
            @NotNull(message = "请选择纠纷类型") DisputeType disputeType,
            @NotBlank(message = "请填写纠纷事实") @Size(max = 3000, message = "事实最多 3000 字") String facts,
            @NotBlank(message = "请填写当事人请求") @Size(max = 1000, message = "请求最多 1000 字") String claims,
            @DecimalMin(value = "0", message = "金额不能为负数") @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal amount,
            @NotNull(message = "请选择纠纷发生地所在村（社区）") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String villageCode,
            @NotNull(message = "请选择调解方式") Dispute.Mode preferredMode,
            @NotEmpty(message = "请填写当事人") @Size(min = 2, max = 10, message = "当事人为 2 至 10 个")
            List<@Valid @NotNull(message = "当事人不能为空") PartyEntry> parties) {

        public OfflineCommands.Register command() {
            return new OfflineCommands.Register(origin, intakeChannel, transferredByKind, transferredByName, receivedOn,
                    disputeType, facts, claims, amount, villageCode, preferredMode,
                    parties.stream().map(PartyEntry::command).toList());
        }
    }

    /** A party's consent or refusal given in person or by phone, recorded by the mediator. */
    public record RecordConsent(@NotNull(message = "请选择是否同意调解") Boolean consented,
                                @Size(max = 500, message = "最多 500 字") String reason) {
    }

    /** 要求终止调解 (Art. 23): a party's own request, or (partyId) one recorded by the mediator. */
    public record EndMediation(UUID partyId, @Size(max = 1000, message = "最多 1000 字") String reason) {
    }

    /** 口头协议: what was agreed and which parties agreed. */
    public record OralAgreement(
            @NotBlank(message = "请填写口头协议内容") @Size(max = 3000, message = "最多 3000 字") String content,
            @NotEmpty(message = "请选择达成协议的当事人") @Size(max = 10, message = "最多 10 个")
            List<@NotNull(message = "当事人不能为空") UUID> agreedPartyIds,
            @EnteredDate(DateBounds.Kind.PLANNED) LocalDate performanceDueOn) {

        public OfflineCommands.OralAgreement command() {
            return new OfflineCommands.OralAgreement(content, agreedPartyIds, performanceDueOn);
        }
    }

    /** A written agreement signed on paper, with its scanned copy uploaded first as evidence of the case. */
    public record PaperAgreement(
            @NotBlank(message = "请填写纠纷事实") @Size(max = 3000, message = "最多 3000 字") String facts,
            @NotBlank(message = "请填写各方责任") @Size(max = 2000, message = "最多 2000 字") String responsibilities,
            @NotEmpty(message = "请至少填写一条协议条款") @Size(max = 20, message = "最多 20 条")
            List<@Valid @NotNull(message = "条款不能为空") Term> terms,
            @NotNull(message = "请先上传协议书扫描件（作为证据），再填写其编号") UUID scanEvidenceId) {

        public OfflineCommands.PaperAgreement command() {
            return new OfflineCommands.PaperAgreement(facts, responsibilities, terms.stream()
                    .map(t -> new OfflineCommands.Term(t.content(), t.performanceMethod(), t.deadline())).toList(),
                    scanEvidenceId);
        }
    }

    public record PostMessage(@NotBlank(message = "消息不能为空") @Size(max = 2000, message = "消息最多 2000 字") String text) {
    }
}
