package org.publiclegal.reporting;

import org.publiclegal.advisory.AdvisoryEvents;
import org.publiclegal.education.EducationEvents;
import org.publiclegal.legalaid.LegalAidEvents;
import org.publiclegal.mediation.MediationEvents;
import org.publiclegal.mediation.screening.ScreeningEvents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 指标目录: every figure the yearly 法治政府建设情况报告 and the dashboards print, with its stable key, its label
 * as the reports print it, its unit and its definition. Flow figures are totals of ledger event kinds over a
 * period; rates are computed from those stored counts (never stored themselves); the organisation and staff
 * figures are read from their tables as they stand at the end of the period.
 * <p>
 * Rounding: a rate is {@code numerator ÷ denominator × 100} rounded half up to one decimal (6209 of 6323 is
 * 98.2%); it has no value when the denominator is 0. 万元 is the sum in fen ÷ 1,000,000, rounded half up to
 * four decimals with trailing zeros dropped (192060500000 fen is 1920.605 万元).
 */
public enum Metric {

    LEGAL_AID_CASES("legal_aid.cases", "受理法律援助案件", "件", Type.COUNT,
            "法律援助机构决定给予法律援助并指派承办人员的案件（含通知辩护、代理），以指派日计；不予援助、撤回和视为撤回的申请不计。"
                    + "只计属于案件的服务形式：服务形式为值班律师法律帮助的计入值班律师提供法律帮助，为法律咨询的计入法律援助咨询，均不计入本项。",
            LegalAidEvents.ASSIGNED),
    LEGAL_AID_DUTY_LAWYER_HELP("legal_aid.duty_lawyer_help", "值班律师提供法律帮助", "人次", Type.COUNT,
            "服务形式为值班律师法律帮助、经决定给予法律援助并指派值班律师的事项，每件计 1 人次，以指派日计；不计入受理法律援助案件。",
            LegalAidEvents.DUTY_LAWYER_HELP),
    LEGAL_AID_CONSULTATIONS("legal_aid.consultations", "法律援助咨询", "人次", Type.COUNT,
            "在窗口、12348 热线、网络和村（社区）接待的法律援助咨询，按咨询人数计（人次），以咨询日计；"
                    + "服务形式为法律咨询、经决定给予法律援助并指派承办人员的事项每件计 1 人次，以指派日计（不计入受理法律援助案件）。",
            LegalAidEvents.CONSULTATION),
    LEGAL_AID_LOSSES_RECOVERED("legal_aid.losses_recovered", "避免和挽回经济损失", "万元", Type.AMOUNT,
            "已结案法律援助案件结案报告所载为受援人避免和挽回的经济损失之和，以结案日计；单位万元，保留至多四位小数。",
            LegalAidEvents.CLOSED),
    LEGAL_AID_APPLICATIONS("legal_aid.applications", "收到法律援助申请", "件", Type.COUNT,
            "法律援助中心受理审查的申请（含后来不予援助的），以收到日计。",
            LegalAidEvents.RECEIVED),
    LEGAL_AID_REFUSALS("legal_aid.refusals", "不予法律援助", "件", Type.COUNT,
            "决定不予法律援助的申请，以决定日计；经异议由司法行政机关责令改正的，冲减（原日期 −1）。",
            LegalAidEvents.REFUSED),
    MEDIATION_SCREENINGS("mediation.screenings", "矛盾纠纷排查", "次", Type.COUNT,
            "调委会和司法所登记的矛盾纠纷排查活动次数（活动，不是纠纷件数），以排查日计。",
            ScreeningEvents.SCREENING),
    MEDIATION_RECEIVED("mediation.received", "收到调解申请", "件", Type.COUNT,
            "群众通过掌上调解提交、由调委会收到的矛盾纠纷，以提交日计；调解员登记的来访、来电、主动调解和移送纠纷同样计入，以实际受理日计。",
            MediationEvents.RECEIVED),
    MEDIATION_CONCLUDED("mediation.concluded", "调解矛盾纠纷", "件", Type.COUNT,
            "调委会受理并在期间内调解终结的纠纷：调解成功与调解不成（含当事人要求终止调解）之和，以终结日计；未受理、当事人拒绝和撤回的不计。",
            MediationEvents.SUCCEEDED, MediationEvents.FAILED),
    MEDIATION_SUCCEEDED("mediation.succeeded", "调解成功", "件", Type.COUNT,
            "以生效的书面或口头调解协议终结的纠纷，以协议生效日计。",
            MediationEvents.SUCCEEDED),
    MEDIATION_SUCCESS_RATE("mediation.success_rate", "调解成功率", "%", Type.RATE,
            "调解成功 ÷ 调解矛盾纠纷 × 100%，四舍五入保留一位小数；由存储的件数计算，不抄录上报数字。",
            MediationEvents.SUCCEEDED, MediationEvents.FAILED),
    MEDIATION_COURT_REFERRALS("mediation.court_referrals", "诉前委派调解", "件", Type.COUNT,
            "立案前接受人民法院委派调解的案件（诉前委派），以接收日计；立案后人民法院委托调解的案件不计入本项，另计委托调解。",
            MediationEvents.COURT_REFERRAL_RECEIVED),
    MEDIATION_COURT_ENTRUSTMENTS("mediation.court_entrustments", "委托调解", "件", Type.COUNT,
            "立案后接受人民法院委托调解的案件（普通程序和简易程序），以接收日计；不计入诉前委派调解。",
            MediationEvents.COURT_ENTRUSTMENT_RECEIVED),
    MEDIATION_JUDICIAL_CONFIRMATIONS("mediation.judicial_confirmations", "司法确认", "件", Type.COUNT,
            "人民法院裁定确认调解协议有效的件数，以裁定日计（申请件数和驳回件数另行记录）。",
            MediationEvents.JC_CONFIRMED),
    MEDIATION_COMMITTEES("mediation.committees", "人民调解委员会", "个", Type.ORGANISATIONS,
            "期末在册（期末当日在其在册区间内：设立之后、停用之前，重新启用的自重新启用日起）的各级人民调解委员会个数，取自按日期登记的组织机构名册。"),
    MEDIATION_MEDIATORS("mediation.mediators", "人民调解员", "名", Type.STAFF,
            "期末在册的人民调解员人数：期末当日账号在册、是某在册调委会的成员（按日期登记的调委会成员资格，调动、退出自当日起不计入原调委会）。"),
    ADVISORY_VILLAGES("advisory.villages", "村（社区）", "个", Type.VILLAGES,
            "期末在册的村（社区）个数，取自按日期登记的行政区划名册：合并、撤销的村（社区）自撤销日起不计，此前各期照计；"
                    + "是村(社区)法律顾问签约率的分母。"),
    ADVISORY_SIGNING_RATE("advisory.signing_rate", "村(社区)法律顾问签约率", "%", Type.COVERAGE,
            "期末在册且有有效法律顾问合同的村（社区）数 ÷ 期末在册的村（社区）总数 × 100%，四舍五入保留一位小数（合并、撤销的村（社区）自撤销日起分子分母均不计）；"
                    + "有效合同由村居法律顾问模块按村（社区）计入台账（ADVISORY_VILLAGE_COVERED：开始覆盖 +1，不再覆盖 −1）。",
            AdvisoryEvents.VILLAGE_COVERED),
    ADVISORY_LEGAL_REVIEWS("advisory.legal_reviews", "提供法律事项审查和建议", "条", Type.COUNT,
            "村（居）法律顾问登记的审查合同文书、出具法律意见、审查村规民约和重大决策的服务记录条数（每条记录计 1 条），以服务日计；作废的记录冲减。",
            AdvisoryEvents.LEGAL_REVIEW),
    EDUCATION_LECTURES("education.lectures", "法治讲座", "场", Type.COUNT,
            "举办的法治讲座场次（村（居）法律顾问登记的法治讲座服务记录每条计 1 场），以举办日计；作废的记录冲减。",
            AdvisoryEvents.LECTURE_HELD),
    EDUCATION_VIDEOS("education.videos", "普法宣传短视频", "期", Type.COUNT,
            "经审核发布的普法宣传短视频期数，以发布日计；发布后下架的节目仍计入其发布期间（台账不冲减）。",
            EducationEvents.EPISODE_PUBLISHED),
    EDUCATION_PARTICIPANTS("education.participants", "普法参与人次", "人次", Type.COUNT,
            "参加法治讲座和普法宣传活动的人次（每场法治讲座按登记的参加人数计入），以举办日计；在线观看普法视频不计入（另见普法视频播放）。",
            AdvisoryEvents.PARTICIPATION),
    EDUCATION_VIDEO_PLAYS("education.video_plays", "普法视频播放", "人次", Type.COUNT,
            "普法视频的播放人次：同一设备同一节目同一天（北京时间）首次播放计 1 次，以播放日计；归入节目所属地区和栏目所属单位；"
                    + "不计入普法参与人次。",
            EducationEvents.PLAY),
    EDUCATION_VIDEO_VIEWERS("education.video_viewers", "普法视频观看人数", "人", Type.DEVICES,
            "期间内播放过本地区普法视频的不同设备数（匿名设备标识去重，近似人数）；不能由逐日数相加，直接由播放记录去重计算。"),
    EDUCATION_VIDEO_COMPLETION_RATE("education.video_completion_rate", "普法视频完播率", "%", Type.RATIO,
            "完播次数 ÷ 播放人次 × 100%，四舍五入保留一位小数；一次播放的进度首次达到完播阈值（默认 90%）时计完播，以完播日计；无播放时无值。",
            EducationEvents.COMPLETED, EducationEvents.PLAY);

    /** How a metric's value is obtained. */
    public enum Type {
        /** Sum of the quantities of ledger events of the kinds, over the period. */
        COUNT,
        /** Sum of the amounts (fen) of ledger events of the kinds, shown in 万元. */
        AMOUNT,
        /** First kind's count ÷ the count of all kinds, in %. */
        RATE,
        /** Mediation committees on record at the end of the period. */
        ORGANISATIONS,
        /** Mediators on record at the end of the period. */
        STAFF,
        /** First kind's count ÷ the second kind's count, in % (e.g. completions ÷ plays). */
        RATIO,
        /** Distinct devices that viewed the region's videos in the period (from the view table, not the ledger). */
        DEVICES,
        /** Villages and communities on the register at the end of the period. */
        VILLAGES,
        /** Villages covered at the end of the period (running total of the kind) ÷ villages in the region, in %. */
        COVERAGE
    }

    private final String key;
    private final String label;
    private final String unit;
    private final Type type;
    private final String definition;
    private final List<String> kinds;

    Metric(String key, String label, String unit, Type type, String definition, String... kinds) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.type = type;
        this.definition = definition;
        this.kinds = List.of(kinds);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public Type type() {
        return type;
    }

    public String definition() {
        return definition;
    }

    /** The ledger event kinds the figure is computed from (empty for table-based figures). */
    public List<String> kinds() {
        return kinds;
    }

    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
