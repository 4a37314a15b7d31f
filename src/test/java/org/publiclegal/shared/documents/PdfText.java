package org.publiclegal.shared.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: a PDF's text layer with all white space removed (lines break anywhere in Chinese), and its pages. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page size of page 1 in millimetres, width then height. */
    public static float[] pageMillimetres(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var box = doc.getPage(0).getMediaBox();
            return new float[]{box.getWidth() * 25.4f / 72, box.getHeight() * 25.4f / 72};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a rendered document under target/documents so that a person can look at it. */
    public static void keep(String name, byte[] bytes) {
        try {
            Path dir = Path.of("target", "documents");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
