package org.publiclegal.mediation.api;

import org.publiclegal.mediation.Agreement;
import org.publiclegal.mediation.AgreementPrinting.AgreementPrint;
import org.publiclegal.mediation.DisputeQueries.PartyFile;
import org.publiclegal.mediation.Party;
import org.publiclegal.mediation.OfflineCommands.Term;
import org.publiclegal.shared.documents.ChineseDates;
import org.publiclegal.shared.documents.PrintedDocument;

import java.util.List;

import static org.publiclegal.shared.documents.PrintedDocument.esc;
import static org.publiclegal.shared.documents.PrintedDocument.lines;

/**
 * The 人民调解协议书 as one XHTML page, printed in the browser or rendered to PDF. It carries what 人民调解法 Art. 29
 * names: the parties' basic details, the facts and issues, each party's responsibility, the terms with method and
 * deadline, 签名/盖章/按指印 lines for every party and the mediators, the committee's full name and seal place and
 * the number of copies (one per party and one kept by the committee).
 */
final class AgreementDocument {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private AgreementDocument() {
    }

    static String render(AgreementPrint print) {
        var f = print.file();
        var a = f.agreement();
        boolean paper = a.form() == Agreement.Form.PAPER;
        StringBuilder h = new StringBuilder();
        if (a.effectiveAt() == null) {
            h.append("<div class=\"draft\">草稿：人民调解委员会尚未盖章，本协议尚未生效</div>");
        }
        h.append("<h1>人民调解协议书</h1>");
        h.append("<p class=\"number\">").append(print.number() == null ? "案件编号：" + esc(f.dispute().reference)
                : esc(print.number())).append("</p>");
        h.append("<table class=\"parties\">");
        for (PartyFile p : f.parties()) {
            h.append("<tr><td class=\"role\">").append(role(p)).append("：</td><td>").append(esc(details(p)))
                    .append("</td></tr>");
        }
        h.append("</table>");
        h.append("<h2>一、纠纷的主要事实、争议事项</h2><p>").append(lines(a.facts())).append("</p>");
        h.append("<h2>二、各方当事人的责任</h2><p>").append(lines(a.responsibilities())).append("</p>");
        h.append("<h2>三、协议内容</h2><p>经").append(esc(print.committeeName()))
                .append("主持调解，各方当事人自愿达成如下协议：</p>");
        List<Term> terms = a.terms() == null ? List.of() : a.terms();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            h.append("<p>（").append(numeral(i + 1)).append("）").append(esc(stop(t.content()))).append("履行方式：")
                    .append(esc(t.performanceMethod())).append("；履行期限：")
                    .append(ChineseDates.date(t.deadline())).append("前。</p>");
        }
        h.append("<h2>四、协议的效力</h2>");
        h.append("<p>本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效，"
                + "具有法律约束力，当事人应当按照约定履行（《中华人民共和国人民调解法》第二十九条、第三十一条）。"
                + "各方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。</p>");
        int copies = f.parties().size() + 1;
        h.append("<p class=\"copies\">本协议书一式").append(numeral(copies)).append("份，当事人各执一份，人民调解委员会留存一份。</p>");
        // the signature lines and the seal stay together on one page
        h.append("<div class=\"signatures\"><table>");
        for (PartyFile p : f.parties()) {
            h.append("<tr><td>").append(role(p)).append("（签名、盖章或按指印）：<span class=\"line\">　</span>");
            if (paper) {
                h.append("<div class=\"hint\">（已在纸质协议书上签名，扫描件存档）</div>");
            } else if (p.agreementConfirmedAt() != null) {
                h.append("<div class=\"hint\">（").append(esc(p.name())).append("已于")
                        .append(ChineseDates.date(p.agreementConfirmedAt())).append("在线确认）</div>");
            }
            h.append("</td></tr>");
        }
        List<String> mediators = print.mediatorNames().isEmpty() ? List.of("") : print.mediatorNames();
        for (String m : mediators) {
            h.append("<tr><td>人民调解员（签名）：<span class=\"line\">　</span>")
                    .append(m.isEmpty() ? "" : "<span class=\"hint\">（" + esc(m) + "）</span>").append("</td></tr>");
        }
        h.append("</table>");
        h.append("<div class=\"seal\"><p>").append(esc(print.committeeName())).append("（印章）</p><p>")
                .append(a.effectiveAt() == null ? "　　年　　月　　日" : ChineseDates.date(a.effectiveAt()))
                .append("</p></div></div>");
        return PrintedDocument.page("人民调解协议书", "compact", h.toString());
    }

    /** A term reads as a sentence before its method and deadline follow. */
    static String stop(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = s.strip();
        return t.endsWith("。") || t.endsWith("；") || t.endsWith(".") ? t : t + "。";
    }

    private static String role(PartyFile p) {
        return p.role() == Party.Role.APPLICANT ? "申请人" : "被申请人";
    }

    /** 当事人的基本情况: what the case file holds (masked where the reader may not see it in the clear). */
    static String details(PartyFile p) {
        StringBuilder b = new StringBuilder(p.name() == null ? "" : p.name());
        if (p.kind() == Party.Kind.ORGANISATION) {
            append(b, p.address() == null ? null : "住所：" + p.address());
        } else {
            append(b, p.sex() == null ? null : p.sex() == Party.Sex.MALE ? "男" : "女");
            append(b, p.age() == null ? null : p.age() + "岁");
            append(b, p.idNumber() == null ? null : "公民身份号码：" + p.idNumber());
            append(b, p.address() == null ? null : "住址：" + p.address());
        }
        append(b, p.phone() == null ? null : "联系电话：" + p.phone());
        return b.toString();
    }

    private static void append(StringBuilder b, String part) {
        if (part != null && !part.isBlank()) {
            b.append("，").append(part);
        }
    }

    static String numeral(int n) {
        if (n <= 10) {
            return NUMERALS[n - 1];
        }
        if (n < 20) {
            return "十" + NUMERALS[n - 11];
        }
        return String.valueOf(n);
    }
}
