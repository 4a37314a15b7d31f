package org.publiclegal.mediation.api;

import org.junit.jupiter.api.Test;
import org.publiclegal.mediation.Agreement;
import org.publiclegal.mediation.AgreementPrinting.AgreementPrint;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeQueries.AgreementFile;
import org.publiclegal.mediation.DisputeQueries.DisputeFile;
import org.publiclegal.mediation.DisputeQueries.PartyFile;
import org.publiclegal.mediation.Party;
import org.publiclegal.mediation.OfflineCommands.Term;
import org.publiclegal.shared.documents.PdfDocuments;
import org.publiclegal.shared.documents.PdfText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printed 人民调解协议书 carries everything 人民调解法 Art. 29 names, in its PDF text layer too. */
class AgreementDocumentTest {

    static AgreementPrint print(Instant effectiveAt, String number, Agreement.Form form) {
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.reference = "TJ-2026-000123";
        List<PartyFile> parties = List.of(
                new PartyFile(UUID.randomUUID(), Party.Role.APPLICANT, Party.Kind.PERSON, "李桂英", "13908870001",
                        Party.Sex.FEMALE, 52, "532932197403150021", "云南省大理白族自治州鹤庆县云鹤镇南门村三组12号",
                        Party.Consent.CONSENTED, false, true, Instant.parse("2026-12-01T02:00:00Z")),
                new PartyFile(UUID.randomUUID(), Party.Role.RESPONDENT, Party.Kind.PERSON, "杨志强", "13908870002",
                        Party.Sex.MALE, 47, "532932197908110035", "云南省大理白族自治州鹤庆县云鹤镇南门村三组14号",
                        Party.Consent.CONSENTED, false, true, null));
        AgreementFile agreement = new AgreementFile(form,
                "双方系邻居。2026年10月，被申请人翻建房屋时在两家之间的通道上堆放建材，阻碍申请人通行，双方为此发生争执。",
                "被申请人堆放建材未与申请人协商，应负主要责任；申请人在争执中言语过激，负次要责任。",
                List.of(new Term("被申请人清理通道上的全部建材，恢复通道原状。", "自行清理", LocalDate.of(2026, 12, 21)),
                        new Term("被申请人向申请人赔偿误工损失人民币800元。", "现金当面支付，申请人出具收条", LocalDate.of(2026, 12, 31))),
                null, null, null, Instant.parse("2026-11-30T03:00:00Z"), effectiveAt, effectiveAt);
        DisputeFile file = new DisputeFile(d, "facts", "claims", parties, List.of(UUID.randomUUID()), List.of(), agreement);
        return new AgreementPrint(file, "鹤庆县云鹤镇人民调解委员会", "鹤庆县云鹤镇", List.of("段丽华", "张建国"), number);
    }

    @Test
    void theAgreementInForceNamesEverythingArticle29Requires() {
        byte[] pdf = PdfDocuments.render(AgreementDocument.render(print(Instant.parse("2026-12-02T01:00:00Z"),
                "鹤司调〔2026〕12号", Agreement.Form.ONLINE)));
        PdfText.keep("mediation-agreement.pdf", pdf);
        String text = PdfText.of(pdf);
        for (String expected : List.of("人民调解协议书", "鹤司调〔2026〕12号",
                // the parties' basic details
                "申请人：李桂英，女，52岁", "公民身份号码：532932197403150021", "被申请人：杨志强，男，47岁",
                // facts and issues, responsibilities, terms with method and deadline
                "纠纷的主要事实、争议事项", "阻碍申请人通行", "各方当事人的责任", "应负主要责任",
                "（一）被申请人清理通道上的全部建材", "履行方式：自行清理；履行期限：2026年12月21日前",
                "履行方式：现金当面支付，申请人出具收条；履行期限：2026年12月31日前",
                // effect, copies, signatures, committee and seal
                "第二十九条", "三十日内共同向人民法院申请司法确认",
                "本协议书一式三份，当事人各执一份，人民调解委员会留存一份。",
                "申请人（签名、盖章或按指印）", "被申请人（签名、盖章或按指印）", "李桂英已于2026年12月1日在线确认",
                "人民调解员（签名）", "段丽华", "张建国", "鹤庆县云鹤镇人民调解委员会（印章）", "2026年12月2日")) {
            assertTrue(text.contains(expected), () -> "missing " + expected + " in " + text);
        }
        assertFalse(text.contains("2026-12"), text);
        assertFalse(text.contains("#"), "a glyph the font lacks prints as #: " + text);
        float[] mm = PdfText.pageMillimetres(pdf);
        assertEquals(210, mm[0], 1);
        assertEquals(297, mm[1], 1);
        assertTrue(pdf.length < 400_000, "the font is subset-embedded: " + pdf.length + " bytes");
    }

    @Test
    void aDraftSaysItIsNotInForceAndHasNoNumber() {
        byte[] pdf = PdfDocuments.render(AgreementDocument.render(print(null, null, Agreement.Form.ONLINE)));
        PdfText.keep("mediation-agreement-draft.pdf", pdf);
        String text = PdfText.of(pdf);
        assertTrue(text.contains("草稿：人民调解委员会尚未盖章，本协议尚未生效"), text);
        assertTrue(text.contains("案件编号：TJ-2026-000123"), text);
        assertTrue(text.contains("（印章）　　年　　月　　日"), text);
    }

    @Test
    void aPaperAgreementPointsToItsSignedScan() {
        String html = AgreementDocument.render(print(Instant.parse("2026-12-02T01:00:00Z"), "鹤司调〔2026〕13号",
                Agreement.Form.PAPER));
        assertTrue(html.contains("已在纸质协议书上签名，扫描件存档"), html);
    }

    @Test
    void anOrganisationPartyPrintsItsSeatNotAnAge() {
        PartyFile firm = new PartyFile(UUID.randomUUID(), Party.Role.RESPONDENT, Party.Kind.ORGANISATION,
                "鹤庆县某建筑有限公司", "0872-4123456", null, null, null, "鹤庆县云鹤镇", Party.Consent.CONSENTED, false,
                false, null);
        assertEquals("鹤庆县某建筑有限公司，住所：鹤庆县云鹤镇，联系电话：0872-4123456", AgreementDocument.details(firm));
    }

    @Test
    void copiesAndTermsAreCountedInChineseNumerals() {
        assertEquals("三", AgreementDocument.numeral(3));
        assertEquals("十", AgreementDocument.numeral(10));
        assertEquals("十一", AgreementDocument.numeral(11));
        assertEquals("十九", AgreementDocument.numeral(19));
        assertEquals("20", AgreementDocument.numeral(20));
    }
}
