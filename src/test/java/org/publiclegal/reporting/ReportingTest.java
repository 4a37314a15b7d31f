package org.publiclegal.reporting;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.reporting.ReportingFlow.post;

/** The figures after scripted activity equal the hand-counted totals, at every level and however computed. */
@QuarkusTest
class ReportingTest {

    static int year() {
        return TestClock.today().getYear();
    }

    /** key → value (as text, to compare exactly) of GET /api/metrics for {@code region}, this year so far. */
    static Map<String, String> metrics(Account who, String region) {
        JsonPath json = given().auth().oauth2(Fixtures.token(who)).queryParam("region", region)
                .get("/api/metrics").then().statusCode(200).extract().jsonPath();
        Map<String, String> values = new HashMap<>();
        for (Map<String, Object> v : json.<Map<String, Object>>getList("values")) {
            values.put((String) v.get("key"), v.get("value") == null ? null : new BigDecimal(v.get("value").toString())
                    .stripTrailingZeros().toPlainString());
        }
        return values;
    }

    static JsonPath annual(Account who, String region) {
        return given().auth().oauth2(Fixtures.token(who)).queryParam("region", region).queryParam("year", year())
                .get("/api/reports/annual").then().statusCode(200).extract().jsonPath();
    }

    private static String adminToken(Fixtures.County c) {
        return Fixtures.systemAdminToken(c);
    }

    private static List<List<Object>> rollupRows(String county) {
        return Fixtures.sql("select region_code, kind, day, events, quantity, amount_fen from ledger_rollup "
                        + "where region_code >= ?1 and region_code < ?2 order by 1, 2, 3", county.substring(0, 6),
                county.substring(0, 6) + ":").stream().map(List::of).toList();
    }

    @Test
    void figuresAfterScriptedActivityEqualHandCountedTotalsAtEveryLevel() {
        Fixtures.County c = Fixtures.county();
        Account mediatorA1 = Fixtures.mediator(c.villageCommitteeA1());
        Account mediatorB = Fixtures.mediator(c.committeeB());
        // 法律援助: two closed cases in township A, one assigned in B; consultations 3 + 2 人次
        ReportingFlow.closed(c, ReportingFlow.aidApplication(c.villageA1()), "18600.50");
        ReportingFlow.closed(c, ReportingFlow.aidApplication(c.villageA2()), "1234.56");
        ReportingFlow.assigned(c, ReportingFlow.aidApplication(c.villageB1()));
        ReportingFlow.aidApplication(c.villageB1()); // submitted, not received: counted nowhere
        ReportingFlow.consultation(c, c.villageA2(), 3);
        ReportingFlow.consultation(c, c.villageB1(), 2);
        // 调解: two screenings in A, one in B; in A one success and one failure, in B one success
        ReportingFlow.screening(mediatorA1, c.villageA1());
        ReportingFlow.screening(c.officeStaffA(), c.townshipA());
        ReportingFlow.screening(mediatorB, c.villageB1());
        String agreed = ReportingFlow.inMediation(c.villageA1(), mediatorA1);
        ReportingFlow.succeeded(agreed, mediatorA1);
        ReportingFlow.failed(ReportingFlow.inMediation(c.villageA1(), mediatorA1), mediatorA1);
        // 诉前委派 and 司法确认 in A
        var court = ReportingFlow.court(c);
        ReportingFlow.courtReferral(mediatorA1, court, c.villageA1());
        ReportingFlow.judiciallyConfirmed(agreed, mediatorA1, court);
        ReportingFlow.succeeded(ReportingFlow.inMediation(c.villageB1(), mediatorB), mediatorB);

        Map<String, String> a = metrics(c.officeStaffA(), c.townshipA());
        assertEquals("2", a.get("legal_aid.cases"));
        assertEquals("2", a.get("legal_aid.applications"));
        assertEquals("3", a.get("legal_aid.consultations"));
        assertEquals("1.9835", a.get("legal_aid.losses_recovered"), "1983506 fen = 1.983506 万元, half up to 4 places");
        assertEquals("2", a.get("mediation.screenings"));
        assertEquals("2", a.get("mediation.concluded"));
        assertEquals("1", a.get("mediation.succeeded"));
        assertEquals("50", a.get("mediation.success_rate"));
        assertEquals("1", a.get("mediation.court_referrals"));
        assertEquals("1", a.get("mediation.judicial_confirmations"));
        assertEquals("2", a.get("mediation.committees"), "the township committee and the village committee");
        assertEquals("1", a.get("mediation.mediators"));
        assertEquals("0", a.get("education.videos"));
        assertEquals("0", a.get("advisory.signing_rate"), "two villages, no advisor contract recorded");

        Map<String, String> b = metrics(c.officeStaffB(), c.townshipB());
        assertEquals("1", b.get("legal_aid.cases"));
        assertEquals("1", b.get("legal_aid.applications"), "the unreceived one counts nowhere");
        assertEquals("100", b.get("mediation.success_rate"));

        Map<String, String> county = metrics(c.bureauAdmin(), c.county());
        for (String key : List.of("legal_aid.cases", "legal_aid.applications", "legal_aid.consultations",
                "mediation.screenings", "mediation.concluded", "mediation.succeeded", "mediation.committees",
                "mediation.court_referrals", "mediation.judicial_confirmations",
                "mediation.mediators")) {
            assertEquals(new BigDecimal(a.get(key)).add(new BigDecimal(b.get(key))), new BigDecimal(county.get(key)),
                    key + ": the county is the sum of its townships");
        }
        assertEquals("66.7", county.get("mediation.success_rate"), "2 of 3, half up to one decimal");

        // the yearly section, in the reports' words
        JsonPath report = annual(c.officeStaffA(), c.townshipA());
        List<String> paragraphs = report.getList("paragraphs");
        assertTrue(paragraphs.contains("全年共受理法律援助案件2件,法律援助咨询3人次,避免和挽回经济损失1.9835万元。"), paragraphs.toString());
        assertTrue(paragraphs.contains("全年共开展矛盾纠纷排查2次,调解矛盾纠纷2件,调解成功1件,调解成功率为50.0%。"), paragraphs.toString()); // issue 12: rates print one decimal
        assertTrue(paragraphs.contains("全年共接受诉前委派调解案件1件,司法确认1件。"), paragraphs.toString());
        assertTrue(paragraphs.contains("目前共建立各级人民调解委员会2个,配备人民调解员1名。"), paragraphs.toString());
        assertTrue(paragraphs.stream().noneMatch(p -> p.contains("短视频")), "nothing recorded, nothing printed");
        assertEquals(List.of(0), report.getList("figures.findAll { it.key == 'legal_aid.cases' }.previousValue"));
        assertEquals(List.of(2), report.getList("figures.findAll { it.key == 'legal_aid.cases' }.change"));
        assertEquals(List.of("件"), report.getList("figures.findAll { it.key == 'legal_aid.cases' }.unit"));

        // the same figures from the raw tail, from incremental roll-ups and from a rebuild
        String admin = adminToken(c);
        given().auth().oauth2(admin).post("/api/admin/ledger/rollups/catch-up").then().statusCode(200);
        List<List<Object>> incremental = rollupRows(c.county());
        assertTrue(incremental.stream().anyMatch(r -> r.get(0).equals(c.villageA1())), "village rows");
        assertTrue(incremental.stream().anyMatch(r -> r.get(0).equals(c.townshipA())), "township rows");
        assertTrue(incremental.stream().anyMatch(r -> r.get(0).equals(c.county())), "county rows");
        assertEquals(1, Fixtures.sql("select 1 from ledger_rollup where region_code = ?1 and kind = 'LEGAL_AID_CASE_ASSIGNED' "
                + "group by region_code having sum(quantity) >= 3", c.province()).size(), "province rows include the county");
        assertEquals(a, metrics(c.officeStaffA(), c.townshipA()), "rolled up = raw");
        assertEquals(0, given().auth().oauth2(admin).post("/api/admin/ledger/rollups/catch-up").then().statusCode(200)
                .extract().jsonPath().getLong("events"), "a catch-up with nothing new adds nothing");
        given().auth().oauth2(admin).get("/api/admin/ledger/rollups/verify").then().statusCode(200)
                .body("consistent", equalTo(true));
        given().auth().oauth2(admin).post("/api/admin/ledger/rollups/rebuild").then().statusCode(200);
        assertEquals(incremental, rollupRows(c.county()), "rebuild = incremental, row for row");
        assertEquals(a, metrics(c.officeStaffA(), c.townshipA()));
        assertEquals(county, metrics(c.bureauAdmin(), c.county()));
    }

    @Test
    void newEventsAfterACatchUpCountAtOnceAndTheNextCatchUpAddsOnlyThem() {
        Fixtures.County c = Fixtures.county();
        String admin = adminToken(c);
        given().auth().oauth2(admin).post("/api/admin/ledger/rollups/catch-up").then().statusCode(200);
        ReportingFlow.consultation(c, c.villageA1(), 4);
        ReportingFlow.consultation(c, c.villageA1(), 1);
        assertEquals("5", metrics(c.officeStaffA(), c.townshipA()).get("legal_aid.consultations"),
                "counted before any roll-up");
        given().auth().oauth2(admin).get("/api/admin/ledger/rollups").then().statusCode(200)
                .body("waiting", equalTo(2));
        assertEquals(2, given().auth().oauth2(admin).post("/api/admin/ledger/rollups/catch-up").then().statusCode(200)
                .extract().jsonPath().getLong("events"), "cost follows the new events, not the history");
        assertEquals("5", metrics(c.officeStaffA(), c.townshipA()).get("legal_aid.consultations"));
    }

    @Test
    void aCorrectedRefusalChangesTheFiguresTraceablyAndIsNeverCountedTwice() {
        Fixtures.County c = Fixtures.county();
        String id = ReportingFlow.aidApplication(c.villageA1());
        post(c.aidOfficer(), "/api/aid/applications/" + id + "/receive", null).statusCode(200);
        post(c.aidOfficer(), "/api/aid/applications/" + id + "/refusal", Map.of("reason", "收入高于标准")).statusCode(200);
        assertEquals("1", metrics(c.bureauAdmin(), c.county()).get("legal_aid.refusals"));
        given().auth().oauth2(adminToken(c)).post("/api/admin/ledger/rollups/catch-up").then().statusCode(200);

        java.util.UUID applicantId = Fixtures.column("select applicant_id from aid_application where id = cast(?1 as uuid)",
                java.util.UUID.class, id).get(0);
        Account owner = Fixtures.run(s -> s.find(Account.class, applicantId));
        post(owner, "/api/aid/applications/" + id + "/objection", Map.of("reason", "家中有重病老人")).statusCode(200);
        post(c.bureauAdmin(), "/api/aid/applications/" + id + "/objection-decision",
                Map.of("uphold", false, "reason", "应当给予法律援助")).statusCode(200);
        Map<String, String> corrected = metrics(c.bureauAdmin(), c.county());
        assertEquals("0", corrected.get("legal_aid.refusals"), "the corrected refusal no longer counts");
        assertEquals("0", corrected.get("legal_aid.cases"), "granted, not yet assigned");
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        post(c.aidOfficer(), "/api/aid/applications/" + id + "/assignment", Map.of("lawyerId", lawyer.id.toString()))
                .statusCode(200);
        assertEquals("1", metrics(c.bureauAdmin(), c.county()).get("legal_aid.cases"));
        assertEquals("1", metrics(c.bureauAdmin(), c.county()).get("legal_aid.applications"), "received once");

        // the drill-down shows the refusal and the correction that cancels it, both naming the case
        JsonPath refusals = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("year", year()).get("/api/reports/annual/legal_aid.refusals/records").then().statusCode(200)
                .body("value", equalTo(0)).extract().jsonPath();
        List<Map<String, Object>> items = refusals.getList("items");
        assertEquals(2, items.size());
        assertEquals(1, items.get(0).get("quantity"));
        assertEquals(-1, items.get(1).get("quantity"));
        assertEquals(items.get(0).get("id"), String.valueOf(items.get(1).get("correctsId")));
        String reference = Fixtures.column("select reference from aid_application where id = cast(?1 as uuid)",
                String.class, id).get(0);
        assertEquals(reference, items.get(1).get("reference"));
        assertEquals("/api/aid/applications/" + id, items.get(0).get("href"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("year", year()).get("/api/reports/annual/legal_aid.cases/records").then().statusCode(200)
                .body("value", equalTo(1)).body("items.sourceId", equalTo(List.of(id)))
                .body("items.reference", equalTo(List.of(reference)));
    }

    @Test
    void drillDownPagesWithACursorAndCoversTableFigures() {
        Fixtures.County c = Fixtures.county();
        for (int i = 1; i <= 3; i++) {
            ReportingFlow.consultation(c, c.villageA1(), i);
        }
        var first = given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("year", year())
                .queryParam("limit", 2).get("/api/reports/annual/legal_aid.consultations/records").then().statusCode(200)
                .body("value", equalTo(6)).body("items.quantity", equalTo(List.of(1, 2)))
                .body("region.code", equalTo(c.townshipA())).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        assertNotNull(cursor);
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("year", year()).queryParam("cursor", cursor)
                .queryParam("limit", 2).get("/api/reports/annual/legal_aid.consultations/records").then().statusCode(200)
                .body("items.quantity", equalTo(List.of(3))).body("nextCursor", equalTo(null));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("year", year()).queryParam("cursor", "bm9wZQ")
                .get("/api/reports/annual/legal_aid.consultations/records").then().statusCode(400)
                .contentType("application/problem+json");
        // the committee count lists the committees counted
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("year", year())
                .get("/api/reports/annual/mediation.committees/records").then().statusCode(200)
                .body("value", equalTo(2)).body("items.name", hasItem(c.villageCommitteeA1().name))
                .body("items.size()", equalTo(2));
    }

    @Test
    void eachCallerSeesOnlyTheirRegionAndBadInputIsA4xxProblem() {
        Fixtures.County c = Fixtures.county();
        String officeA = Fixtures.token(c.officeStaffA());
        given().auth().oauth2(officeA).get("/api/metrics").then().statusCode(200)
                .body("region.code", equalTo(c.townshipA())).body("region.level", equalTo("TOWNSHIP"));
        given().auth().oauth2(officeA).queryParam("region", c.townshipB()).get("/api/metrics").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(officeA).queryParam("region", c.county()).queryParam("year", year())
                .get("/api/reports/annual").then().statusCode(404);
        given().auth().oauth2(officeA).queryParam("region", c.townshipB()).get("/api/dashboard").then().statusCode(404);
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.townshipB()).get("/api/dashboard")
                .then().statusCode(200).body("region.code", equalTo(c.townshipB()));
        given().auth().oauth2(Fixtures.token(Fixtures.county().bureauAdmin())).queryParam("region", c.county())
                .get("/api/metrics").then().statusCode(404);
        given().auth().oauth2(Fixtures.token(Fixtures.residentWithProfile(c.villageA1()))).get("/api/metrics").then()
                .statusCode(403);
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).get("/api/dashboard").then().statusCode(403);
        given().get("/api/reports/annual?year=2026").then().statusCode(401);
        given().auth().oauth2(officeA).get("/api/reports/annual").then().statusCode(400)
                .body("type", equalTo("https://publiclegal.example.org/problems/validation-failed"));
        given().auth().oauth2(officeA).queryParam("region", "12ab").get("/api/metrics").then().statusCode(400);
        given().auth().oauth2(officeA).queryParam("keys", "legal_aid.cases,nope").get("/api/metrics").then()
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("nope"));
        given().auth().oauth2(officeA).queryParam("from", "2026-05-01").queryParam("to", "2026-04-01")
                .get("/api/metrics").then().statusCode(400);
        given().auth().oauth2(officeA).queryParam("from", "2026-13-01").get("/api/metrics").then().statusCode(400);
        given().auth().oauth2(officeA).queryParam("year", 1999).get("/api/reports/annual").then().statusCode(400);
        given().auth().oauth2(officeA).queryParam("year", year()).get("/api/reports/annual/nope/records").then()
                .statusCode(404);
        given().auth().oauth2(officeA).post("/api/admin/ledger/rollups/rebuild").then().statusCode(403);
        given().get("/api/metrics/catalogue").then().statusCode(200)
                .body("find { it.key == 'mediation.success_rate' }.label", equalTo("调解成功率"))
                .body("find { it.key == 'mediation.success_rate' }.unit", equalTo("%"))
                .body("key", hasItem("advisory.signing_rate"));
    }

    @Test
    void metricsCompareWithTheSamePeriodOfThePreviousYear() {
        Fixtures.County c = Fixtures.county();
        ReportingFlow.consultation(c, c.villageA1(), 2);
        LocalDate today = TestClock.today();
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("from", today.toString())
                .queryParam("to", today.toString()).queryParam("keys", "legal_aid.consultations,mediation.success_rate")
                .get("/api/metrics").then().statusCode(200)
                .body("previousFrom", equalTo(today.minusYears(1).toString()))
                .body("values.key", equalTo(List.of("legal_aid.consultations", "mediation.success_rate")))
                .body("values[0].value", equalTo(2)).body("values[0].previousValue", equalTo(0))
                .body("values[0].change", equalTo(2))
                .body("values[1].value", equalTo(null));
    }
}
