package org.publiclegal.legalaid.api;

import org.publiclegal.legalaid.AidDocuments.AidPrint;
import org.publiclegal.legalaid.AidServiceType;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.shared.documents.ChineseDates;
import org.publiclegal.shared.documents.PrintedDocument;

import static org.publiclegal.shared.documents.PrintedDocument.esc;

/**
 * The centre's decisions and notices as XHTML pages (printed in the browser or rendered to PDF): 给予/不予法律援助
 * 决定书 with the reasons (and for a refusal the objection route of 法律援助法 Art. 49), 补正材料通知书 listing every
 * item and the deadline, 指派通知书.
 */
final class AidDocumentPages {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private AidDocumentPages() {
    }

    static String render(AidPrint p) {
        LegalAidApplication a = p.application();
        StringBuilder h = new StringBuilder();
        h.append("<h1>").append(esc(p.centreName())).append("<br/>").append(p.kind().title()).append("</h1>");
        h.append("<p class=\"number\">").append(esc(p.number())).append("</p>");
        h.append("<p class=\"flat recipient\">").append(esc(p.applicantName())).append("：</p>");
        String received = ChineseDates.date(a.submittedAt != null ? a.submittedAt : a.createdAt);
        String about = "你于" + received + "提出的法律援助申请（申请编号：" + esc(a.reference) + "）";
        switch (p.kind()) {
            case AID_GRANT -> {
                h.append("<p>").append(about).append("，本中心已依法审查。经审查：")
                        .append(esc(reason(a.decisionReason, "你的申请符合法律援助条件"))).append("。</p>");
                h.append("<p>根据《中华人民共和国法律援助法》第四十一条、第四十三条的规定，本中心决定给予法律援助，服务形式为")
                        .append(serviceType(a.serviceType)).append("。本中心将自本决定作出之日起三日内指派法律援助人员为你提供法律援助，"
                                + "并告知你法律援助人员的姓名和联系方式。</p>");
                h.append("<p>受援人应当向法律援助人员如实陈述与法律援助事项有关的情况，及时提供证据材料，协助、配合办理法律援助事项"
                        + "（第五十三条）。</p>");
            }
            case AID_REFUSAL -> {
                h.append("<p>").append(about).append("，本中心已依法审查。经审查：")
                        .append(esc(reason(a.decisionReason, "你的申请不符合法律援助条件"))).append("。</p>");
                h.append("<p>根据《中华人民共和国法律援助法》第四十一条、第四十三条的规定，本中心决定不予法律援助。</p>");
                h.append("<p>如对本决定有异议，你可以向设立本中心的司法行政部门")
                        .append(p.bureauName() == null ? "" : "（" + esc(p.bureauName()) + "）")
                        .append("提出。司法行政部门应当自收到异议之日起五日内进行审查，作出维持本中心决定或者责令本中心改正的决定；"
                                + "对司法行政部门维持本决定不服的，可以依法申请行政复议或者提起行政诉讼"
                                + "（《中华人民共和国法律援助法》第四十九条）。</p>");
            }
            case AID_MATERIALS -> {
                h.append("<p>").append(about).append("已收悉。经审查，申请材料不齐全，根据《中华人民共和国法律援助法》第四十三条"
                        + "的规定，现一次性告知你需要补充的全部材料：</p>");
                for (int i = 0; i < p.missingItems().size(); i++) {
                    h.append("<p>").append(numeral(i + 1)).append("、").append(esc(p.missingItems().get(i)))
                            .append("；</p>");
                }
                h.append("<p>请于").append(ChineseDates.date(a.materialsDueAt))
                        .append("前补充上述材料（可在“掌上法律援助”中上传，或送交本中心窗口）。"
                                + "审查期限自收到全部补充材料之日起重新计算；逾期未补充的，视为撤回申请。</p>");
            }
            case AID_ASSIGNMENT -> {
                h.append("<p>").append(about).append("，本中心已于")
                        .append(ChineseDates.date(a.decidedAt != null ? a.decidedAt : a.assignedAt))
                        .append("决定给予法律援助。根据《中华人民共和国法律援助法》第四十三条的规定，本中心指派")
                        .append(esc(p.providerName() == null ? "" : p.providerName()))
                        .append(esc(p.lawyerName() == null ? "法律援助人员" : p.lawyerName()))
                        .append("为你提供法律援助，服务形式为").append(serviceType(a.serviceType)).append("。</p>");
                h.append("<p>请你自收到本通知之日起与承办人员联系，如实陈述与法律援助事项有关的情况，及时提供证据材料。"
                        + "法律援助人员应当及时告知你有关办理法律援助事项的情况（第五十五条、第五十三条）。</p>");
            }
            default -> throw new IllegalStateException(p.kind().name());
        }
        h.append("<p>特此").append(p.kind().title().endsWith("决定书") ? "决定" : "通知").append("。</p>");
        h.append("<div class=\"seal\"><p>").append(esc(p.centreName())).append("（印章）</p><p>")
                .append(ChineseDates.date(p.issuedOn())).append("</p></div>");
        return PrintedDocument.page(p.kind().title(), h.toString());
    }

    private static String reason(String reason, String otherwise) {
        if (reason == null || reason.isBlank()) {
            return otherwise;
        }
        String r = reason.strip();
        return r.endsWith("。") ? r.substring(0, r.length() - 1) : r;
    }

    static String serviceType(AidServiceType t) {
        if (t == null) {
            return "法律援助";
        }
        return switch (t) {
            case LEGAL_CONSULTATION -> "法律咨询";
            case DOCUMENT_DRAFTING -> "代拟法律文书";
            case CRIMINAL_DEFENCE_OR_REPRESENTATION -> "刑事辩护与代理";
            case CIVIL_ADMINISTRATIVE_REPRESENTATION -> "民事、行政案件诉讼代理及非诉讼代理";
            case DUTY_LAWYER_HELP -> "值班律师法律帮助";
            case LABOUR_MEDIATION_ARBITRATION -> "劳动争议调解与仲裁代理";
            case OTHER -> "其他法律服务";
        };
    }

    private static String numeral(int n) {
        return n <= 10 ? NUMERALS[n - 1] : String.valueOf(n);
    }
}
