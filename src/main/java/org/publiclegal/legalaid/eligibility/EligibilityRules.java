package org.publiclegal.legalaid.eligibility;

import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.Art32Situation;
import org.publiclegal.legalaid.ExemptionCategory;
import org.publiclegal.legalaid.Finances;
import org.publiclegal.legalaid.NotifiedDefenceGround;

import org.publiclegal.legalaid.eligibility.EligibilityResult.Outcome;
import org.publiclegal.legalaid.eligibility.EligibilityResult.RuleResult;
import org.publiclegal.legalaid.eligibility.EligibilityResult.StandardUsed;
import org.publiclegal.legalaid.eligibility.EligibilityResult.Verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 法律援助条件初步判断: the statute's rules (法律援助法 Art. 24–34, 42) applied one by one, each with its
 * verdict and a plain-Chinese reason that cites the article. Pure: no I/O; the caller supplies the
 * 经济困难标准 in force (or null when none is configured).
 */
public final class EligibilityRules {

    public static final String OWN_LAWYER = "OWN_LAWYER";
    public static final String NOTIFIED_DEFENCE = "NOTIFIED_DEFENCE";
    public static final String MATTER_IN_SCOPE = "MATTER_IN_SCOPE";
    public static final String HARDSHIP_WAIVED = "HARDSHIP_WAIVED";
    public static final String EXEMPT_FROM_VERIFICATION = "EXEMPT_FROM_VERIFICATION";
    public static final String ECONOMIC_HARDSHIP = "ECONOMIC_HARDSHIP";
    public static final String ASSETS = "ASSETS";

    private static final String ART_34 = "第三十四条";

    private EligibilityRules() {
    }

    /** Every rule, in a fixed order, and the outcome they lead to. */
    public static EligibilityResult evaluate(EligibilityInput in, HardshipStandard standardOrNull) {
        Objects.requireNonNull(in.matter(), "matter");
        Set<Art32Situation> situations = nonNull(in.situations());
        Set<NotifiedDefenceGround> grounds = nonNull(in.notifiedGrounds());
        boolean notified = in.matter() == AidMatter.CRIMINAL_DEFENCE && !grounds.isEmpty();
        boolean waived = !notified && !situations.isEmpty();
        boolean exempt = !notified && exemptionApplies(in);
        String noMeansTest = notified ? "属于通知辩护情形，不审查经济状况"
                : waived ? "属于第三十二条规定的情形，不受经济困难条件的限制"
                : exempt ? "属于第四十二条规定的情形，免予核查经济困难状况" : null;

        List<RuleResult> rules = List.of(
                ownLawyer(in, notified),
                notifiedDefence(in.matter(), grounds),
                matterInScope(in, situations),
                hardshipWaived(situations, notified),
                exemption(in, notified),
                noMeansTest != null ? notApplicable(ECONOMIC_HARDSHIP, ART_34, noMeansTest)
                        : economicHardship(in.matter(), in.finances(), standardOrNull),
                noMeansTest != null ? notApplicable(ASSETS, ART_34, noMeansTest + "，也不审查家庭资产")
                        : assets(in.finances(), standardOrNull));
        StandardUsed used = noMeansTest == null && standardOrNull != null ? used(standardOrNull) : null;
        return new EligibilityResult(outcome(in.matter(), notified, rules), rules, used);
    }

    private static Outcome outcome(AidMatter matter, boolean notified, List<RuleResult> rules) {
        List<RuleResult> failed = rules.stream().filter(r -> r.verdict() == Verdict.FAIL).toList();
        if (!failed.isEmpty()) {
            boolean onlyMeans = failed.stream().allMatch(r -> r.rule().equals(ECONOMIC_HARDSHIP) || r.rule().equals(ASSETS));
            // Art. 24: a suspect or defendant may also apply "for other reasons"; the agency decides
            return onlyMeans && matter == AidMatter.CRIMINAL_DEFENCE && !notified ? Outcome.NEEDS_REVIEW
                    : Outcome.LIKELY_INELIGIBLE;
        }
        return rules.stream().anyMatch(r -> r.verdict() == Verdict.UNKNOWN) ? Outcome.NEEDS_REVIEW
                : Outcome.LIKELY_ELIGIBLE;
    }

    private static RuleResult ownLawyer(EligibilityInput in, boolean notified) {
        String article = matterArticle(in.matter());
        if (notified) {
            return notApplicable(OWN_LAWYER, "第二十五条",
                    "属于通知辩护情形，由办案机关通知指派律师（已自行委托辩护人的，无需再指派）");
        }
        if (in.hasOwnLawyer()) {
            return result(OWN_LAWYER, article, Verdict.FAIL,
                    "您已委托律师。法律援助面向没有委托律师（代理人、辩护人）的当事人，已委托律师的一般不再提供法律援助");
        }
        return result(OWN_LAWYER, article, Verdict.PASS, "尚未委托律师（代理人、辩护人），符合申请法律援助的前提");
    }

    private static RuleResult notifiedDefence(AidMatter matter, Set<NotifiedDefenceGround> grounds) {
        if (matter != AidMatter.CRIMINAL_DEFENCE) {
            return notApplicable(NOTIFIED_DEFENCE, "第二十五条", "通知辩护只适用于刑事案件的犯罪嫌疑人、被告人，本事项不适用");
        }
        if (grounds.isEmpty()) {
            return notApplicable(NOTIFIED_DEFENCE, "第二十五条",
                    "未选择应当通知辩护的情形（如未成年人、可能被判处无期徒刑或死刑等），可依第二十四条自行申请");
        }
        boolean art25 = grounds.stream().anyMatch(g -> g != NotifiedDefenceGround.COMPULSORY_MEDICAL_TREATMENT);
        boolean art28 = grounds.contains(NotifiedDefenceGround.COMPULSORY_MEDICAL_TREATMENT);
        String article = art25 && art28 ? "第二十五条、第二十八条" : art28 ? "第二十八条" : "第二十五条";
        StringBuilder text = new StringBuilder("属于应当通知辩护的情形：").append(labels(grounds, EligibilityRules::label))
                .append("。不审查经济状况：人民法院、人民检察院、公安机关应当在三日内通知法律援助机构，"
                        + "法律援助机构收到通知后三日内指派律师（第三十六条）");
        if (grounds.contains(NotifiedDefenceGround.LIFE_OR_DEATH_PENALTY)
                || grounds.contains(NotifiedDefenceGround.DEATH_PENALTY_REVIEW)) {
            text.append("；可能被判处无期徒刑、死刑的人和死刑复核案件的被告人，应当指派具有三年以上相关执业经历的律师（第二十六条）");
        }
        return result(NOTIFIED_DEFENCE, article, Verdict.PASS, text.toString());
    }

    private static RuleResult matterInScope(EligibilityInput in, Set<Art32Situation> situations) {
        AidMatter m = in.matter();
        String article = matterArticle(m);
        return switch (m) {
            case OTHER_PROVINCIAL -> result(MATTER_IN_SCOPE, article, Verdict.UNKNOWN,
                    "属于法律、法规、规章规定的其他情形（第（九）项），是否在援助范围内取决于本省规定，需法律援助机构审查");
            case OTHER_CIVIL -> situations.isEmpty()
                    ? result(MATTER_IN_SCOPE, article, Verdict.FAIL,
                    "不在列明的民事、行政法律援助事项范围内（可以获得免费法律咨询；如属本省规定的其他事项，请选择「其他省定事项」）")
                    : result(MATTER_IN_SCOPE, article, Verdict.UNKNOWN,
                    "不在列明事项范围内，但属于第三十二条规定的情形，是否提供法律援助需法律援助机构审查");
            case CRIMINAL_DEFENCE -> result(MATTER_IN_SCOPE, article, Verdict.PASS,
                    "刑事案件的犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，可以申请法律援助");
            case CRIMINAL_VICTIM -> result(MATTER_IN_SCOPE, article, Verdict.PASS,
                    "刑事案件的被害人、自诉人及附带民事诉讼当事人因经济困难没有委托诉讼代理人的，可以申请法律援助");
            case PETITION_OR_RETRIAL -> in.retrialOrdered()
                    ? result(MATTER_IN_SCOPE, article, Verdict.PASS, "人民法院已决定、裁定再审或者人民检察院已提出抗诉，可以申请法律援助")
                    : result(MATTER_IN_SCOPE, article, Verdict.FAIL,
                    "申诉阶段尚未决定再审或提出抗诉，暂不属于法律援助范围（决定再审或抗诉后可以申请；申诉期间可以获得法律咨询）");
            default -> result(MATTER_IN_SCOPE, article, Verdict.PASS, "属于" + item(m) + "，可以申请法律援助");
        };
    }

    private static RuleResult hardshipWaived(Set<Art32Situation> situations, boolean notified) {
        if (notified) {
            return notApplicable(HARDSHIP_WAIVED, "第三十二条", "通知辩护不审查经济状况，本项不适用");
        }
        if (situations.isEmpty()) {
            return notApplicable(HARDSHIP_WAIVED, "第三十二条", "未选择不受经济困难条件限制的情形");
        }
        return result(HARDSHIP_WAIVED, "第三十二条", Verdict.PASS,
                "属于" + labels(situations, EligibilityRules::label) + "的情形，不受经济困难条件的限制");
    }

    private static RuleResult exemption(EligibilityInput in, boolean notified) {
        ExemptionCategory e = in.exemption();
        if (notified) {
            return notApplicable(EXEMPT_FROM_VERIFICATION, "第四十二条", "通知辩护不审查经济状况，本项不适用");
        }
        if (e == null) {
            return notApplicable(EXEMPT_FROM_VERIFICATION, "第四十二条", "未选择免予核查经济困难状况的特定群体");
        }
        if (!exemptionApplies(in)) {
            return notApplicable(EXEMPT_FROM_VERIFICATION, "第四十二条",
                    "进城务工人员仅在请求支付劳动报酬或者工伤事故人身损害赔偿时免予核查，本事项仍需审查经济困难状况");
        }
        return result(EXEMPT_FROM_VERIFICATION, "第四十二条", Verdict.PASS,
                "属于" + label(e) + "，免予核查经济困难状况；申请时请提供" + proof(e, in.matter()));
    }

    private static RuleResult economicHardship(AidMatter matter, Finances f, HardshipStandard s) {
        if (s == null) {
            return result(ECONOMIC_HARDSHIP, ART_34, Verdict.UNKNOWN,
                    "本地未配置经济困难标准，需由法律援助机构按省级人民政府规定的标准审查");
        }
        String line = "当地经济困难标准 " + yuan(s.monthlyThreshold) + " 元/月（" + s.describeBasis() + "，"
                + s.source + "，" + s.effectiveFrom + "起施行）";
        if (f == null || f.householdMembers() == null || f.householdMembers() < 1 || f.monthlyHouseholdIncome() == null) {
            return result(ECONOMIC_HARDSHIP, ART_34, Verdict.UNKNOWN,
                    "未填写家庭人口数或月收入，无法判断；" + line + "，按家庭人均月收入比较");
        }
        BigDecimal perCapita = f.monthlyHouseholdIncome().divide(BigDecimal.valueOf(f.householdMembers()), 2,
                RoundingMode.HALF_UP);
        String figures = "家庭人均月收入 " + yuan(perCapita) + " 元（月收入 "
                + yuan(f.monthlyHouseholdIncome()) + " 元 ÷ " + f.householdMembers() + " 人），";
        if (perCapita.compareTo(s.monthlyThreshold) <= 0) {
            return result(ECONOMIC_HARDSHIP, ART_34, Verdict.PASS, figures + "不高于" + line + "，符合经济困难条件");
        }
        String text = figures + "高于" + line + "，不符合经济困难条件";
        if (matter == AidMatter.CRIMINAL_DEFENCE) {
            text += "；但犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的均可申请（第二十四条），是否属于其他原因需法律援助机构审查";
        }
        return result(ECONOMIC_HARDSHIP, ART_34, Verdict.FAIL, text);
    }

    private static RuleResult assets(Finances f, HardshipStandard s) {
        if (s == null) {
            return result(ASSETS, ART_34, Verdict.UNKNOWN, "本地未配置经济困难标准，家庭资产条件需法律援助机构审查");
        }
        if (f == null) {
            return result(ASSETS, ART_34, Verdict.UNKNOWN, "未填写家庭资产情况，无法判断");
        }
        List<String> problems = new ArrayList<>();
        if (s.assetLimit != null && f.financialAssets() != null && f.financialAssets().compareTo(s.assetLimit) > 0) {
            problems.add("家庭金融资产 " + yuan(f.financialAssets()) + " 元，超过当地标准规定的 "
                    + yuan(s.assetLimit) + " 元");
        }
        if (f.ownsNonEssentialProperty() && s.excludesNonEssentialProperty) {
            problems.add("拥有生活必需以外的房产、车辆等较高价值财产，按当地标准（" + s.source + "）不属于经济困难");
        }
        if (!problems.isEmpty()) {
            return result(ASSETS, ART_34, Verdict.FAIL, String.join("；", problems));
        }
        if (s.assetLimit != null && f.financialAssets() == null) {
            return result(ASSETS, ART_34, Verdict.UNKNOWN,
                    "未填写家庭金融资产；当地标准要求不超过 " + yuan(s.assetLimit) + " 元");
        }
        return result(ASSETS, ART_34, Verdict.PASS, s.assetLimit == null ? "家庭资产符合当地标准（未设金融资产上限）"
                : "家庭金融资产 " + yuan(f.financialAssets()) + " 元，不超过当地标准规定的 "
                + yuan(s.assetLimit) + " 元");
    }

    private static boolean exemptionApplies(EligibilityInput in) {
        if (in.exemption() == null) {
            return false;
        }
        return in.exemption() != ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY
                || in.matter() == AidMatter.LABOUR_RELATIONSHIP_OR_WAGES || in.matter() == AidMatter.WORK_INJURY;
    }

    private static StandardUsed used(HardshipStandard s) {
        return new StandardUsed(s.id, s.regionCode, s.basis.name(), s.monthlyThreshold, s.effectiveFrom,
                s.effectiveTo, s.source);
    }

    /** Every explanation ends with the article it rests on, so the reason can be checked against the law. */
    private static RuleResult result(String rule, String article, Verdict verdict, String text) {
        return new RuleResult(rule, article, verdict, text + "（《法律援助法》" + article + "）");
    }

    private static RuleResult notApplicable(String rule, String article, String text) {
        return result(rule, article, Verdict.NOT_APPLICABLE, text);
    }

    private static String matterArticle(AidMatter m) {
        return switch (m) {
            case CRIMINAL_DEFENCE -> "第二十四条";
            case CRIMINAL_VICTIM -> "第二十九条";
            case PETITION_OR_RETRIAL -> "第三十三条";
            default -> "第三十一条";
        };
    }

    private static String item(AidMatter m) {
        return switch (m) {
            case STATE_COMPENSATION -> "第（一）项「依法请求国家赔偿」";
            case SOCIAL_INSURANCE_OR_ASSISTANCE -> "第（二）项「请求给予社会保险待遇或者社会救助」";
            case SURVIVOR_OR_DISABILITY_PENSION -> "第（三）项「请求发给抚恤金」";
            case SUPPORT_PAYMENT -> "第（四）项「请求给付赡养费、抚养费、扶养费」";
            case LABOUR_RELATIONSHIP_OR_WAGES -> "第（五）项「请求确认劳动关系或者支付劳动报酬」";
            case CIVIL_CAPACITY -> "第（六）项「请求认定公民无民事行为能力或者限制民事行为能力」";
            case PERSONAL_INJURY -> "第（七）项「请求交通事故、食品药品安全事故、医疗事故人身损害赔偿」";
            case WORK_INJURY -> "第（七）项「请求工伤事故人身损害赔偿」";
            case ENVIRONMENTAL_DAMAGE -> "第（八）项「请求环境污染、生态破坏损害赔偿」";
            default -> m.name();
        };
    }

    private static String label(NotifiedDefenceGround g) {
        return switch (g) {
            case MINOR -> "未成年人";
            case BLIND_DEAF_MUTE -> "视力、听力、言语残疾人";
            case MENTAL_INCAPACITY -> "不能完全辨认自己行为的成年人";
            case LIFE_OR_DEATH_PENALTY -> "可能被判处无期徒刑、死刑的人";
            case DEATH_PENALTY_REVIEW -> "申请法律援助的死刑复核案件被告人";
            case TRIAL_IN_ABSENTIA -> "缺席审判案件的被告人";
            case COMPULSORY_MEDICAL_TREATMENT -> "强制医疗案件的被申请人或者被告人";
        };
    }

    private static String label(Art32Situation s) {
        return switch (s) {
            case MARTYR_RELATIVE_PERSONALITY_RIGHTS -> "英雄烈士近亲属为维护英雄烈士的人格权益";
            case BRAVE_ACT -> "因见义勇为行为主张相关民事权益";
            case ACQUITTED_STATE_COMPENSATION -> "再审改判无罪请求国家赔偿";
            case ABUSE_ABANDONMENT_DOMESTIC_VIOLENCE -> "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益";
        };
    }

    private static String label(ExemptionCategory e) {
        return switch (e) {
            case MINOR_ELDERLY_DISABLED_NO_FIXED_INCOME -> "无固定生活来源的未成年人、老年人、残疾人";
            case SOCIAL_ASSISTANCE_RECIPIENT -> "社会救助对象（最低生活保障、特困人员救助供养等）";
            case JUDICIAL_ASSISTANCE_RECIPIENT -> "司法救助对象";
            case PREFERENTIAL_CARE_RECIPIENT -> "优抚对象";
            case MIGRANT_WORKER_WAGES_OR_INJURY -> "请求支付劳动报酬或者工伤事故人身损害赔偿的进城务工人员";
        };
    }

    /** The proof of belonging to the Art. 42 group that the applicant brings. */
    private static String proof(ExemptionCategory e, AidMatter matter) {
        return switch (e) {
            case MINOR_ELDERLY_DISABLED_NO_FIXED_INCOME -> "身份证件或户口簿、残疾人证等身份证明，以及无固定生活来源的说明";
            case SOCIAL_ASSISTANCE_RECIPIENT -> "低保证、特困人员救助供养证等社会救助证明";
            case JUDICIAL_ASSISTANCE_RECIPIENT -> "人民法院或人民检察院的司法救助决定书";
            case PREFERENTIAL_CARE_RECIPIENT -> "优待证、残疾军人证等优抚对象证明";
            case MIGRANT_WORKER_WAGES_OR_INJURY -> "劳动合同、工资条、考勤记录等务工证明"
                    + (matter == AidMatter.WORK_INJURY ? "，以及工伤事故的相关材料（限工伤事故引起的人身损害）" : "");
        };
    }

    /** An amount as shown to residents: yuan with two decimals. */
    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static <T extends Comparable<T>> String labels(Collection<T> items, Function<T, String> label) {
        return items.stream().sorted().map(label).collect(Collectors.joining("、"));
    }

    private static <T> Set<T> nonNull(Set<T> set) {
        return set == null ? Set.of() : set.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
