package org.publiclegal.shared.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/**
 * Renders a {@link PrintedDocument} page to PDF with openhtmltopdf (PDFBox 3). The Chinese font ships inside the
 * application (classpath {@code fonts/}: Noto Serif CJK SC, OFL) and is subset-embedded, so no system font and no
 * network are needed and a one-page document stays small. CPU-bound: call it off the event loop.
 */
public final class PdfDocuments {

    public static final String PDF = "application/pdf";
    private static final byte[] REGULAR = load("fonts/NotoSerifSC-Regular-GB2312.ttf");
    private static final byte[] BOLD = load("fonts/NotoSerifSC-Bold-GB2312.ttf");

    static {
        // openhtmltopdf logs every layout step at INFO through its own console handler: keep warnings only
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    private PdfDocuments() {
    }

    public static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), PrintedDocument.FONT_FAMILY, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), PrintedDocument.FONT_FAMILY, 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withProducer("公共法律服务平台");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] load(String resource) {
        try (InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
