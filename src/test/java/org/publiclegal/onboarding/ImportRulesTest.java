package org.publiclegal.onboarding;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The row rules of the imports: dates, region codes, cells, encodings, row keys; boundaries named. */
class ImportRulesTest {

    private static final String COUNTY = "532932000000";

    // --- dates as 台账 write them

    @Test
    void readsTheWaysSpreadsheetsWriteADate() {
        LocalDate d = LocalDate.of(2026, 3, 5);
        assertEquals(d, DateText.parse("2026-03-05"));
        assertEquals(d, DateText.parse("2026/3/5"));
        assertEquals(d, DateText.parse("2026.3.5"));
        assertEquals(d, DateText.parse("2026年3月5日"));
        assertEquals(d, DateText.parse("2026年3月5"));
        assertEquals(d, DateText.parse(" 20260305 "));
        assertEquals(d, DateText.parse("2026-03-05 14:30"));
        assertEquals(d, DateText.parse("2026-03-05T14:30"));
    }

    @Test
    void refusesWhatIsNotADayOfTheCalendar() {
        assertNull(DateText.parse(null));
        assertNull(DateText.parse(""));
        assertNull(DateText.parse("2026-02-30"));
        assertNull(DateText.parse("2026-13-01"));
        assertNull(DateText.parse("3/5/26"));
        assertNull(DateText.parse("2026-03-05x"));
        assertNull(DateText.parse("202603051"));
        assertNull(DateText.parse("上月"));
    }

    // --- region codes below a county

    @Test
    void aTownshipOrVillageOfTheCountyIsImportable() {
        assertNull(RegionCodeRules.problem("532932101000", COUNTY));
        assertNull(RegionCodeRules.problem("532932101001", COUNTY));
        assertEquals("532932101000", RegionCodeRules.parentOf("532932101001"));
        assertEquals(COUNTY, RegionCodeRules.parentOf("532932101000"));
    }

    @Test
    void refusesCodesThatAreNotTwelveDigitsOrNotBelowTheCounty() {
        assertEquals("行政区划代码应为 12 位数字", RegionCodeRules.problem("53293210100", COUNTY));
        assertEquals("行政区划代码应为 12 位数字", RegionCodeRules.problem("5329321010011", COUNTY));
        assertEquals("行政区划代码应为 12 位数字", RegionCodeRules.problem("53293210100a", COUNTY));
        assertEquals("行政区划代码应为 12 位数字", RegionCodeRules.problem("002932101000", COUNTY));
        assertEquals("只能导入县级以下的乡镇（街道）和村（社区）", RegionCodeRules.problem(COUNTY, COUNTY));
        assertEquals("只能导入县级以下的乡镇（街道）和村（社区）", RegionCodeRules.problem("532900000000", COUNTY));
        assertEquals("行政区划 532931101000 不在本单位管辖范围内", RegionCodeRules.problem("532931101000", COUNTY));
    }

    @Test
    void aTownshipOfficeImportsOnlyItsOwnVillages() {
        String township = "532932101000";
        assertNull(RegionCodeRules.problem("532932101007", township));
        assertEquals("行政区划 532932102001 不在本单位管辖范围内", RegionCodeRules.problem("532932102001", township));
        assertEquals("行政区划 532932101000 不在本单位管辖范围内", RegionCodeRules.problem(township, township));
    }

    // --- cells

    private static RowCheck row(String... headerValue) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < headerValue.length; i += 2) {
            cells.put(headerValue[i], headerValue[i + 1]);
        }
        return new RowCheck(7, cells);
    }

    @Test
    void collectsEveryProblemOfARowWithItsColumn() {
        RowCheck r = row("名称", "  ", "日期", "昨天", "人数", "3.5");
        assertNull(r.text("名称", true, 10));
        assertNull(r.date("日期", true, LocalDate.of(2000, 1, 1), LocalDate.of(2026, 12, 31)));
        assertNull(r.number("人数", true, 0, 10));
        assertFalse(r.ok());
        assertEquals(List.of(new RowError(7, "名称", "必填"),
                new RowError(7, "日期", "不是有效日期：昨天（应写作 2026-03-05）"),
                new RowError(7, "人数", "应为整数：3.5")), r.errors());
        assertEquals(7, r.rowNo());
    }

    @Test
    void anOptionalEmptyCellIsNoProblem() {
        RowCheck r = row("备注", "");
        assertNull(r.text("备注", false, 10));
        assertNull(r.text("缺的列", false, 10));
        assertNull(r.date("日期", false, LocalDate.MIN, LocalDate.MAX));
        assertNull(r.number("人数", false, 0, 1));
        assertNull(r.mobile("手机号", false));
        assertNull(r.regionCode("区划", false));
        assertNull(r.choice("等级", false, Map.of("低", Level.LOW)));
        assertTrue(r.ok());
    }

    @Test
    void textIsAtMostItsLength() {
        assertEquals("一二三", row("a", " 一二三 ").text("a", true, 3));
        RowCheck r = row("a", "一二三四");
        assertNull(r.text("a", true, 3));
        assertEquals(List.of(new RowError(7, "a", "最多 3 字")), r.errors());
    }

    @Test
    void datesAreInsideTheirBoundsInclusive() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 1);
        assertEquals(from, row("d", "2026-01-01").date("d", true, from, to));
        assertEquals(to, row("d", "2026-12-01").date("d", true, from, to));
        RowCheck early = row("d", "2025-12-31");
        assertNull(early.date("d", true, from, to));
        assertEquals("日期不能早于 2026-01-01", early.errors().get(0).message());
        RowCheck late = row("d", "2026-12-02");
        assertNull(late.date("d", true, from, to));
        assertEquals("日期不能晚于 2026-12-01", late.errors().get(0).message());
        RowCheck missing = row();
        assertNull(missing.date("d", true, from, to));
        assertEquals("必填", missing.errors().get(0).message());
    }

    @Test
    void numbersAreWholeAndInsideTheirBoundsInclusive() {
        assertEquals(0, row("n", "0").number("n", true, 0, 10));
        assertEquals(10, row("n", "10").number("n", true, 0, 10));
        assertEquals(12, row("n", "12.0").number("n", true, 0, 20));
        RowCheck low = row("n", "-1");
        assertNull(low.number("n", true, 0, 10));
        assertEquals("应在 0 至 10 之间", low.errors().get(0).message());
        RowCheck high = row("n", "11");
        assertNull(high.number("n", true, 0, 10));
        assertFalse(high.ok());
    }

    enum Level { LOW, HIGH }

    @Test
    void choicesAreTheirChineseLabelsOrConstants() {
        Map<String, Level> labels = new LinkedHashMap<>();
        labels.put("低", Level.LOW);
        labels.put("高", Level.HIGH);
        assertEquals(Level.HIGH, row("c", "高").choice("c", true, labels));
        assertEquals(Level.LOW, row("c", "low").choice("c", true, labels));
        RowCheck r = row("c", "中");
        assertNull(r.choice("c", true, labels));
        assertEquals("应为以下之一：低、高", r.errors().get(0).message());
    }

    @Test
    void mobilesAreElevenDigitsStartingOneThreeToNine() {
        assertEquals("13800000000", row("m", "138 0000 0000").mobile("m", true));
        assertEquals("19912345678", row("m", "199-1234-5678").mobile("m", true));
        assertNull(row("m", "12800000000").mobile("m", true));
        assertNull(row("m", "1380000000").mobile("m", true));
        RowCheck r = row("m", "138000000001");
        assertNull(r.mobile("m", true));
        assertEquals("手机号应为 11 位数字", r.errors().get(0).message());
    }

    @Test
    void regionCodesAreTwelveDigits() {
        assertEquals("532932101001", row("r", "532932101001").regionCode("r", true));
        assertNull(row("r", "53293210100").regionCode("r", true));
        RowCheck r = row("r", "53293210100X");
        assertNull(r.regionCode("r", true));
        assertEquals("行政区划代码应为 12 位数字：53293210100X", r.errors().get(0).message());
    }

    // --- encodings

    @Test
    void aCsvIsUtf8WhenItDecodesAsUtf8AndGb18030Otherwise() {
        String text = "排查日期,排查地区代码\n2026-03-05,532932101001\n";
        assertEquals(StandardCharsets.UTF_8, CsvCharset.detect(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(CsvCharset.GB18030, CsvCharset.detect(text.getBytes(CsvCharset.GB18030)));
        assertEquals(StandardCharsets.UTF_8, CsvCharset.detect("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII)));
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, CsvCharset.detect(bom));
        assertEquals(3, CsvCharset.bomLength(bom));
        assertEquals(0, CsvCharset.bomLength(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aUtf8CharacterCutAtTheEndOfTheSampleIsNotHeldAgainstUtf8() {
        // 63 ASCII bytes short of the sample, then three-byte characters across the sample's end
        StringBuilder s = new StringBuilder("x".repeat(CsvCharset.SAMPLE - 1));
        s.append("排查排查");
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, CsvCharset.detect(bytes));
        byte[] two = ("x".repeat(CsvCharset.SAMPLE - 2) + "排查").getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, CsvCharset.detect(two));
        assertEquals(CsvCharset.SAMPLE - 1, CsvCharset.trimPartial(bytes, CsvCharset.SAMPLE));
        assertEquals(CsvCharset.SAMPLE - 2, CsvCharset.trimPartial(two, CsvCharset.SAMPLE));
        byte[] ascii = "x".repeat(CsvCharset.SAMPLE + 5).getBytes(StandardCharsets.US_ASCII);
        assertEquals(CsvCharset.SAMPLE, CsvCharset.trimPartial(ascii, CsvCharset.SAMPLE));
    }

    @Test
    void gbkBytesAfterALongAsciiStartAreStillFound() {
        byte[] bytes = ("x".repeat(1000) + "，备注：宅基地").getBytes(CsvCharset.GB18030);
        assertEquals(CsvCharset.GB18030, CsvCharset.detect(bytes));
    }

    // --- row keys

    @Test
    void theSameValuesAreTheSameRowAndAnyDifferenceIsAnother() {
        String k = RowKey.of(ImportKind.SCREENINGS, List.of("2026-03-05", "532932101001"));
        assertEquals(k, RowKey.of(ImportKind.SCREENINGS, List.of(" 2026-03-05", "532932101001 ")));
        assertEquals(64, k.length());
        assertNotEquals(k, RowKey.of(ImportKind.CONSULTATIONS, List.of("2026-03-05", "532932101001")));
        assertNotEquals(k, RowKey.of(ImportKind.SCREENINGS, List.of("2026-03-05", "532932101002")));
        assertNotEquals(RowKey.of(ImportKind.SCREENINGS, List.of("ab", "c")), RowKey.of(ImportKind.SCREENINGS, List.of("a", "bc")));
        java.util.ArrayList<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertNotEquals(RowKey.of(ImportKind.SCREENINGS, withNull), RowKey.of(ImportKind.SCREENINGS, List.of("")));
    }

    // --- kinds

    @Test
    void aKindNamesTheRequiredHeadersAFileLacks() {
        assertEquals(List.of("名称"), ImportKind.REGIONS.missingHeaders(List.of("区划代码", "备注")));
        assertEquals(List.of(), ImportKind.REGIONS.missingHeaders(List.of("区划代码", "名称")));
        assertTrue(ImportKind.SCREENINGS.isHistory());
        assertTrue(ImportKind.CONSULTATIONS.isHistory());
        assertFalse(ImportKind.STAFF.isHistory());
        assertFalse(ImportKind.REGIONS.isHistory());
        assertFalse(ImportKind.ORGANISATIONS.isHistory());
        assertTrue(ImportKind.SCREENINGS.importableBy(java.util.Set.of("JUDICIAL_OFFICE")));
        assertFalse(ImportKind.STAFF.importableBy(java.util.Set.of("JUDICIAL_OFFICE")));
        assertFalse(ImportKind.REGIONS.importableBy(java.util.Set.of("RESIDENT")));
    }
}
