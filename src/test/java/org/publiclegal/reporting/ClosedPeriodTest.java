package org.publiclegal.reporting;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.publiclegal.advisory.AdvisoryFlow;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 关账: a closed period keeps its snapshot; what arrives later is listed as 调整, and reopening takes it in. */
@QuarkusTest
class ClosedPeriodTest {

    private static LocalDate today() {
        return TestClock.today();
    }

    private static String screening(Account who, String village, LocalDate on) {
        return screening(who, village, on, null).then().statusCode(201).extract().path("id");
    }

    /** A screening round, with a 补录原因 when {@code reason} is given. */
    private static io.restassured.response.Response screening(Account who, String village, LocalDate on, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("screenedOn", on.toString());
        body.put("place", "村委会");
        body.put("regionCode", village);
        body.put("householdsVisited", 10);
        body.put("disputesFound", 1);
        body.put("riskLevel", "LOW");
        var request = given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON).body(body);
        if (reason != null) {
            request = request.header("Adjustment-Reason", java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.post("/api/mediation/screenings");
    }

    private static ValidatableResponse close(Account who, String region, int year, Integer month) {
        Map<String, Object> body = new HashMap<>();
        body.put("region", region);
        body.put("year", year);
        if (month != null) {
            body.put("month", month);
        }
        return given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON).body(body)
                .post("/api/reports/closed-periods").then();
    }

    private static JsonPath annual(Account who, String region, int year) {
        return given().auth().oauth2(Fixtures.token(who)).queryParam("region", region).queryParam("year", year)
                .get("/api/reports/annual").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> figure(JsonPath report, String key) {
        return report.<Map<String, Object>>getList("figures").stream().filter(f -> key.equals(f.get("key")))
                .findFirst().orElseThrow();
    }

    private static String number(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    @Test
    void aClosedYearKeepsItsSnapshotListsLateRecordsAsAdjustmentsAndReopeningTakesThemIn() {
        Fixtures.County c = Fixtures.county();
        int lastYear = today().getYear() - 1;
        LocalDate lastDecember = LocalDate.of(lastYear, 12, 31);
        screening(c.officeStaffA(), c.villageA1(), lastDecember);
        screening(c.officeStaffB(), c.villageB1(), lastDecember.minusDays(30));

        String closure = close(c.bureauAdmin(), c.county(), lastYear, null).statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/reports/closed-periods/"))
                .body("status", equalTo("CLOSED")).body("from", equalTo(lastYear + "-01-01"))
                .body("to", equalTo(lastYear + "-12-31")).body("closedBy", equalTo(c.bureauAdmin().id.toString()))
                .extract().path("id");
        close(c.bureauAdmin(), c.county(), lastYear, null).statusCode(409).contentType("application/problem+json");
        screening(c.officeStaffA(), c.villageA1(), today());

        JsonPath closed = annual(c.bureauAdmin(), c.county(), lastYear);
        assertEquals(true, closed.getBoolean("closed"));
        assertEquals(false, closed.getBoolean("hasAdjustments"));
        assertEquals(closure, closed.getString("closure.id"));
        assertEquals("2", number(figure(closed, "mediation.screenings").get("value")));

        // a round back-dated into the closed year needs its reason; nothing is written without one
        screening(c.officeStaffA(), c.villageA2(), lastDecember.minusDays(1), null).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("PERIOD_CLOSED"));
        assertEquals(List.of(), Fixtures.sql("select id, place from med_screening where region_code = ?1", c.villageA2()));
        screening(c.officeStaffA(), c.villageA2(), lastDecember.minusDays(1), " ").then().statusCode(409);
        // with it, the report does not move and the adjustment says what it changes and why
        String late = screening(c.officeStaffA(), c.villageA2(), lastDecember.minusDays(1), "纸质台账补录：十二月走访")
                .then().statusCode(201).extract().path("id");
        JsonPath after = annual(c.bureauAdmin(), c.county(), lastYear);
        assertEquals(true, after.getBoolean("closed"));
        assertEquals("2", number(figure(after, "mediation.screenings").get("value")));
        assertEquals("3", number(figure(after, "mediation.screenings").get("currentValue")));
        assertTrue(after.getList("paragraphs").toString().contains("开展矛盾纠纷排查2次"), after.getList("paragraphs").toString());
        assertEquals(true, after.getBoolean("hasAdjustments"));
        assertEquals(1, after.getInt("adjustmentCount"));
        assertEquals("LATE_RECORD", after.getString("adjustments[0].nature"));
        assertEquals(late, after.getString("adjustments[0].sourceId"));
        assertEquals("/api/mediation/screenings/" + late, after.getString("adjustments[0].href"));
        assertEquals("纸质台账补录：十二月走访", after.getString("adjustments[0].reason"));
        assertEquals("mediation.screenings", after.getString("adjustments[0].effects[0].key"));
        assertEquals("1", number(after.get("adjustments[0].effects[0].change")));

        // the township's snapshot was taken too; the other township has no adjustment
        JsonPath townshipA = annual(c.officeStaffA(), c.townshipA(), lastYear);
        assertEquals(true, townshipA.getBoolean("closed"));
        assertEquals("1", number(figure(townshipA, "mediation.screenings").get("value")));
        assertEquals(1, townshipA.getInt("adjustmentCount"));
        JsonPath townshipB = annual(c.officeStaffB(), c.townshipB(), lastYear);
        assertEquals(false, townshipB.getBoolean("hasAdjustments"));
        // a village has its snapshot too, and the late record is its adjustment
        JsonPath villageA2 = annual(c.bureauAdmin(), c.villageA2(), lastYear);
        assertEquals(true, villageA2.getBoolean("closed"));
        assertEquals("0", number(figure(villageA2, "mediation.screenings").get("value")));
        assertEquals("1", number(figure(villageA2, "mediation.screenings").get("currentValue")));
        assertEquals(1, villageA2.getInt("adjustmentCount"));
        assertEquals(false, annual(c.bureauAdmin(), c.villageB1(), lastYear).getBoolean("hasAdjustments"));

        // /api/metrics for exactly the closed year gives the snapshot; the next year's report shows it as previous
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("from", lastYear + "-01-01").queryParam("to", lastYear + "-12-31")
                .queryParam("keys", "mediation.screenings")
                .get("/api/metrics").then().statusCode(200).body("closed", equalTo(true))
                .body("values[0].value", equalTo(2)).body("values[0].currentValue", equalTo(3))
                .body("adjustments[0].sourceId", equalTo(late));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("from", lastYear + "-01-01").queryParam("to", lastYear + "-12-30")
                .queryParam("keys", "mediation.screenings")
                .get("/api/metrics").then().statusCode(200).body("closed", equalTo(false))
                .body("closure", nullValue());
        assertEquals("2", number(figure(annual(c.bureauAdmin(), c.county(), lastYear + 1), "mediation.screenings")
                .get("previousValue")));

        // only a system administrator reopens, with a reason, audited; then the report is live again
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("reason", "补录")).post("/api/reports/closed-periods/" + closure + "/reopen")
                .then().statusCode(403);
        String admin = Fixtures.systemAdminToken(c);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/reports/closed-periods/" + closure + "/reopen").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "乙镇补录十二月排查记录"))
                .post("/api/reports/closed-periods/" + closure + "/reopen").then().statusCode(200)
                .body("status", equalTo("REOPENED")).body("reopenReason", equalTo("乙镇补录十二月排查记录"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "再次"))
                .post("/api/reports/closed-periods/" + closure + "/reopen").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION"));
        assertEquals(List.of("PERIOD_CLOSED", "PERIOD_REOPENED"), Fixtures.column(
                "select action from audit_log where object_id = ?1 order by occurred_at", String.class, closure));
        JsonPath reopened = annual(c.bureauAdmin(), c.county(), lastYear);
        assertEquals(false, reopened.getBoolean("closed"));
        assertEquals("3", number(figure(reopened, "mediation.screenings").get("value")));

        // closing again takes the adjustment in: a new snapshot, nothing listed
        String again = close(c.bureauAdmin(), c.county(), lastYear, null).statusCode(201).extract().path("id");
        JsonPath reclosed = annual(c.bureauAdmin(), c.county(), lastYear);
        assertEquals(again, reclosed.getString("closure.id"));
        assertEquals("3", number(figure(reclosed, "mediation.screenings").get("value")));
        assertEquals(false, reclosed.getBoolean("hasAdjustments"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).get("/api/reports/closed-periods").then()
                .statusCode(200).body("items.id", equalTo(List.of(again, closure)));
    }

    @Test
    void aCorrectionOfAClosedMonthIsAnAdjustmentWithANegativeEffect() {
        Fixtures.County c = Fixtures.county();
        YearMonth lastMonth = YearMonth.from(today()).minusMonths(1);
        Account advisor = AdvisoryFlow.advisor(c);
        AdvisoryFlow.contract(c.officeStaffA(), advisor, List.of(c.villageA1()), lastMonth.atDay(1).minusDays(1),
                today().plusDays(200));
        Instant mid = lastMonth.atDay(15).atTime(10, 0).atZone(TimeSource.CHINA).toInstant();
        UUID review = AdvisoryFlow.service(advisor, c.villageA1(), mid, "CONTRACT_REVIEW", null);
        AdvisoryFlow.service(advisor, c.villageA1(), mid.plusSeconds(7200), "LEGAL_OPINION", null);
        close(c.bureauAdmin(), c.county(), lastMonth.getYear(), lastMonth.getMonthValue()).statusCode(201)
                .body("from", equalTo(lastMonth.atDay(1).toString()))
                .body("to", equalTo(lastMonth.atEndOfMonth().toString()));

        given().auth().oauth2(Fixtures.token(advisor)).contentType(ContentType.JSON).body(Map.of("reason", "重复登记"))
                .post("/api/advisor/services/" + review + "/void").then().statusCode(200);

        JsonPath month = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("from", lastMonth.atDay(1).toString()).queryParam("to", lastMonth.atEndOfMonth().toString())
                .queryParam("keys", "advisory.legal_reviews").get("/api/metrics").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, month.getBoolean("closed"));
        assertEquals("2", number(month.get("values[0].value")));
        assertEquals("1", number(month.get("values[0].currentValue")));
        assertEquals(true, month.getBoolean("hasAdjustments"));
        assertEquals("CORRECTION", month.getString("adjustments[0].nature"));
        assertEquals(-1, month.getInt("adjustments[0].quantity"));
        assertEquals("/api/advisor/services/" + review, month.getString("adjustments[0].href"));
        org.junit.jupiter.api.Assertions.assertNotNull(month.get("adjustments[0].correctsId"));
        assertEquals("-1", number(month.<Map<String, Object>>getList("adjustments[0].effects").stream()
                .filter(e -> "advisory.legal_reviews".equals(e.get("key"))).findFirst().orElseThrow().get("change")));

        // the dashboard's month-by-month series shows the closed month's snapshot and says it was adjusted
        if (lastMonth.getYear() == today().getYear()) {
            JsonPath dashboard = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                    .get("/api/dashboard").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(lastMonth.toString()), dashboard.getList("monthly.closed"));
            assertEquals(List.of(lastMonth.toString()), dashboard.getList("monthly.adjusted"));
            assertEquals("2", number(dashboard.getList("monthly.series.find { it.key == 'advisory.legal_reviews' }.values")
                    .get(lastMonth.getMonthValue() - 1)));
        }
    }

    @Test
    void closingIsForAFinishedPeriodOfTheBureausOwnCountyAndNobodyElse() {
        Fixtures.County c = Fixtures.county();
        Fixtures.County other = Fixtures.county();
        close(c.bureauAdmin(), c.county(), today().getYear(), null).statusCode(400)
                .body("errors[0].field", equalTo("year"));
        YearMonth thisMonth = YearMonth.from(today());
        close(c.bureauAdmin(), c.county(), thisMonth.getYear(), thisMonth.getMonthValue()).statusCode(400)
                .body("errors[0].field", equalTo("month"));
        close(c.bureauAdmin(), c.county(), 2020, 13).statusCode(400).body("errors[0].field", equalTo("month"));
        close(c.bureauAdmin(), c.townshipA(), 2020, null).statusCode(400).body("errors[0].field", equalTo("region"));
        close(c.bureauAdmin(), other.county(), 2020, null).statusCode(404);
        close(c.officeStaffA(), c.county(), 2020, null).statusCode(403);
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("reason", "x")).post("/api/reports/closed-periods/" + UUID.randomUUID() + "/reopen")
                .then().statusCode(403);
        // the caller's own county by default; another county's closures are not listed
        close(c.bureauAdmin(), null, 2020, null).statusCode(201).body("regionCode", equalTo(c.county()));
        given().auth().oauth2(Fixtures.token(other.bureauAdmin())).get("/api/reports/closed-periods").then()
                .statusCode(200).body("items.regionCode", org.hamcrest.Matchers.not(hasItem(c.county())));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("cursor", "garbage")
                .get("/api/reports/closed-periods").then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void theExportsOfAClosedYearSayWhoseSnapshotTheyShowAndThatAdjustmentsExist() throws Exception {
        Fixtures.County c = Fixtures.county();
        int lastYear = today().getYear() - 1;
        screening(c.officeStaffA(), c.villageA1(), LocalDate.of(lastYear, 6, 1));
        close(c.bureauAdmin(), c.county(), lastYear, null).statusCode(201);
        screening(c.officeStaffA(), c.villageA1(), LocalDate.of(lastYear, 6, 2), "补录").then().statusCode(201);
        byte[] docx = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("year", lastYear).get("/api/reports/annual/docx").then().statusCode(200).extract().asByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
            assertTrue(text.contains("关账时的数据快照") && text.contains("关账后另有调整 1 项"), text);
            assertTrue(text.contains("开展矛盾纠纷排查1次"), text);
        }
    }
}
