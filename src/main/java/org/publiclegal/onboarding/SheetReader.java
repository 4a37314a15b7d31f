package org.publiclegal.onboarding;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the rows of an uploaded sheet (read from a stream, e.g. the stored file's chunks), one at a time, to a
 * {@link RowSink}: the first sheet of an .xlsx through
 * POI's SAX (event) reader, which never builds the workbook, or a CSV in UTF-8 or GB18030 ({@link CsvCharset})
 * through Commons CSV. The first non-empty row is the header; cells are handed over by their header (trailing
 * {@code *} and spaces removed). Empty rows are skipped. Row numbers are the sheet's (header = 1 when it is the
 * first line).
 */
public final class SheetReader {

    /** Receives each data row; may throw to stop reading. */
    public interface RowSink {
        /** The header row, before any data row. */
        void header(List<String> headers);

        void row(int rowNo, Map<String, String> cells);
    }

    /** The file cannot be read as a spreadsheet at all. */
    /** What the importer reads when a file cannot be read at all (the library's own words stay in the log). */
    static final String CSV_UNREADABLE = "无法按 CSV 读取该文件：文件格式有误（如引号未闭合），请用 Excel 另存为 CSV 或 .xlsx 后重新上传";
    static final String XLSX_UNREADABLE = "无法按 Excel（.xlsx）读取该文件：文件已损坏或不是 .xlsx 工作簿，请用 Excel 另存后重新上传";

    public static final class UnreadableFile extends RuntimeException {
        public UnreadableFile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static {
        // an .xlsx read from a stream is unzipped by POI; its parts above 1 MB (a big sheet, the shared strings) go to
        // encrypted temporary files instead of memory
        ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(1024 * 1024);
        ZipInputStreamZipEntrySource.setEncryptTempFiles(true);
    }

    private SheetReader() {
    }

    public static boolean isXlsx(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    public static void read(byte[] content, RowSink sink) {
        read(new ByteArrayInputStream(content), sink);
    }

    /**
     * Reads a stream (the caller closes it): its first {@link CsvCharset#SAMPLE} bytes (and one more, so a character
     * cut at their end is recognised as cut) are looked at to tell an .xlsx from a CSV and a CSV's encoding, then the
     * rows are read from the stream.
     */
    public static void read(InputStream content, RowSink sink) {
        BufferedInputStream in = new BufferedInputStream(content, CsvCharset.SAMPLE + 1);
        byte[] head;
        try {
            in.mark(CsvCharset.SAMPLE + 1);
            head = in.readNBytes(CsvCharset.SAMPLE + 1);
            in.reset();
        } catch (java.io.IOException e) {
            throw new UnreadableFile("无法读取该文件，请重新上传", e);
        }
        if (isXlsx(head)) {
            readXlsx(in, sink);
        } else {
            readCsv(in, head, sink);
        }
    }

    static String normaliseHeader(String h) {
        String s = h == null ? "" : h.replace('\u3000', ' ').strip();
        while (s.endsWith("*") || s.endsWith("＊")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        while (s.startsWith("*") || s.startsWith("＊")) {
            s = s.substring(1).strip();
        }
        return s;
    }

    private static void readCsv(InputStream content, byte[] head, RowSink sink) {
        Charset charset = CsvCharset.detect(head);
        int bom = CsvCharset.bomLength(head);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try {
            content.skipNBytes(bom);
        } catch (java.io.IOException e) {
            throw new UnreadableFile(CSV_UNREADABLE, e);
        }
        try (Reader reader = new InputStreamReader(content, charset);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> headers = null;
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> values = record.toList();
                if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                if (headers == null) {
                    headers = values.stream().map(SheetReader::normaliseHeader).toList();
                    sink.header(headers);
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < headers.size() && i < values.size(); i++) {
                    cells.put(headers.get(i), values.get(i));
                }
                sink.row((int) record.getRecordNumber(), cells);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFile(CSV_UNREADABLE, e);
        }
    }

    private static void readXlsx(InputStream content, RowSink sink) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(content);
        } catch (Exception e) {
            throw new UnreadableFile(XLSX_UNREADABLE, e);
        }
        try (pkg) {
            XMLReader parser;
            InputStream sheet;
            try {
                XSSFReader xssf = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = xssf.getStylesTable();
                DataFormatter formatter = new DataFormatter(Locale.CHINA);
                // Excel's built-in short date (format 14) would come out as m/d/yy
                formatter.addFormat("m/d/yy", new SimpleDateFormat("yyyy-MM-dd"));
                formatter.addFormat("yyyy/m/d", new SimpleDateFormat("yyyy-MM-dd"));
                Iterator<InputStream> sheets = xssf.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new UnreadableFile("工作簿中没有工作表", null);
                }
                sheet = sheets.next();
                parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(sink), formatter, false));
            } catch (UnreadableFile e) {
                throw e;
            } catch (Exception e) {
                throw new UnreadableFile(XLSX_UNREADABLE, e);
            }
            // what the sink throws passes through unchanged; only the XML itself can make the file unreadable
            try (sheet) {
                parser.parse(new InputSource(sheet));
            } catch (org.xml.sax.SAXException | java.io.IOException e) {
                throw new UnreadableFile(XLSX_UNREADABLE, e);
            }
        } catch (java.io.IOException e) {
            throw new UnreadableFile(XLSX_UNREADABLE, e);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private List<String> headers;
        private final Map<Integer, String> current = new HashMap<>();

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            current.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (current.values().stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            if (headers == null) {
                int max = current.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
                List<String> h = new ArrayList<>();
                for (int i = 0; i <= max; i++) {
                    h.add(normaliseHeader(current.get(i)));
                }
                headers = h;
                sink.header(headers);
                return;
            }
            Map<String, String> cells = new HashMap<>();
            current.forEach((i, v) -> {
                if (i < headers.size()) {
                    cells.put(headers.get(i), v);
                }
            });
            sink.row(rowNum + 1, cells);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference != null) {
                current.put((int) new CellReference(cellReference).getCol(), formattedValue);
            }
        }
    }
}
