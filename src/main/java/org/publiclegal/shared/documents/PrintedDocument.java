package org.publiclegal.shared.documents;

/**
 * One statutory document as an XHTML page: the same markup is served as the printable HTML page and rendered to
 * PDF ({@link PdfDocuments}), so both show the same text. The layout follows GB/T 9704 as a guide: A4, margins
 * 37/26/35/28 mm, 二号 bold title, 三号 body with 28 pt lines, page numbers "— 1 —" at the foot.
 */
public final class PrintedDocument {

    /** The family name the embedded font is registered under (Noto Serif CJK SC, a 宋体-style serif). */
    public static final String FONT_FAMILY = "Noto Serif SC";

    private static final String CSS = """
            @page { size: A4; margin: 37mm 26mm 35mm 28mm;
              @bottom-center { content: "— " counter(page) " —"; font-family: 'Noto Serif SC', serif; font-size: 14pt; } }
            body { font-family: 'Noto Serif SC', 'Songti SC', SimSun, serif; font-size: 16pt; line-height: 28pt;
              color: #000; margin: 0; }
            @media screen { body { max-width: 156mm; margin: 2em auto; padding: 0 1em; } }
            h1 { font-size: 22pt; line-height: 34pt; font-weight: bold; text-align: center; letter-spacing: 0.1em;
              margin: 0 0 6pt 0; }
            .number { text-align: right; margin: 0 0 12pt 0; }
            .recipient { margin: 12pt 0 0 0; }
            h2 { font-size: 16pt; font-weight: bold; margin: 10pt 0 0 0; page-break-after: avoid; }
            p { margin: 0; text-indent: 2em; text-align: justify; }
            p.flat { text-indent: 0; }
            ol { margin: 0; padding-left: 2em; }
            li { margin: 0; text-align: justify; }
            table.parties { width: 100%; border-collapse: collapse; margin: 4pt 0; }
            table.parties td { vertical-align: top; padding: 0; }
            td.role { width: 5em; white-space: nowrap; }
            .signatures { margin-top: 18pt; page-break-inside: avoid; }
            .signatures table { width: 100%; border-collapse: collapse; }
            .signatures td { padding: 10pt 0 0 0; vertical-align: bottom; }
            .line { display: inline-block; width: 9em; border-bottom: 1px solid #000; }
            .hint { font-size: 12pt; }
            .seal { margin-top: 24pt; text-align: right; page-break-inside: avoid; }
            .seal p { text-align: right; text-indent: 0; }
            .copies { margin-top: 12pt; }
            .draft { text-align: center; font-weight: bold; border: 1px solid #000; padding: 2pt; margin-bottom: 8pt; }
            body.compact { font-size: 14pt; line-height: 24pt; }
            body.compact h1 { font-size: 22pt; }
            body.compact h2 { font-size: 14pt; margin-top: 6pt; }
            .signatures .hint { display: block; line-height: 16pt; }
            """;

    private PrintedDocument() {
    }

    /** The whole page: well-formed XHTML (openhtmltopdf parses it as XML). {@code body} is already escaped markup. */
    public static String page(String title, String body) {
        return page(title, null, body);
    }

    /** A page whose body has a style class: {@code compact} sets 四号 on 24 pt lines for a long form. */
    public static String page(String title, String bodyClass, String body) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head>"
                + "<meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head><body"
                + (bodyClass == null ? "" : " class=\"" + esc(bodyClass) + "\"") + ">" + body + "</body></html>";
    }

    /** Escapes text for XHTML content and attributes; null prints as empty. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // characters XML 1.0 forbids would make the page unparsable: drop them
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Escaped text with its line breaks kept. */
    public static String lines(String s) {
        return esc(s).replace("\r\n", "\n").replace("\n", "<br/>");
    }
}
