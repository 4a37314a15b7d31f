package org.publiclegal.shared.documents;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One document endpoint, two forms: the printable HTML page (the default, also for {@code *}{@code /*}) or the PDF
 * when the client's Accept header prefers {@code application/pdf}.
 */
public final class DocumentFormat {

    public static final String HTML = "text/html;charset=UTF-8";

    private DocumentFormat() {
    }

    /** Whether the first acceptable type (the list comes sorted by preference) that names HTML or PDF is PDF. */
    public static boolean wantsPdf(List<MediaType> acceptable) {
        for (MediaType t : acceptable) {
            if ("application".equals(t.getType()) && "pdf".equals(t.getSubtype())) {
                return true;
            }
            if (t.isWildcardType() || "text".equals(t.getType()) && (t.isWildcardSubtype() || "html".equals(t.getSubtype()))) {
                return false;
            }
        }
        return false;
    }

    public static Response html(String page) {
        return Response.ok(page, HTML).build();
    }

    /** A PDF shown in the browser's viewer, saved under its Chinese name (ASCII fallback for old clients). */
    public static Response pdf(byte[] pdf, String asciiName, String chineseName) {
        return Response.ok(pdf, PdfDocuments.PDF)
                .header("Content-Disposition", "inline; filename=\"" + asciiName + ".pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(chineseName + ".pdf", StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
