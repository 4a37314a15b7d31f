package org.publiclegal.shared.documents;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentNumberingTest {

    @Test
    void printsTheLocalFormWithHexagonalBracketsAndNoLeadingZeros() {
        assertEquals("鹤司调〔2026〕12号", DocumentNumbering.format("鹤司调", 2026, 12));
        assertEquals("鹤援决〔2027〕1号", DocumentNumbering.format("鹤援决", 2027, 1));
    }

    @Test
    void theSequenceStartsAtOne() {
        assertThrows(IllegalArgumentException.class, () -> DocumentNumbering.format("鹤调", 2026, 0));
    }

    @Test
    void theDefaultPrefixIsTheOrganisationsFirstCharacterAndTheKindsSuffix() {
        assertEquals("鹤援决", DocumentNumbering.defaultPrefix("鹤庆县法律援助中心", DocumentKind.AID_GRANT));
        assertEquals("云调", DocumentNumbering.defaultPrefix("云鹤镇人民调解委员会", DocumentKind.MEDIATION_AGREEMENT));
        assertEquals("援补", DocumentNumbering.defaultPrefix("A centre", DocumentKind.AID_MATERIALS));
        assertEquals("援指", DocumentNumbering.defaultPrefix("", DocumentKind.AID_ASSIGNMENT));
        assertEquals("援不", DocumentNumbering.defaultPrefix(null, DocumentKind.AID_REFUSAL));
    }

    @Test
    void aPrefixIsOneToTenChineseCharacters() {
        assertTrue(DocumentNumbering.validPrefix("鹤"));
        assertTrue(DocumentNumbering.validPrefix("鹤庆县司法局调解委员会".substring(0, 10)));
        assertFalse(DocumentNumbering.validPrefix("鹤庆县司法局人民调解委"));
        assertFalse(DocumentNumbering.validPrefix(""));
        assertFalse(DocumentNumbering.validPrefix(null));
        assertFalse(DocumentNumbering.validPrefix("鹤司调〔"));
        assertFalse(DocumentNumbering.validPrefix("HQ"));
    }

    @Test
    void datesPrintInChineseFormWithoutLeadingZerosInChinaTime() {
        assertEquals("2026年12月2日", ChineseDates.date(LocalDate.of(2026, 12, 2)));
        assertEquals("2026年1月31日", ChineseDates.date(LocalDate.of(2026, 1, 31)));
        // 23:27 UTC on 1 December is already 2 December in China
        assertEquals("2026年12月2日", ChineseDates.date(Instant.parse("2026-12-01T23:27:13.741762644Z")));
        assertEquals("2026年12月1日", ChineseDates.date(Instant.parse("2026-12-01T15:59:59Z")));
        assertEquals("2026年12月2日 07:27", ChineseDates.minute(Instant.parse("2026-12-01T23:27:59.999Z")));
        assertEquals("2026年12月2日 10:05", ChineseDates.minute(Instant.parse("2026-12-02T02:05:00Z")));
        assertEquals("", ChineseDates.date((LocalDate) null));
        assertEquals("", ChineseDates.date((Instant) null));
        assertEquals("", ChineseDates.minute(null));
    }

    @Test
    void pagesEscapeMarkupAndDropCharactersXmlForbids() {
        assertEquals("a&lt;b&gt;&amp;&quot;&#39;", PrintedDocument.esc("a<b>&\"'"));
        assertEquals("ab", PrintedDocument.esc("a\u0001b"));
        assertEquals("一<br/>二", PrintedDocument.lines("一\r\n二"));
        assertEquals("", PrintedDocument.esc(null));
    }

    @Test
    void theDocumentIsHtmlUnlessTheClientPrefersPdf() {
        java.util.function.Function<String, Boolean> wants = accept -> DocumentFormat.wantsPdf(
                java.util.Arrays.stream(accept.split(",")).map(String::trim)
                        .map(jakarta.ws.rs.core.MediaType::valueOf).toList());
        assertTrue(wants.apply("application/pdf"));
        assertTrue(wants.apply("application/pdf, text/html"));
        assertTrue(wants.apply("application/json, application/pdf"));
        assertFalse(wants.apply("*/*"));
        assertFalse(wants.apply("text/html, application/pdf"));
        assertFalse(wants.apply("text/*, application/pdf"));
        assertFalse(wants.apply("*/*, application/pdf"));
        assertFalse(wants.apply("application/json"));
        assertFalse(DocumentFormat.wantsPdf(java.util.List.of()));
        assertTrue(wants.apply("text/plain, application/pdf"));
    }
}
