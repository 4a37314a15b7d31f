package org.publiclegal.onboarding;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same rows read from a template-made .xlsx, a UTF-8 CSV with BOM and a GB18030 CSV. */
class SheetReaderTest {

    private record Read(List<String> headers, List<Integer> rowNos, List<Map<String, String>> rows) {
    }

    private static Read read(byte[] content) {
        List<String> headers = new ArrayList<>();
        List<Integer> nos = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        SheetReader.read(content, new SheetReader.RowSink() {
            @Override
            public void header(List<String> h) {
                headers.addAll(h);
            }

            @Override
            public void row(int rowNo, Map<String, String> cells) {
                nos.add(rowNo);
                rows.add(cells);
            }
        });
        return new Read(headers, nos, rows);
    }

    @Test
    void readsATemplateWorkbookByItsChineseHeaders() {
        byte[] xlsx = Templates.xlsx(ImportKind.REGIONS, List.of(List.of("532932101000", "云鹤镇"),
                List.of("532932101001", "城关村")));
        assertTrue(SheetReader.isXlsx(xlsx));
        Read r = read(xlsx);
        assertEquals(List.of("区划代码", "名称"), r.headers());
        assertEquals(List.of(2, 3), r.rowNos());
        assertEquals("城关村", r.rows().get(1).get("名称"));
        assertEquals("532932101001", r.rows().get(1).get("区划代码"));
    }

    @Test
    void readsGb18030AndUtf8CsvAlike() {
        String csv = "区划代码*,名称\r\n532932101000,云鹤镇\r\n\r\n532932101001,\"城关村,社区\"\r\n";
        Read gb = read(csv.getBytes(CsvCharset.GB18030));
        Read utf = read(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("区划代码", "名称"), gb.headers());
        assertEquals(gb, utf);
        assertEquals("城关村,社区", gb.rows().get(1).get("名称"));
        assertEquals(List.of(2, 3), gb.rowNos());
    }

    @Test
    void aBrokenWorkbookIsUnreadable() {
        byte[] broken = new byte[]{'P', 'K', 3, 4, 0, 0, 0};
        assertThrows(SheetReader.UnreadableFile.class, () -> read(broken));
    }

    @Test
    void headerMarksAndSpacesAreIgnored() {
        assertEquals("名称", SheetReader.normaliseHeader(" 名称* "));
        assertEquals("名称", SheetReader.normaliseHeader("*名称＊"));
        assertEquals("名称", SheetReader.normaliseHeader("\u3000名称"));
        assertEquals("", SheetReader.normaliseHeader(null));
    }
}
