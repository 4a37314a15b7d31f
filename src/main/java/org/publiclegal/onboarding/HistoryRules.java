package org.publiclegal.onboarding;

import org.publiclegal.legalaid.AidServiceType;
import org.publiclegal.legalaid.CaseHistoryCommands;
import org.publiclegal.legalaid.CaseOutcome;
import org.publiclegal.mediation.Agreement;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeType;
import org.publiclegal.mediation.HistoryCommands;
import org.publiclegal.mediation.JudicialConfirmation;
import org.publiclegal.mediation.Party;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words of the 人民调解案件台账 and 法律援助案件台账 (案件来源, 纠纷类型, 调解结果, 服务形式 …) as the templates list
 * them, and the cells that need more than {@link RowCheck}: amounts in yuan, lists of names, whether a party is a
 * person or an organisation.
 */
public final class HistoryRules {

    /** 案件来源: how a case reached the committee, as the mediation records keep it. */
    public record Source(Dispute.Origin origin, Dispute.IntakeChannel channel, Dispute.Sender sender,
                         Dispute.ReferralType referralType) {

        public boolean transferred() {
            return origin == Dispute.Origin.TRANSFERRED;
        }

        public boolean fromCourt() {
            return origin == Dispute.Origin.COURT_REFERRED;
        }
    }

    /** Source labels, in the order the template lists them. */
    public enum SourceLabel {
        APPLIED("当事人申请", new Source(Dispute.Origin.APPLIED, Dispute.IntakeChannel.VISIT, null, null)),
        VISIT("来访", new Source(Dispute.Origin.APPLIED, Dispute.IntakeChannel.VISIT, null, null)),
        PHONE("来电", new Source(Dispute.Origin.APPLIED, Dispute.IntakeChannel.PHONE, null, null)),
        PROACTIVE("主动调解", new Source(Dispute.Origin.PROACTIVE, Dispute.IntakeChannel.APP, null, null)),
        POLICE("派出所移送", new Source(Dispute.Origin.TRANSFERRED, Dispute.IntakeChannel.APP,
                Dispute.Sender.POLICE_STATION, null)),
        PETITION("信访部门移送", new Source(Dispute.Origin.TRANSFERRED, Dispute.IntakeChannel.APP,
                Dispute.Sender.PETITION_OFFICE, null)),
        OTHER_DEPARTMENT("其他部门移送", new Source(Dispute.Origin.TRANSFERRED, Dispute.IntakeChannel.APP,
                Dispute.Sender.OTHER_DEPARTMENT, null)),
        DELEGATED("诉前委派", new Source(Dispute.Origin.COURT_REFERRED, Dispute.IntakeChannel.APP, null,
                Dispute.ReferralType.DELEGATED)),
        ENTRUSTED("委托调解", new Source(Dispute.Origin.COURT_REFERRED, Dispute.IntakeChannel.APP, null,
                Dispute.ReferralType.ENTRUSTED_ORDINARY)),
        ENTRUSTED_SIMPLIFIED("委托调解（简易程序）", new Source(Dispute.Origin.COURT_REFERRED, Dispute.IntakeChannel.APP,
                null, Dispute.ReferralType.ENTRUSTED_SIMPLIFIED));

        private final String label;
        private final Source source;

        SourceLabel(String label, Source source) {
            this.label = label;
            this.source = source;
        }

        public String label() {
            return label;
        }

        public Source source() {
            return source;
        }
    }

    static final Map<String, SourceLabel> SOURCES = new LinkedHashMap<>();
    static final Map<String, DisputeType> DISPUTE_TYPES = new LinkedHashMap<>();
    static final Map<String, HistoryCommands.Outcome> RESULTS = new LinkedHashMap<>();
    static final Map<String, Agreement.Form> AGREEMENT_FORMS = new LinkedHashMap<>();
    static final Map<String, JudicialConfirmation.Ruling> RULINGS = new LinkedHashMap<>();
    static final Map<String, AidServiceType> SERVICE_TYPES = new LinkedHashMap<>();
    static final Map<String, CaseHistoryCommands.Decision> DECISIONS = new LinkedHashMap<>();
    static final Map<String, CaseOutcome> OUTCOMES = new LinkedHashMap<>();

    static {
        for (SourceLabel s : SourceLabel.values()) {
            SOURCES.put(s.label(), s);
        }
        SOURCES.put("委托调解(简易程序)", SourceLabel.ENTRUSTED_SIMPLIFIED);
        SOURCES.put("诉前委派调解", SourceLabel.DELEGATED);
        SOURCES.put("信访移送", SourceLabel.PETITION);
        DISPUTE_TYPES.put("邻里纠纷", DisputeType.NEIGHBOUR);
        DISPUTE_TYPES.put("婚姻家庭纠纷", DisputeType.MARRIAGE_FAMILY);
        DISPUTE_TYPES.put("劳动纠纷", DisputeType.LABOUR);
        DISPUTE_TYPES.put("土地山林纠纷", DisputeType.LAND_FOREST);
        DISPUTE_TYPES.put("物业纠纷", DisputeType.PROPERTY_MANAGEMENT);
        DISPUTE_TYPES.put("消费纠纷", DisputeType.CONSUMER);
        DISPUTE_TYPES.put("交通事故纠纷", DisputeType.TRAFFIC_ACCIDENT);
        DISPUTE_TYPES.put("医疗纠纷", DisputeType.MEDICAL);
        DISPUTE_TYPES.put("损害赔偿纠纷", DisputeType.DAMAGES);
        DISPUTE_TYPES.put("其他", DisputeType.OTHER);
        RESULTS.put("调解成功", HistoryCommands.Outcome.SUCCEEDED);
        RESULTS.put("调解不成", HistoryCommands.Outcome.FAILED);
        RESULTS.put("调解不成功", HistoryCommands.Outcome.FAILED);
        RESULTS.put("终止调解", HistoryCommands.Outcome.FAILED);
        RESULTS.put("撤回", HistoryCommands.Outcome.WITHDRAWN);
        AGREEMENT_FORMS.put("书面", Agreement.Form.PAPER);
        AGREEMENT_FORMS.put("口头", Agreement.Form.ORAL);
        RULINGS.put("确认有效", JudicialConfirmation.Ruling.CONFIRMED);
        RULINGS.put("驳回", JudicialConfirmation.Ruling.REJECTED);
        SERVICE_TYPES.put("法律咨询", AidServiceType.LEGAL_CONSULTATION);
        SERVICE_TYPES.put("代拟法律文书", AidServiceType.DOCUMENT_DRAFTING);
        SERVICE_TYPES.put("刑事辩护与代理", AidServiceType.CRIMINAL_DEFENCE_OR_REPRESENTATION);
        SERVICE_TYPES.put("民事行政代理", AidServiceType.CIVIL_ADMINISTRATIVE_REPRESENTATION);
        SERVICE_TYPES.put("值班律师法律帮助", AidServiceType.DUTY_LAWYER_HELP);
        SERVICE_TYPES.put("劳动争议调解与仲裁代理", AidServiceType.LABOUR_MEDIATION_ARBITRATION);
        SERVICE_TYPES.put("其他", AidServiceType.OTHER);
        DECISIONS.put("给予", CaseHistoryCommands.Decision.GRANTED);
        DECISIONS.put("不予", CaseHistoryCommands.Decision.REFUSED);
        OUTCOMES.put("胜诉", CaseOutcome.WON);
        OUTCOMES.put("部分胜诉", CaseOutcome.PARTLY_WON);
        OUTCOMES.put("调解和解", CaseOutcome.SETTLED);
        OUTCOMES.put("败诉", CaseOutcome.LOST);
        OUTCOMES.put("服务完成", CaseOutcome.SERVICE_COMPLETED);
        OUTCOMES.put("其他", CaseOutcome.OTHER);
    }

    /** Ten billion yuan: more than that in one case is a slipped decimal point. */
    static final BigDecimal MAX_YUAN = new BigDecimal("10000000000");

    private static final Pattern YUAN = Pattern.compile("\\d{1,11}(\\.\\d{1,2})?");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");
    private static final List<String> ORGANISATION_ENDINGS = List.of("公司", "厂", "合作社", "委员会", "村委会", "医院",
            "学校", "幼儿园", "中心", "集团", "商店", "超市", "酒店", "餐厅", "银行", "保险", "站", "场");

    private HistoryRules() {
    }

    /** An amount in yuan as a 台账 writes it ("18600", "18,600.50", "¥18600.5"), or null when it is not one. */
    public static BigDecimal yuan(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "");
        if (t.endsWith("元")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (!YUAN.matcher(t).matches()) {
            return null;
        }
        BigDecimal v = new BigDecimal(t);
        return v.compareTo(MAX_YUAN) > 0 ? null : v.setScale(2);
    }

    /** The names of a cell listing several (张三、李四), without empty ones. */
    public static List<String> names(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(NAME_SEPARATORS.split(cell.strip())).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Whether a party named so is an organisation (a company, a factory, a cooperative, a committee, a hospital, a
     * school …): a name of at least four characters ending in one of those words. Everything else is a person.
     */
    public static Party.Kind partyKind(String name) {
        String n = name == null ? "" : name.strip();
        if (n.length() >= 4 && ORGANISATION_ENDINGS.stream().anyMatch(n::endsWith)) {
            return Party.Kind.ORGANISATION;
        }
        return Party.Kind.PERSON;
    }
}
