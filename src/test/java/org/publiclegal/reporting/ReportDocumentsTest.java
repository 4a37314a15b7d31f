package org.publiclegal.reporting;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.publiclegal.reporting.ReportingScope.RegionRef;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exports print a rate as the sentence and the dashboard card do: one decimal (100.0, 80.0). */
class ReportDocumentsTest {

    private static AnnualReport report() {
        Map<Metric, BigDecimal> current = new EnumMap<>(Metric.class);
        Map<Metric, BigDecimal> previous = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            current.put(m, BigDecimal.ZERO);
            previous.put(m, BigDecimal.ZERO);
        }
        current.put(Metric.MEDIATION_CONCLUDED, BigDecimal.valueOf(5));
        current.put(Metric.MEDIATION_SUCCEEDED, BigDecimal.valueOf(5));
        current.put(Metric.MEDIATION_SUCCESS_RATE, MetricService.rate(5, 5));
        previous.put(Metric.MEDIATION_SUCCESS_RATE, MetricService.rate(4, 5));
        return AnnualReport.of(new RegionRef("610110000000", "测试县", "COUNTY"), 2025, Instant.EPOCH, current, previous);
    }

    @Test
    void theWordTableAndSentencePrintARateWithOneDecimal() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ReportDocuments.docx(report())));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertTrue(all.contains("调解成功率为100.0%"), all);
            assertTrue(all.contains("调解成功率\t%\t100.0\t80.0\t+20.0"), all);
            assertTrue(all.contains(ReportDocuments.ROUNDING_NOTE.replaceFirst("^注：", "")), all);
        }
    }

    @Test
    void theExcelRateCellsShowOneDecimal() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportDocuments.xlsx(report())))) {
            var sheet = book.getSheetAt(0);
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row.getCell(5).getStringCellValue().equals(Metric.MEDIATION_SUCCESS_RATE.key())) {
                    assertEquals(100.0, row.getCell(2).getNumericCellValue());
                    assertEquals("0.0", row.getCell(2).getCellStyle().getDataFormatString());
                    assertEquals("0.0", row.getCell(3).getCellStyle().getDataFormatString());
                    return;
                }
            }
            throw new AssertionError("no success-rate row");
        }
    }

    @Test
    void theWordFileIsSetAsAGongwen() throws Exception {
        byte[] bytes = ReportDocuments.docx(report());
        org.publiclegal.shared.documents.PdfText.keep("annual-report.docx", bytes);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var title = doc.getParagraphs().get(0);
            assertEquals(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER, title.getAlignment());
            assertEquals(ReportDocuments.TITLE_FONT, title.getRuns().get(0).getFontFamily(
                    org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
            assertEquals(22.0, title.getRuns().get(0).getFontSizeAsDouble());
            java.util.List<String> texts = doc.getParagraphs().stream()
                    .map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText).toList();
            assertTrue(texts.contains("一、主要工作情况"), texts.toString());
            assertTrue(texts.contains("（一）人民调解"), texts.toString());
            assertTrue(texts.contains("二、主要数据"), texts.toString());
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("1. 金额以万元为单位")), texts.toString());
            // generation time in China time to the minute (the epoch is 08:00 in Beijing)
            assertTrue(texts.stream().anyMatch(t -> t.contains("生成于1970年1月1日 08:00（北京时间）")), texts.toString());
            var heading = doc.getParagraphs().stream().filter(p -> p.getText().equals("一、主要工作情况")).findFirst().orElseThrow();
            assertEquals(ReportDocuments.HEADING_FONT, heading.getRuns().get(0).getFontFamily(
                    org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
            var body = doc.getParagraphs().stream().filter(p -> p.getText().contains("调解成功率为")).findFirst().orElseThrow();
            assertEquals(ReportDocuments.BODY_FONT, body.getRuns().get(0).getFontFamily(
                    org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
            assertEquals(16.0, body.getRuns().get(0).getFontSizeAsDouble());
            var table = doc.getTables().get(0);
            assertEquals("单位", table.getRow(0).getCell(1).getText());
            for (int r = 1; r < table.getNumberOfRows(); r++) {
                for (int c = 2; c <= 4; c++) {
                    assertEquals(org.apache.poi.xwpf.usermodel.ParagraphAlignment.RIGHT,
                            table.getRow(r).getCell(c).getParagraphs().get(0).getAlignment());
                }
            }
            // 避免和挽回经济损失 (9 characters of 12 pt = 2160 twips plus cell margins) fits the first column
            assertTrue(ReportDocuments.COLUMN_TWIPS[0] >= 9 * 240 + 400);
            assertEquals(java.math.BigInteger.valueOf(3300),
                    table.getCTTbl().getTblGrid().getGridColArray(0).getW());
            String footer = doc.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText();
            assertTrue(footer.contains("PAGE"), footer);
            var margins = doc.getDocument().getBody().getSectPr().getPgMar();
            assertEquals(java.math.BigInteger.valueOf(2098), margins.getTop());
        }
    }

    @Test
    void theExcelSheetHasBordersAFrozenHeaderAndPrintsOnePageWide() throws Exception {
        byte[] bytes = ReportDocuments.xlsx(report());
        org.publiclegal.shared.documents.PdfText.keep("annual-report.xlsx", bytes);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheetAt(0);
            var pane = sheet.getPaneInformation();
            assertTrue(pane.isFreezePane());
            assertEquals(2, pane.getHorizontalSplitPosition());
            assertEquals(1, pane.getVerticalSplitPosition());
            var print = sheet.getPrintSetup();
            assertTrue(print.getLandscape());
            assertEquals(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE, print.getPaperSize());
            assertEquals(1, print.getFitWidth());
            assertEquals(0, print.getFitHeight());
            assertTrue(sheet.getFitToPage());
            String area = book.getPrintArea(0);
            assertTrue(area != null && area.endsWith("$A$1:$H$" + (sheet.getLastRowNum() + 1)), area);
            var row = sheet.getRow(2);
            assertEquals(org.apache.poi.ss.usermodel.BorderStyle.THIN, row.getCell(0).getCellStyle().getBorderLeft());
            assertEquals(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT, row.getCell(2).getCellStyle().getAlignment());
            assertEquals("#,##0", row.getCell(2).getCellStyle().getDataFormatString());
            assertTrue(sheet.getRow(1).getCell(0).getCellStyle().getFillPattern()
                    == org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
        }
    }
}
