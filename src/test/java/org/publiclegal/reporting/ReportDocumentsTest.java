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
            assertTrue(all.contains(ReportDocuments.ROUNDING_NOTE), all);
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
}
