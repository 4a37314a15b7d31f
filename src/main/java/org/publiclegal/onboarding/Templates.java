package org.publiclegal.onboarding;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * 导入模板: an .xlsx per kind with the Chinese column headers (required ones marked *), one example row, and a
 * 填写说明 sheet. Cells are text, so dates and codes stay as typed.
 */
public final class Templates {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Templates() {
    }

    public static String fileName(ImportKind kind) {
        return kind.label() + "导入模板.xlsx";
    }

    public static byte[] xlsx(ImportKind kind) {
        return xlsx(kind, List.of(kind.example()));
    }

    /** A workbook in the template's layout with the given data rows (tests and the demo write their files this way). */
    public static byte[] xlsx(ImportKind kind, List<List<String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Sheet sheet = wb.createSheet(kind.label());
            Row header = sheet.createRow(0);
            List<ImportKind.Column> columns = kind.columns();
            for (int i = 0; i < columns.size(); i++) {
                ImportKind.Column c = columns.get(i);
                var cell = header.createCell(i);
                cell.setCellValue(c.header() + (c.required() ? "*" : ""));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, 22 * 256);
                sheet.setDefaultColumnStyle(i, text);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null) {
                        var cell = row.createCell(i);
                        cell.setCellValue(values.get(i));
                        cell.setCellStyle(text);
                    }
                }
            }
            Sheet notes = wb.createSheet("填写说明");
            Row h = notes.createRow(0);
            h.createCell(0).setCellValue("列");
            h.createCell(1).setCellValue("必填");
            h.createCell(2).setCellValue("说明");
            for (int i = 0; i < columns.size(); i++) {
                Row n = notes.createRow(i + 1);
                n.createCell(0).setCellValue(columns.get(i).header());
                n.createCell(1).setCellValue(columns.get(i).required() ? "是" : "否");
                n.createCell(2).setCellValue(columns.get(i).note());
            }
            Row tail = notes.createRow(columns.size() + 2);
            tail.createCell(0).setCellValue("只读取第一个工作表；第一行为列名，示例行请替换为实际数据。也可另存为 CSV（UTF-8 或 GB18030/GBK）上传。");
            notes.setColumnWidth(0, 20 * 256);
            notes.setColumnWidth(2, 80 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
