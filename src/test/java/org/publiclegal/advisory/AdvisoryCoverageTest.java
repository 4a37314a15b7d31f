package org.publiclegal.advisory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contracts and coverage over time (the ledger's ±1, the expiry job firing once), and the advisor figures after a
 * scripted year equal to hand counts in /api/metrics, the annual report's sentences and its drill-down.
 */
@QuarkusTest
class AdvisoryCoverageTest {

    @BeforeAll
    static void logging() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** The coverage ledger events of a village as "day:±n", in order. */
    private static List<String> coverageEvents(String village) {
        return Fixtures.sql("select occurred_at, quantity from ledger_event where kind = 'ADVISORY_VILLAGE_COVERED' "
                        + "and region_code = ?1 order by occurred_at, id", village).stream()
                .map(r -> day(r[0]) + ":" + (((Number) r[1]).intValue() > 0 ? "+" : "") + r[1]).toList();
    }

    private static LocalDate day(Object timestamp) {
        Instant at = timestamp instanceof OffsetDateTime o ? o.toInstant() : (Instant) timestamp;
        assertEquals(at, LocalDate.ofInstant(at, TimeSource.CHINA).atStartOfDay(TimeSource.CHINA).toInstant(),
                "coverage events are dated at the start of a China day");
        return LocalDate.ofInstant(at, TimeSource.CHINA);
    }

    private static Map<String, String> metrics(Account who, String region) {
        JsonPath json = given().auth().oauth2(Fixtures.token(who)).queryParam("region", region)
                .queryParam("keys", "advisory.signing_rate,advisory.legal_reviews,education.lectures,education.participants")
                .get("/api/metrics").then().statusCode(200).extract().jsonPath();
        Map<String, String> values = new HashMap<>();
        for (Map<String, Object> v : json.<Map<String, Object>>getList("values")) {
            values.put((String) v.get("key"), v.get("value") == null ? null : new BigDecimal(v.get("value").toString())
                    .stripTrailingZeros().toPlainString());
        }
        return values;
    }

    @Test
    void coverageOnAPastDateCountsAContractThatHasSinceEnded() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        LocalDate today = AdvisoryFlow.today();
        UUID ended = AdvisoryFlow.contract(c.officeStaffA(), advisor, List.of(c.villageA2()), today.minusDays(60),
                today.minusDays(31));
        String office = Fixtures.token(c.officeStaffA());
        given().auth().oauth2(office).queryParam("date", today.minusDays(45).toString()).get("/api/advisor/coverage")
                .then().statusCode(200).body("regionCode", equalTo(c.townshipA())).body("villages", equalTo(2))
                .body("covered", equalTo(1)).body("rate", equalTo(50.0f)).body("uncovered.code", equalTo(List.of(c.villageA1())));
        given().auth().oauth2(office).get("/api/advisor/coverage").then().statusCode(200)
                .body("covered", equalTo(0)).body("uncoveredCount", equalTo(2));
        given().auth().oauth2(office).queryParam("date", today.minusDays(31).toString()).get("/api/advisor/coverage")
                .then().body("covered", equalTo(1));
        given().auth().oauth2(office).queryParam("date", today.minusDays(30).toString()).get("/api/advisor/coverage")
                .then().body("covered", equalTo(0));
        assertEquals(List.of(today.minusDays(60) + ":+1", today.minusDays(30) + ":-1"), coverageEvents(c.villageA2()));
        given().auth().oauth2(office).get("/api/advisor/contracts/" + ended).then().statusCode(200)
                .body("standing", equalTo("EXPIRED")).body("villageCodes", equalTo(List.of(c.villageA2())));
        // out of scope: another township's office, and a region outside the caller's area
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).get("/api/advisor/contracts/" + ended).then().statusCode(404);
        given().auth().oauth2(office).queryParam("region", c.townshipB()).get("/api/advisor/coverage").then().statusCode(404);
        // a 司法所 cannot sign for another township's village
        given().auth().oauth2(office).contentType(ContentType.JSON)
                .body(Map.of("advisorId", advisor.id, "villageCodes", List.of(c.villageB1()), "startsOn", today.toString(),
                        "endsOn", today.plusYears(1).toString()))
                .post("/api/advisor/contracts").then().statusCode(400).body("errors.field", hasItem("villageCodes"));
    }

    @Test
    void aContractRunningOutAtMidnightIsUncoveredByTheJobOnceEvenWhenItRunsConcurrently() throws Exception {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        LocalDate today = AdvisoryFlow.today();
        AdvisoryFlow.contract(c.officeStaffA(), advisor, List.of(c.villageA1()), today.minusDays(10), today);
        AdvisoryFlow.contract(c.officeStaffA(), advisor, List.of(c.villageA2()), today.plusDays(1), today.plusDays(300));
        assertEquals(List.of(today.minusDays(10) + ":+1"), coverageEvents(c.villageA1()));
        assertEquals(List.of(), coverageEvents(c.villageA2()));
        String admin = Fixtures.systemAdminToken(c);
        // the job today changes nothing for these villages
        given().auth().oauth2(admin).post("/api/advisor/coverage/sync").then().statusCode(200);
        assertEquals(List.of(today.minusDays(10) + ":+1"), coverageEvents(c.villageA1()));

        TestClock.advance(Duration.ofDays(1));
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(admin)
                    .post("/api/advisor/coverage/sync").then().statusCode(200).extract().<Integer>path("flips")));
        }
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        given().auth().oauth2(admin).post("/api/advisor/coverage/sync").then().statusCode(200);
        assertEquals(List.of(today.minusDays(10) + ":+1", today.plusDays(1) + ":-1"), coverageEvents(c.villageA1()));
        assertEquals(List.of(today.plusDays(1) + ":+1"), coverageEvents(c.villageA2()));
    }

    @Test
    void renewalAndEarlyTerminationKeepTheHistoryAndMoreThanFiveVillagesIsAWarning() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        LocalDate today = AdvisoryFlow.today();
        String bureau = Fixtures.token(c.bureauAdmin());
        UUID first = AdvisoryFlow.contract(c.bureauAdmin(), advisor, List.of(c.villageA1(), c.villageB1()),
                today.minusDays(100), today.plusDays(10));
        String renewal = given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("endsOn", today.plusDays(375).toString())).post("/api/advisor/contracts/" + first + "/renewal")
                .then().statusCode(201).body("renewsId", equalTo(first.toString()))
                .body("startsOn", equalTo(today.plusDays(11).toString()))
                .body("villageCodes", equalTo(List.of(c.villageA1(), c.villageB1()))).extract().path("id");
        given().auth().oauth2(bureau).contentType(ContentType.JSON).body(Map.of("endsOn", today.plusDays(400).toString()))
                .post("/api/advisor/contracts/" + first + "/renewal").then().statusCode(409);
        given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", today.minusDays(1).toString(), "reason", "顾问调离"))
                .post("/api/advisor/contracts/" + first + "/termination").then().statusCode(400);
        given().auth().oauth2(bureau).contentType(ContentType.JSON).body(Map.of("effectiveOn", today.toString()))
                .post("/api/advisor/contracts/" + first + "/termination").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        // a 司法所 sees what the 司法局 signed for one of its villages, but may not terminate it
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", today.toString(), "reason", "x"))
                .post("/api/advisor/contracts/" + first + "/termination").then().statusCode(403);
        // the advisor sees it, but may not terminate it
        given().auth().oauth2(Fixtures.token(advisor)).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", today.toString(), "reason", "x"))
                .post("/api/advisor/contracts/" + first + "/termination").then().statusCode(403);
        given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", today.toString(), "reason", "顾问调离"))
                .post("/api/advisor/contracts/" + first + "/termination").then().statusCode(200)
                .body("standing", equalTo("TERMINATED")).body("endsOn", equalTo(today.plusDays(10).toString()));
        assertEquals(List.of(today.minusDays(100) + ":+1", today + ":-1"), coverageEvents(c.villageA1()));
        given().auth().oauth2(bureau).get("/api/advisor/contracts/" + renewal).then().statusCode(200)
                .body("standing", equalTo("NOT_STARTED"));

        // six villages for one advisor: answered, with a warning
        List<String> six = new ArrayList<>();
        List<Object> regions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String code = c.townshipA().substring(0, 9) + String.format("%03d", 210 + i);
            six.add(code);
            regions.add(org.publiclegal.region.Region.of(code, "新村" + i));
        }
        Fixtures.run(s -> s.persistAll(regions.toArray()));
        given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("advisorId", advisor.id, "villageCodes", six, "startsOn", today.toString(),
                        "endsOn", today.plusYears(1).toString()))
                .post("/api/advisor/contracts").then().statusCode(201).body("warnings[0]", containsString("超过建议的 5 个"));
    }

    @Test
    void aVillageMergedWhileItsContractRunsLeavesTheSigningRatesNumeratorWithItsDenominator() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        LocalDate today = AdvisoryFlow.today();
        AdvisoryFlow.contract(c.officeStaffA(), advisor, List.of(c.villageA1(), c.villageA2()), today.minusDays(100),
                today.plusDays(265));
        assertEquals("100", metrics(c.officeStaffA(), c.townshipA()).get("advisory.signing_rate"));
        String bureau = Fixtures.token(c.bureauAdmin());
        given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("on", today.toString(), "reason", "并入相邻村")).post("/api/regions/" + c.villageA2()
                        + "/deactivation").then().statusCode(200);

        // from its day off the register: 1 of 1 village, not 2 of 1 (200 %)
        assertEquals("100", metrics(c.officeStaffA(), c.townshipA()).get("advisory.signing_rate"));
        assertEquals("50", metrics(c.bureauAdmin(), c.county()).get("advisory.signing_rate"), "1 of 2: A1 covered, B1 not");
        given().auth().oauth2(bureau).queryParam("region", c.county()).get("/api/dashboard").then().statusCode(200)
                .body("advisorCoverage.covered", equalTo(1)).body("advisorCoverage.villages", equalTo(2));
        given().auth().oauth2(bureau).queryParam("region", c.townshipA()).queryParam("year", today.getYear())
                .get("/api/reports/annual/advisory.signing_rate/records").then().statusCode(200)
                .body("items.regionCode", equalTo(List.of(c.villageA1())));
        // the days before still count it: yesterday 2 of 2
        JsonPath yesterday = given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("region", c.townshipA())
                .queryParam("from", today.minusDays(1).toString()).queryParam("to", today.minusDays(1).toString())
                .queryParam("keys", "advisory.signing_rate").get("/api/metrics").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, yesterday.getInt("values[0].exact.value"));
        assertEquals(2, yesterday.getInt("values[0].exact.of"));
    }

    @Test
    void figuresAfterScriptedActivityEqualHandCountsInMetricsTheAnnualReportAndItsDrillDown() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        LocalDate today = AdvisoryFlow.today();
        AdvisoryFlow.contract(c.officeStaffA(), advisor, List.of(c.villageA1(), c.villageA2()), today.minusDays(100),
                today.plusDays(265));
        UUID b1 = AdvisoryFlow.contract(c.officeStaffB(), advisor, List.of(c.villageB1()), today.minusDays(100),
                today.plusDays(10));
        Instant earlier = TestClock.now().minus(Duration.ofHours(2));
        UUID review = AdvisoryFlow.service(advisor, c.villageA1(), earlier, "CONTRACT_REVIEW", null);
        AdvisoryFlow.service(advisor, c.villageA1(), earlier, "LEGAL_OPINION", null);
        AdvisoryFlow.service(advisor, c.villageA1(), earlier, "CONSULTATION", null);
        AdvisoryFlow.service(advisor, c.villageA1(), earlier, "LECTURE", 40);
        AdvisoryFlow.service(advisor, c.villageA2(), earlier, "RULES_AND_DECISIONS_REVIEW", null);
        AdvisoryFlow.service(advisor, c.villageA2(), earlier, "LECTURE", 25);
        AdvisoryFlow.service(advisor, c.villageB1(), earlier, "CONTRACT_REVIEW", null);
        AdvisoryFlow.service(advisor, c.villageB1(), earlier, "MEDIATION", null);
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", today.toString(), "reason", "村委会换届后另选顾问"))
                .post("/api/advisor/contracts/" + b1 + "/termination").then().statusCode(200);
        // a lecture needs its topic and attendance; a record for a village without a contract is refused
        given().auth().oauth2(Fixtures.token(advisor)).contentType(ContentType.JSON)
                .body(Map.of("villageCode", c.villageA1(), "startedAt", earlier.toString(), "durationMinutes", 60,
                        "kind", "LECTURE", "mode", "ON_SITE", "summary", "讲座", "personsServed", 30))
                .post("/api/advisor/services").then().statusCode(400).body("errors.field", hasItem("lectureTopic"));
        given().auth().oauth2(Fixtures.token(advisor)).contentType(ContentType.JSON)
                .body(Map.of("villageCode", c.villageB1(), "startedAt", TestClock.now().toString(), "durationMinutes", 60,
                        "kind", "CONSULTATION", "mode", "ON_SITE", "summary", "咨询", "personsServed", 1))
                .post("/api/advisor/services").then().statusCode(400).body("errors.field", hasItem("villageCode"));

        assertEquals(Map.of("advisory.signing_rate", "100", "advisory.legal_reviews", "3", "education.lectures", "2",
                "education.participants", "65"), metrics(c.officeStaffA(), c.townshipA()));
        assertEquals(Map.of("advisory.signing_rate", "0", "advisory.legal_reviews", "1", "education.lectures", "0",
                "education.participants", "0"), metrics(c.officeStaffB(), c.townshipB()));
        assertEquals(Map.of("advisory.signing_rate", "66.7", "advisory.legal_reviews", "4", "education.lectures", "2",
                "education.participants", "65"), metrics(c.bureauAdmin(), c.county()));

        int year = today.getYear();
        String bureau = Fixtures.token(c.bureauAdmin());
        List<String> paragraphs = given().auth().oauth2(bureau).queryParam("region", c.county()).queryParam("year", year)
                .get("/api/reports/annual").then().statusCode(200).extract().jsonPath().getList("paragraphs");
        assertTrue(paragraphs.contains("村(社区)法律顾问签约率达到66.7%。"), paragraphs.toString());
        assertTrue(paragraphs.contains("年内共提供法律事项审查和建议4条。"), paragraphs.toString());
        assertTrue(paragraphs.contains("全年共开展法治讲座2场,合计参与65人次,拍摄普法宣传短视频0期。"), paragraphs.toString());

        given().auth().oauth2(bureau).queryParam("region", c.county()).queryParam("year", year)
                .get("/api/reports/annual/advisory.legal_reviews/records").then().statusCode(200)
                .body("value", equalTo(4)).body("items.size()", equalTo(4))
                .body("items.href", everyItem(startsWith("/api/advisor/services/")))
                .body("items.sourceId", hasItem(review.toString()));
        given().auth().oauth2(bureau).queryParam("region", c.county()).queryParam("year", year)
                .get("/api/reports/annual/advisory.signing_rate/records").then().statusCode(200)
                .body("items.quantity", equalTo(List.of(1, 1, 1, -1)))
                .body("items.href", everyItem(startsWith("/api/advisor/contracts/")));

        // the dashboard's coverage card and the village file
        given().auth().oauth2(bureau).queryParam("region", c.county()).get("/api/dashboard").then().statusCode(200)
                .body("advisorCoverage.covered", equalTo(2)).body("advisorCoverage.villages", equalTo(3))
                .body("advisorCoverage.uncovered.code", equalTo(List.of(c.villageB1())));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("limit", 3)
                .get("/api/advisor/villages/" + c.villageA1() + "/file").then().statusCode(200)
                .body("items.size()", equalTo(3)).body("items.type", everyItem(equalTo("SERVICE")));
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).get("/api/advisor/villages/" + c.villageA1() + "/file")
                .then().statusCode(404);

        // a mistaken review is voided: the figure drops back, with a negative twin
        given().auth().oauth2(Fixtures.token(advisor)).contentType(ContentType.JSON).body(Map.of("reason", "重复登记"))
                .post("/api/advisor/services/" + review + "/void").then().statusCode(200);
        given().auth().oauth2(Fixtures.token(advisor)).contentType(ContentType.JSON).body(Map.of("reason", "重复登记"))
                .post("/api/advisor/services/" + review + "/void").then().statusCode(409);
        assertEquals("3", metrics(c.bureauAdmin(), c.county()).get("advisory.legal_reviews"));
        assertEquals(List.of(1L, -1L), Fixtures.column("select quantity::bigint from ledger_event where source_id = ?1 "
                + "order by id", Long.class, review));
    }
}
