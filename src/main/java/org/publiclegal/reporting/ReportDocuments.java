package org.publiclegal.reporting;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
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
import java.math.BigInteger;
import java.util.List;

/**
 * The annual report as Office documents (Apache POI). The Word file is set as a 公文 (GB/T 9704 as a guide): A4 with
 * its margins, a 方正小标宋 二号 title, 一、（一）1. headings in 黑体 and 楷体, 仿宋 三号 body on 28 pt lines, the figures
 * as a table (numbers right-aligned, a unit column, a first column that holds "避免和挽回经济损失" on one line),
 * page numbers and the generation time in China time. The Excel file has borders, a frozen header, number formats
 * and prints A4 landscape, one page wide.
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
        String closedOn = org.publiclegal.shared.documents.ChineseDates.date(r.closure().closedAt());
        return "本表为 " + closedOn + " 关账时的数据快照。" + (r.hasAdjustments()
                ? "关账后另有调整 " + r.adjustmentCount() + " 项，未并入本表，明细见平台调整清单。"
                : "关账后无调整。");
    }

    /** 公文 fonts (GB/T 9704): title 方正小标宋, headings 黑体 / 楷体, body 仿宋 三号; Latin digits in Times New Roman. */
    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体_GB2312";
    static final String LATIN_FONT = "Times New Roman";
    /** 二号 and 三号 in points. */
    static final int TITLE_SIZE = 22;
    static final int BODY_SIZE = 16;
    static final int TABLE_SIZE = 12;
    /** A4 text width with margins 28 mm and 26 mm, in twips; the table columns add up to it. */
    static final int[] COLUMN_TWIPS = {3300, 1000, 1500, 1500, 1545};
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** The report's sentences grouped under their 公文 heading, in print order; empty groups are left out. */
    static java.util.LinkedHashMap<String, List<String>> sections(List<String> paragraphs) {
        java.util.LinkedHashMap<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String heading : List.of("法律援助", "人民调解", "村（居）法律顾问", "法治宣传教育", "其他")) {
            out.put(heading, new java.util.ArrayList<>());
        }
        for (String p : paragraphs) {
            String heading = p.contains("法律援助") || p.contains("值班律师") ? "法律援助"
                    : p.contains("调解") || p.contains("司法确认") ? "人民调解"
                    : p.contains("法律顾问") || p.contains("法律事项审查") ? "村（居）法律顾问"
                    : p.contains("普法") || p.contains("法治讲座") ? "法治宣传教育" : "其他";
            out.get(heading).add(p);
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }

    static String numeral(int n) {
        return n <= 10 ? NUMERALS[n - 1] : String.valueOf(n);
    }

    public static byte[] docx(AnnualReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageSetup(doc);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            exactLines(title, 36);
            run(title, title(report), TITLE_FONT, TITLE_SIZE, false);
            blank(doc);
            int heading = 0;
            heading(doc, numeral(++heading) + "、主要工作情况", HEADING_FONT);
            var groups = sections(report.paragraphs());
            if (groups.isEmpty()) {
                body(doc, "本年度尚无记录的公共法律服务数据。");
            }
            int sub = 0;
            for (var group : groups.entrySet()) {
                heading(doc, "（" + numeral(++sub) + "）" + group.getKey(), SUBHEADING_FONT);
                for (String sentence : group.getValue()) {
                    body(doc, sentence);
                }
            }
            heading(doc, numeral(++heading) + "、主要数据", HEADING_FONT);
            body(doc, "本年主要数据及与上年比较见下表。");
            table(doc, report);
            heading(doc, numeral(++heading) + "、说明", HEADING_FONT);
            int note = 0;
            body(doc, (++note) + ". " + ROUNDING_NOTE.replaceFirst("^注：", ""));
            if (closureNote(report) != null) {
                body(doc, (++note) + ". " + closureNote(report));
            }
            body(doc, (++note) + ". 数据来源：公共法律服务平台台账，每项数字可在平台按指标查询其对应的案件和记录；生成于"
                    + org.publiclegal.shared.documents.ChineseDates.minute(report.generatedAt()) + "（北京时间）。");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4, GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), page number "— 1 —" centred. */
    private static void pageSetup(XWPFDocument doc) {
        var sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        var size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        var mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(2098));
        mar.setBottom(BigInteger.valueOf(1984));
        mar.setLeft(BigInteger.valueOf(1587));
        mar.setRight(BigInteger.valueOf(1474));
        mar.setHeader(BigInteger.valueOf(851));
        mar.setFooter(BigInteger.valueOf(992));
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", "宋体", 14, false);
        var field = p.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        var r = field.addNewR();
        r.addNewT().setStringValue("1");
        var rpr = r.addNewRPr();
        rpr.addNewSz().setVal(BigInteger.valueOf(28));
        run(p, " —", "宋体", 14, false);
    }

    private static void heading(XWPFDocument doc, String text, String font) {
        XWPFParagraph p = doc.createParagraph();
        p.setFirstLineIndent(BODY_SIZE * 40);
        exactLines(p, 28);
        run(p, text, font, BODY_SIZE, false);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(BODY_SIZE * 40);
        exactLines(p, 28);
        run(p, text, BODY_FONT, BODY_SIZE, false);
    }

    private static void blank(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        exactLines(p, 28);
    }

    /** Fixed line spacing in points (公文: 28 pt for 三号 text, 22 lines a page). */
    private static void exactLines(XWPFParagraph p, int points) {
        p.setSpacingBetween(points, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
    }

    private static void table(XWPFDocument doc, AnnualReport report) {
        XWPFTable table = doc.createTable(report.figures().size() + 1, HEADER.size());
        table.setWidth(String.valueOf(java.util.Arrays.stream(COLUMN_TWIPS).sum()));
        table.setTableAlignment(org.apache.poi.xwpf.usermodel.TableRowAlign.CENTER);
        var layout = table.getCTTbl().getTblPr().isSetTblLayout() ? table.getCTTbl().getTblPr().getTblLayout()
                : table.getCTTbl().getTblPr().addNewTblLayout();
        layout.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : COLUMN_TWIPS) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        fill(table.getRow(0), HEADER, true);
        table.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < report.figures().size(); i++) {
            Figure f = report.figures().get(i);
            Metric m = Metric.byKey(f.key()).orElseThrow();
            fill(table.getRow(i + 1), List.of(f.label(), f.unit(), MetricService.print(m, f.value()),
                    MetricService.print(m, f.previousValue()), signed(m, f.change())), false);
        }
    }

    public static byte[] xlsx(AnnualReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var styles = new SheetStyles(book);
            List<String> columns = new java.util.ArrayList<>(HEADER);
            columns.add("指标代码");
            columns.add("口径");
            columns.add("精确值");
            int last = columns.size() - 1;
            Sheet sheet = book.createSheet(report.year() + "年");
            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(30);
            titleRow.createCell(0).setCellValue(title(report));
            titleRow.getCell(0).setCellStyle(styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            Row header = sheet.createRow(1);
            header.setHeightInPoints(22);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c));
                header.getCell(c).setCellStyle(styles.head);
            }
            int r = 2;
            for (Figure f : report.figures()) {
                Metric m = Metric.byKey(f.key()).orElseThrow();
                Row row = sheet.createRow(r++);
                text(row, 0, f.label(), styles.text);
                text(row, 1, f.unit(), styles.centred);
                CellStyle number = MetricService.isRate(m) ? styles.rate : "万元".equals(f.unit()) ? styles.money : styles.count;
                CellStyle change = MetricService.isRate(m) ? styles.rateChange : "万元".equals(f.unit()) ? styles.moneyChange
                        : styles.countChange;
                number(row, 2, f.value(), number, styles.centred);
                number(row, 3, f.previousValue(), number, styles.centred);
                number(row, 4, f.change(), change, styles.centred);
                text(row, 5, f.key(), styles.text);
                text(row, 6, f.definition(), styles.wrapped);
                text(row, 7, f.exact() == null ? "—" : f.exact().text(), styles.wrapped);
                // POI does not fit row heights: give wrapped 口径 and 精确值 the lines they need
                int lines = Math.max(lines(f.definition(), DEFINITION_WIDTH), lines(row.getCell(7).getStringCellValue(),
                        EXACT_WIDTH));
                row.setHeightInPoints(Math.max(1, lines) * 15f);
            }
            int lastRow = r - 1;
            sheet.setColumnWidth(0, 24 * 256);
            sheet.setColumnWidth(1, 7 * 256);
            sheet.setColumnWidth(2, 12 * 256);
            sheet.setColumnWidth(3, 12 * 256);
            sheet.setColumnWidth(4, 12 * 256);
            sheet.setColumnWidth(5, 30 * 256);
            sheet.setColumnWidth(6, DEFINITION_WIDTH * 256);
            sheet.setColumnWidth(7, EXACT_WIDTH * 256);
            // the title and header stay in view, and the figure names beside the numbers
            sheet.createFreezePane(1, 2);
            printSetup(book, sheet, 0, last, lastRow);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            // notes on their own sheet, so the figure sheet stays one table
            Sheet notes = book.createSheet("说明");
            notes.setColumnWidth(0, 100 * 256);
            text(notes.createRow(0), 0, ROUNDING_NOTE, styles.plainWrapped);
            int n = 1;
            if (closureNote(report) != null) {
                text(notes.createRow(n++), 0, closureNote(report), styles.plainWrapped);
            }
            text(notes.createRow(n), 0, "数据来源：公共法律服务平台台账；生成于"
                    + org.publiclegal.shared.documents.ChineseDates.minute(report.generatedAt()) + "（北京时间）。",
                    styles.plainWrapped);
            printSetup(book, notes, 0, 0, n);
            Sheet text = book.createSheet("文字");
            text.setColumnWidth(0, 100 * 256);
            for (int i = 0; i < report.paragraphs().size(); i++) {
                text(text.createRow(i), 0, report.paragraphs().get(i), styles.plainWrapped);
            }
            printSetup(book, text, 0, 0, Math.max(0, report.paragraphs().size() - 1));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int DEFINITION_WIDTH = 60;
    private static final int EXACT_WIDTH = 24;

    /** How many lines a text needs in a column {@code width} characters wide (a Chinese character is two wide). */
    static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += text.charAt(i) < 0x2E80 ? 1 : 2;
        }
        // a little slack for the cell margins and for words that do not break
        return (int) Math.ceil(units / (width - 2.0));
    }

    /** A4 landscape, the used range as print area, fitted to one page width (as many pages high as needed). */
    private static void printSetup(XSSFWorkbook book, Sheet sheet, int firstColumn, int lastColumn, int lastRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.5);
        sheet.setMargin(PageMargin.RIGHT, 0.5);
        sheet.setMargin(PageMargin.TOP, 0.6);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        book.setPrintArea(book.getSheetIndex(sheet), firstColumn, lastColumn, 0, lastRow);
    }

    /** The workbook's cell styles: thin borders everywhere in the table, numbers right-aligned with their format. */
    private static final class SheetStyles {
        final CellStyle title;
        final CellStyle head;
        final CellStyle text;
        final CellStyle centred;
        final CellStyle wrapped;
        final CellStyle plainWrapped;
        final CellStyle count;
        final CellStyle money;
        final CellStyle rate;
        final CellStyle countChange;
        final CellStyle moneyChange;
        final CellStyle rateChange;

        SheetStyles(XSSFWorkbook book) {
            Font font = book.createFont();
            font.setFontName(FONT);
            font.setFontHeightInPoints((short) 11);
            Font bold = book.createFont();
            bold.setFontName(FONT);
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 11);
            Font big = book.createFont();
            big.setFontName(FONT);
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            var format = book.createDataFormat();
            title = book.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            head = bordered(book, bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            head.setWrapText(true);
            text = bordered(book, font);
            centred = bordered(book, font);
            centred.setAlignment(HorizontalAlignment.CENTER);
            wrapped = bordered(book, font);
            wrapped.setWrapText(true);
            plainWrapped = book.createCellStyle();
            plainWrapped.setFont(font);
            plainWrapped.setWrapText(true);
            plainWrapped.setVerticalAlignment(VerticalAlignment.TOP);
            count = numeric(book, font, format.getFormat("#,##0"));
            money = numeric(book, font, format.getFormat("#,##0.0000"));
            rate = numeric(book, font, format.getFormat("0.0"));
            countChange = numeric(book, font, format.getFormat("+#,##0;-#,##0;0"));
            moneyChange = numeric(book, font, format.getFormat("+#,##0.0000;-#,##0.0000;0.0000"));
            rateChange = numeric(book, font, format.getFormat("+0.0;-0.0;0.0"));
        }

        private static CellStyle bordered(XSSFWorkbook book, Font font) {
            CellStyle s = book.createCellStyle();
            s.setFont(font);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }

        private static CellStyle numeric(XSSFWorkbook book, Font font, short format) {
            CellStyle s = bordered(book, font);
            s.setAlignment(HorizontalAlignment.RIGHT);
            s.setDataFormat(format);
            return s;
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        row.createCell(column).setCellValue(value);
        row.getCell(column).setCellStyle(style);
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style, CellStyle dash) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
            row.getCell(column).setCellStyle(style);
        } else {
            text(row, column, "—", dash);
        }
    }

    private static String signed(Metric m, BigDecimal change) {
        if (change == null) {
            return "—";
        }
        return (change.signum() > 0 ? "+" : "") + MetricService.print(m, change);
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean head) {
        for (int c = 0; c < cells.size(); c++) {
            var cell = row.getCell(c);
            cell.setWidth(String.valueOf(COLUMN_TWIPS[c]));
            cell.setVerticalAlignment(org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setAlignment(head || c == 1 ? ParagraphAlignment.CENTER : c >= 2 ? ParagraphAlignment.RIGHT
                    : ParagraphAlignment.LEFT);
            p.setSpacingBetween(1.0);
            p.setSpacingAfter(0);
            run(p, cells.get(c), head ? HEADING_FONT : BODY_FONT, TABLE_SIZE, false);
        }
    }

    private static void run(XWPFParagraph p, String text, String eastAsia, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontFamily(eastAsia, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
    }
}
