package org.publiclegal.legalaid.api;

import org.junit.jupiter.api.Test;
import org.publiclegal.legalaid.AidDocuments.AidPrint;
import org.publiclegal.legalaid.AidServiceType;
import org.publiclegal.legalaid.ApplicationStatus;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.shared.documents.DocumentKind;
import org.publiclegal.shared.documents.PdfDocuments;
import org.publiclegal.shared.documents.PdfText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each of the centre's documents rendered to PDF: its text layer holds the expected Chinese. */
class AidDocumentPagesTest {

    private static LegalAidApplication application(ApplicationStatus status) {
        LegalAidApplication a = new LegalAidApplication();
        a.id = UUID.randomUUID();
        a.reference = "FY-2026-000042";
        a.status = status;
        a.serviceType = AidServiceType.CIVIL_ADMINISTRATIVE_REPRESENTATION;
        a.createdAt = Instant.parse("2026-11-20T01:00:00Z");
        a.submittedAt = Instant.parse("2026-11-20T02:00:00Z");
        a.decidedAt = Instant.parse("2026-11-26T03:00:00Z");
        a.materialsRequested = true;
        a.missingItems = "经济困难状况说明表（村委会盖章）；劳动合同或工资条等劳动关系证明；身份证复印件";
        a.materialsDueAt = Instant.parse("2026-11-30T15:59:59Z");
        a.assignedAt = Instant.parse("2026-11-27T02:00:00Z");
        return a;
    }

    private static byte[] pdf(String name, DocumentKind kind, LegalAidApplication a, String reason) {
        a.decisionReason = reason;
        AidPrint p = new AidPrint(kind, a, "字国富", "鹤庆县法律援助中心", "鹤庆县司法局", "杨律师", "云南鹤阳律师事务所",
                List.of(a.missingItems.split("；")), LocalDate.of(2026, 11, 26), "鹤援决〔2026〕3号");
        byte[] pdf = PdfDocuments.render(AidDocumentPages.render(p));
        PdfText.keep(name, pdf);
        return pdf;
    }

    private static void assertHas(String text, String... expected) {
        for (String e : expected) {
            assertTrue(text.contains(e), () -> "missing " + e + " in " + text);
        }
        assertFalse(text.contains("#"), "a glyph the font lacks prints as #: " + text);
    }

    @Test
    void theGrantDecisionGivesTheReasonAndTheServiceForm() {
        String text = PdfText.of(pdf("aid-grant.pdf", DocumentKind.AID_GRANT, application(ApplicationStatus.GRANTED),
                "申请人系进城务工人员，请求支付劳动报酬，依法免予核查经济困难状况"));
        assertHas(text, "鹤庆县法律援助中心", "给予法律援助决定书", "鹤援决〔2026〕3号", "字国富：",
                "你于2026年11月20日提出的法律援助申请（申请编号：FY-2026-000042）",
                "经审查：申请人系进城务工人员，请求支付劳动报酬，依法免予核查经济困难状况。",
                "决定给予法律援助，服务形式为民事、行政案件诉讼代理及非诉讼代理", "三日内指派法律援助人员",
                "特此决定。", "鹤庆县法律援助中心（印章）", "2026年11月26日");
    }

    @Test
    void theRefusalGivesTheReasonAndTheObjectionRouteOfArticle49() {
        String text = PdfText.of(pdf("aid-refusal.pdf", DocumentKind.AID_REFUSAL,
                application(ApplicationStatus.REFUSED), "申请人家庭人均月收入高于本省经济困难标准。"));
        assertHas(text, "不予法律援助决定书", "经审查：申请人家庭人均月收入高于本省经济困难标准。", "决定不予法律援助",
                "向设立本中心的司法行政部门（鹤庆县司法局）提出", "五日内进行审查", "行政复议或者提起行政诉讼",
                "第四十九条");
    }

    @Test
    void theMaterialsNoticeListsEveryItemAndTheDeadline() {
        String text = PdfText.of(pdf("aid-materials.pdf", DocumentKind.AID_MATERIALS,
                application(ApplicationStatus.MATERIALS_REQUESTED), null));
        assertHas(text, "补正材料通知书", "一次性告知", "一、经济困难状况说明表（村委会盖章）；",
                "二、劳动合同或工资条等劳动关系证明；", "三、身份证复印件；", "请于2026年11月30日前补充上述材料",
                "逾期未补充的，视为撤回申请", "特此通知。");
    }

    @Test
    void theAssignmentNoticeNamesTheFirmAndTheLawyer() {
        String text = PdfText.of(pdf("aid-assignment.pdf", DocumentKind.AID_ASSIGNMENT,
                application(ApplicationStatus.ASSIGNED), "符合条件"));
        assertHas(text, "指派通知书", "本中心已于2026年11月26日决定给予法律援助", "指派云南鹤阳律师事务所杨律师为你提供法律援助",
                "特此通知。");
    }
}
