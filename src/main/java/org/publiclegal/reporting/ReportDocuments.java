package org.publiclegal.reporting;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.publiclegal.reporting.AnnualReport.Figure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The annual report as Office documents (Apache POI): the section's text as Word, the figure table as Excel.
 * Chinese text is set in 宋体 for the East Asian range, so Word and WPS render it as printed reports do.
 */
public final class ReportDocuments {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FONT = "宋体";
    private static final List<String> HEADER = List.of("指标", "单位", "本年", "上年", "增减");
    /** As statistical tables say: printed 万元 are rounded, so parts may not add up to the printed total exactly. */
    static final String ROUNDING_NOTE = "注：金额以万元为单位，按元四舍五入（保留四位小数），各分项之和与合计可能因四舍五入略有出入，"
            + "精确数（金额以分计，比率为分子/分母）见表格“精确值”列及平台指标接口；比率均保留一位小数。";

    private ReportDocuments() {
    }

    static String title(AnnualReport r) {
        return r.region().name() + r.year() + "年公共法律服务主要数据";
    }

    /** For a closed year: whose snapshot the figures are and whether adjustments exist; null for an open year. */
    static String closureNote(AnnualReport r) {
        if (!r.closed()) {
            return null;
        }
        String closedOn = java.time.LocalDate.ofInstant(r.closure().closedAt(),
                org.publiclegal.shared.domain.TimeSource.CHINA).toString();
        return "本表为 " + closedOn + " 关账时的数据快照。" + (r.hasAdjustments()
                ? "关账后另有调整 " + r.adjustmentCount() + " 项，未并入本表，明细见平台调整清单。"
                : "关账后无调整。");
    }

    public static byte[] docx(AnnualReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            text(title.createRun(), title(report), 16, true);
            if (closureNote(report) != null) {
                text(doc.createParagraph().createRun(), closureNote(report), 10, false);
            }
            for (String sentence : report.paragraphs()) {
                XWPFParagraph p = doc.createParagraph();
                p.setFirstLineIndent(640);
                text(p.createRun(), sentence, 12, false);
            }
            if (report.paragraphs().isEmpty()) {
                text(doc.createParagraph().createRun(), "本年度尚无记录的公共法律服务数据。", 12, false);
            }
            XWPFTable table = doc.createTable(report.figures().size() + 1, HEADER.size());
            fill(table.getRow(0), HEADER, true);
            for (int i = 0; i < report.figures().size(); i++) {
                Figure f = report.figures().get(i);
                Metric m = Metric.byKey(f.key()).orElseThrow();
                fill(table.getRow(i + 1), List.of(f.label(), f.unit(), MetricService.print(m, f.value()),
                        MetricService.print(m, f.previousValue()), signed(m, f.change())), false);
            }
            text(doc.createParagraph().createRun(), ROUNDING_NOTE, 9, false);
            text(doc.createParagraph().createRun(), "数据来源：公共法律服务平台台账，生成于 " + report.generatedAt()
                    + "；每项数字可在平台按指标查询其对应的案件和记录。", 9, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xlsx(AnnualReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font font = book.createFont();
            font.setFontName(FONT);
            Font bold = book.createFont();
            bold.setFontName(FONT);
            bold.setBold(true);
            CellStyle plain = book.createCellStyle();
            plain.setFont(font);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            CellStyle rate = book.createCellStyle();
            rate.setFont(font);
            rate.setDataFormat(book.createDataFormat().getFormat("0.0"));
            Sheet sheet = book.createSheet(report.year() + "年");
            sheet.createRow(0).createCell(0).setCellValue(title(report));
            sheet.getRow(0).getCell(0).setCellStyle(head);
            Row header = sheet.createRow(1);
            List<String> columns = new java.util.ArrayList<>(HEADER);
            columns.add("指标代码");
            columns.add("口径");
            columns.add("精确值");
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
                header.getCell(c).setCellStyle(head);
            }
            int r = 2;
            for (Figure f : report.figures()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(f.label());
                row.createCell(1).setCellValue(f.unit());
                number(row, 2, f.value());
                number(row, 3, f.previousValue());
                number(row, 4, f.change());
                row.createCell(5).setCellValue(f.key());
                row.createCell(6).setCellValue(f.definition());
                row.createCell(7).setCellValue(f.exact() == null ? "—" : f.exact().text());
                boolean isRate = MetricService.isRate(Metric.byKey(f.key()).orElseThrow());
                for (int c = 0; c < columns.size(); c++) {
                    if (row.getCell(c) != null) {
                        boolean number = c >= 2 && c <= 4 && row.getCell(c).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC;
                        row.getCell(c).setCellStyle(isRate && number ? rate : plain);
                    }
                }
            }
            // notes on their own sheet, so the figure sheet stays one table
            Sheet notes = book.createSheet("说明");
            notes.createRow(0).createCell(0).setCellValue(ROUNDING_NOTE);
            if (closureNote(report) != null) {
                notes.createRow(1).createCell(0).setCellValue(closureNote(report));
            }
            Sheet text = book.createSheet("文字");
            for (int i = 0; i < report.paragraphs().size(); i++) {
                text.createRow(i).createCell(0).setCellValue(report.paragraphs().get(i));
            }
            sheet.setColumnWidth(0, 32 * 256);
            sheet.setColumnWidth(5, 36 * 256);
            sheet.setColumnWidth(6, 80 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        } else {
            row.createCell(column).setCellValue("—");
        }
    }

    private static String signed(Metric m, BigDecimal change) {
        if (change == null) {
            return "—";
        }
        return (change.signum() > 0 ? "+" : "") + MetricService.print(m, change);
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            text(p.createRun(), cells.get(c), 10, bold);
        }
    }

    private static void text(XWPFRun run, String text, int size, boolean bold) {
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
    }
}
