package org.publiclegal.mediation.api;

import org.publiclegal.mediation.DisputeQueries.DisputeFile;
import org.publiclegal.mediation.DisputeQueries.PartyFile;
import org.publiclegal.mediation.api.MediationRequests.Term;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.TimeSource;

import java.time.LocalDate;

/** Renders the 调解协议书 as a printable HTML page (人民调解法 Art. 29: parties, facts, responsibilities, terms). */
final class AgreementDocument {

    private AgreementDocument() {
    }

    static String render(DisputeFile f) {
        if (f.agreement() == null) {
            throw DomainException.rule("本案尚未起草调解协议");
        }
        if (f.agreement().form() == org.publiclegal.mediation.Agreement.Form.ORAL) {
            throw DomainException.rule("本案为口头协议（人民调解法第二十八条），没有协议书；协议内容见案件详情");
        }
        boolean paper = f.agreement().form() == org.publiclegal.mediation.Agreement.Form.PAPER;
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>人民调解协议书</title><style>body{font-family:serif;max-width:42em;margin:2em auto;line-height:1.8}"
                + "h1{text-align:center;letter-spacing:.3em}</style></head><body><h1>人民调解协议书</h1>");
        h.append("<p>编号：").append(esc(f.dispute().reference)).append("</p>");
        for (PartyFile p : f.parties()) {
            h.append("<p>").append(p.role().name().equals("APPLICANT") ? "申请人" : "被申请人").append("：")
                    .append(esc(p.name())).append("</p>");
        }
        h.append("<h2>纠纷事实及争议事项</h2><p>").append(esc(f.agreement().facts())).append("</p>");
        h.append("<h2>各方责任</h2><p>").append(esc(f.agreement().responsibilities())).append("</p>");
        h.append("<h2>协议内容</h2><ol>");
        for (Term t : f.agreement().terms()) {
            h.append("<li>").append(esc(t.content())).append("（履行方式：").append(esc(t.performanceMethod()))
                    .append("；履行期限：").append(t.deadline()).append("）</li>");
        }
        h.append("</ol><h2>当事人确认</h2>");
        for (PartyFile p : f.parties()) {
            h.append("<p>").append(esc(p.name())).append("：")
                    .append(paper ? "已在纸质协议书上签名（扫描件存档）" : p.agreementConfirmedAt() == null ? "尚未确认"
                            : "已于 " + LocalDate.ofInstant(p.agreementConfirmedAt(), TimeSource.CHINA) + " 在线确认")
                    .append("</p>");
        }
        h.append("<p>").append(f.agreement().effectiveAt() == null ? "人民调解委员会尚未盖章，本协议尚未生效。"
                : "人民调解委员会（印章）　" + LocalDate.ofInstant(f.agreement().effectiveAt(), TimeSource.CHINA)
                + "　本协议自各方当事人确认、人民调解委员会盖章之日起生效，具有法律约束力，当事人应当按照约定履行。"
                + "双方可自协议生效之日起三十日内共同向人民法院申请司法确认。").append("</p>");
        return h.append("</body></html>").toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
