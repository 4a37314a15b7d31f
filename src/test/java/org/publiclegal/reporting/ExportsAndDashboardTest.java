package org.publiclegal.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExportsAndDashboardTest {

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static int year() {
        return TestClock.today().getYear();
    }

    @Test
    void theWordAndExcelExportsOpenAndCarryTheFiguresInChinese() throws Exception {
        Fixtures.County c = Fixtures.county();
        ReportingFlow.consultation(c, c.villageA1(), 7);
        ReportingFlow.closed(c, ReportingFlow.aidApplication(c.villageA1()), "19206050.00");
        String token = Fixtures.token(c.bureauAdmin());
        String sentence = "全年共受理法律援助案件1件,法律援助咨询7人次,避免和挽回经济损失1920.605万元。";
        given().auth().oauth2(token).queryParam("year", year()).get("/api/reports/annual").then().statusCode(200)
                .body("paragraphs", hasItem(sentence));

        var docx = given().auth().oauth2(token).queryParam("year", year()).get("/api/reports/annual/docx").then()
                .statusCode(200).contentType(ReportDocuments.DOCX)
                .header("Content-Disposition", containsString("filename*=UTF-8''")).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertTrue(all.contains(sentence), all);
            assertTrue(all.contains("测试县"), "the region's Chinese name in the title");
            assertTrue(all.contains("避免和挽回经济损失\t万元\t1920.605"), all);
            assertTrue(all.contains(ReportDocuments.ROUNDING_NOTE.replaceFirst("^注：", "")),
                    "the rounding note, as statistical tables carry");
            var body = doc.getParagraphs().stream().filter(p -> p.getText().equals(sentence)).findFirst().orElseThrow();
            assertEquals(ReportDocuments.BODY_FONT, body.getRuns().get(0).getFontFamily(
                    org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
        }

        var xlsx = given().auth().oauth2(token).queryParam("year", year()).get("/api/reports/annual/xlsx").then()
                .statusCode(200).contentType(ReportDocuments.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            Map<String, Double> values = new HashMap<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                var cell = row.getCell(2);
                values.put(row.getCell(5).getStringCellValue(),
                        cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? cell.getNumericCellValue() : null);
                if (row.getCell(5).getStringCellValue().equals("legal_aid.consultations")) {
                    assertEquals("法律援助咨询", row.getCell(0).getStringCellValue());
                    assertEquals("人次", row.getCell(1).getStringCellValue());
                }
            }
            assertEquals(7.0, values.get("legal_aid.consultations"));
            assertEquals(1.0, values.get("legal_aid.cases"));
            assertEquals(1920.605, values.get("legal_aid.losses_recovered"), 1e-9);
            assertEquals(Metric.values().length, values.size(), "every catalogue figure");
            assertEquals(sentence, book.getSheet("文字").getRow(0).getCell(0).getStringCellValue());
            assertEquals(ReportDocuments.ROUNDING_NOTE, book.getSheet("说明").getRow(0).getCell(0).getStringCellValue());
        }
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("region", c.county()).queryParam("year", year())
                .get("/api/reports/annual/xlsx").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theDashboardShowsLiveFiguresOpenAndOverdueCasesAndWorkloads() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        String waiting = ReportingFlow.aidApplication(c.villageA1());
        ReportingFlow.post(c.aidOfficer(), "/api/aid/applications/" + waiting + "/receive", null).statusCode(200);
        String dispute = ReportingFlow.inMediation(c.villageA1(), mediator);
        ReportingFlow.consultation(c, c.villageA2(), 2);
        ReportingFlow.screening(mediator, c.villageA1());

        String office = Fixtures.token(c.officeStaffA());
        JsonPath now = given().auth().oauth2(office).get("/api/dashboard").then().statusCode(200)
                .body("region.code", equalTo(c.townshipA()))
                .body("legalAid.open", equalTo(1)).body("legalAid.overdue", equalTo(0))
                .body("legalAid.cases[0].id", equalTo(waiting)).body("legalAid.cases[0].overdue", equalTo(false))
                .body("mediation.open", equalTo(1)).body("mediation.cases[0].id", equalTo(dispute))
                .body("workloads.find { it.accountId == '" + mediator.id + "' }.openCases", equalTo(1))
                .body("workloads.find { it.accountId == '" + mediator.id + "' }.role", equalTo("MEDIATOR"))
                .body("standing.committees", equalTo(2)).body("standing.mediators", equalTo(1))
                .body("advisorCoverage.villages", equalTo(2)).body("advisorCoverage.covered", equalTo(0))
                .extract().jsonPath();
        for (String period : List.of("TODAY", "MONTH", "YEAR")) {
            assertEquals(2, now.getInt("periods.find { it.period == '" + period + "' }.figures.find { it.key == 'legal_aid.consultations' }.value"));
            assertEquals(1, now.getInt("periods.find { it.period == '" + period + "' }.figures.find { it.key == 'mediation.screenings' }.value"));
            assertEquals(1, now.getInt("periods.find { it.period == '" + period + "' }.figures.find { it.key == 'legal_aid.applications' }.value"));
        }
        int month = TestClock.today().getMonthValue();
        assertEquals(month, now.getList("monthly.months").size());
        assertEquals(2, now.getInt("monthly.series.find { it.key == 'legal_aid.consultations' }.values[" + (month - 1) + "]"));

        // YEAR figures equal /api/metrics for the year so far
        Map<String, String> metrics = ReportingTest.metrics(c.officeStaffA(), c.townshipA());
        for (Map<String, Object> f : now.<Map<String, Object>>getList("periods.find { it.period == 'YEAR' }.figures")) {
            Object v = f.get("value");
            assertEquals(metrics.get((String) f.get("key")), v == null ? null
                    : new java.math.BigDecimal(v.toString()).stripTrailingZeros().toPlainString(), (String) f.get("key"));
        }

        // the year before, month by month beside this year's: a screening a year ago is in its month of last year
        int year = LocalDate.now(TimeSource.CHINA).getYear();
        assertEquals(0, now.getInt("monthly.series.find { it.key == 'mediation.screenings' }.previous[" + (month - 1) + "]"));
        ReportingFlow.screening(mediator, c.villageA1(), LocalDate.now(TimeSource.CHINA).minusYears(1));
        JsonPath withLastYear = given().auth().oauth2(office).get("/api/dashboard").then().statusCode(200).extract().jsonPath();
        assertEquals(12, withLastYear.getList("monthly.previousMonths").size());
        assertEquals((year - 1) + "-01", withLastYear.getString("monthly.previousMonths[0]"));
        assertEquals(12, withLastYear.getList("monthly.series.find { it.key == 'mediation.screenings' }.previous").size());
        assertEquals(1, withLastYear.getInt("monthly.series.find { it.key == 'mediation.screenings' }.previous[" + (month - 1) + "]"));
        assertEquals(1, withLastYear.getInt("monthly.series.find { it.key == 'mediation.screenings' }.values[" + (month - 1) + "]"));
        assertEquals(1, withLastYear.getInt("periods.find { it.period == 'YEAR' }.figures.find { it.key == 'mediation.screenings' }.value"));

        // ten days on, the review deadline (7 days) has passed: overdue, and today's figures start again
        TestClock.advance(Duration.ofDays(10));
        given().auth().oauth2(office).get("/api/dashboard").then().statusCode(200)
                .body("legalAid.overdue", equalTo(1)).body("legalAid.cases[0].overdue", equalTo(true))
                .body("periods.find { it.period == 'TODAY' }.figures.find { it.key == 'legal_aid.consultations' }.value",
                        equalTo(0));
        // the other township sees none of it
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).get("/api/dashboard").then().statusCode(200)
                .body("legalAid.open", equalTo(0)).body("mediation.open", equalTo(0))
                .body("workloads.size()", equalTo(0));
    }
}
