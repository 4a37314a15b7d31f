package org.publiclegal.reporting;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.publiclegal.advisory.AdvisoryFlow;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 台账核对 finds a state change written without its ledger event, and a record planted behind the service's back. */
@QuarkusTest
class ReconciliationTest {

    private static JsonPath reconcile(Account who, String region, int year) {
        return given().auth().oauth2(Fixtures.token(who)).queryParam("region", region).queryParam("year", year)
                .get("/api/admin/ledger/reconcile").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> figure(JsonPath result, String key) {
        return result.<Map<String, Object>>getList("figures").stream().filter(f -> key.equals(f.get("key")))
                .findFirst().orElseThrow();
    }

    @Test
    void theLedgerAgreesWithTheRecordsUntilAStateChangeSkipsItsEventAndThenTheDifferenceNamesBothSides() {
        Fixtures.County c = Fixtures.county();
        LocalDate today = TestClock.today();
        int year = today.getYear();
        Account advisor = AdvisoryFlow.advisor(c);
        AdvisoryFlow.contract(c.officeStaffA(), advisor, List.of(c.villageA1()), today.minusDays(10), today.plusDays(200));
        Instant earlier = TestClock.now().minus(2, ChronoUnit.HOURS);
        UUID review = AdvisoryFlow.service(advisor, c.villageA1(), earlier, "CONTRACT_REVIEW", null);
        AdvisoryFlow.service(advisor, c.villageA1(), earlier, "LECTURE", 30);
        Map<String, Object> round = new HashMap<>();
        round.put("screenedOn", today.toString());
        round.put("place", "村委会");
        round.put("regionCode", c.villageA1());
        round.put("householdsVisited", 5);
        round.put("disputesFound", 0);
        round.put("riskLevel", "LOW");
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).contentType(ContentType.JSON).body(round)
                .post("/api/mediation/screenings").then().statusCode(201);

        JsonPath clean = reconcile(c.bureauAdmin(), c.county(), year);
        assertEquals(true, clean.getBoolean("consistent"), clean.prettify());
        assertEquals(1, figure(clean, "advisory.legal_reviews").get("fromRecords"));
        assertEquals(1, figure(clean, "advisory.legal_reviews").get("fromLedger"));
        assertEquals(30, figure(clean, "education.participants").get("fromRecords"));
        assertEquals(1, figure(clean, "mediation.screenings").get("fromLedger"));

        // a void written straight to the table: the record no longer counts, the ledger still does
        Fixtures.run(s -> s.createNativeQuery("update adv_service_record set voided_at = now(), "
                + "void_reason = '绕过服务作废' where id = ?1").setParameter(1, review).executeUpdate());
        // a screening inserted behind the service: counted by the records, absent from the ledger
        UUID planted = UUID.randomUUID();
        Fixtures.run(s -> s.createNativeQuery("insert into med_screening (id, organisation_id, recorded_by, region_code, "
                        + "screened_on, place, households_visited, disputes_found, risk_level, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, '直接写表', 1, 0, 'LOW', now())")
                .setParameter(1, planted).setParameter(2, c.officeA().id).setParameter(3, c.officeStaffA().id)
                .setParameter(4, c.villageA1()).setParameter(5, today).executeUpdate());

        JsonPath found = reconcile(c.bureauAdmin(), c.county(), year);
        assertEquals(false, found.getBoolean("consistent"));
        Map<String, Object> reviews = figure(found, "advisory.legal_reviews");
        assertEquals(false, reviews.get("consistent"));
        assertEquals(0, reviews.get("fromRecords"));
        assertEquals(1, reviews.get("fromLedger"));
        assertEquals(1, reviews.get("differenceCount"));
        assertEquals(review.toString(), found.getString("figures.find { it.key == 'advisory.legal_reviews' }.differences[0].sourceId"));
        assertEquals("/api/advisor/services/" + review,
                found.getString("figures.find { it.key == 'advisory.legal_reviews' }.differences[0].href"));
        assertEquals(0, found.getInt("figures.find { it.key == 'advisory.legal_reviews' }.differences[0].inRecords"));
        assertEquals(1, found.getInt("figures.find { it.key == 'advisory.legal_reviews' }.differences[0].inLedger"));
        assertEquals(Fixtures.column("select id from ledger_event where source_id = ?1 and kind = 'ADVISORY_LEGAL_REVIEW'",
                        Long.class, review),
                found.getList("figures.find { it.key == 'advisory.legal_reviews' }.differences[0].ledgerEventIds", Long.class));
        // the lecture of the same advisor is untouched
        assertEquals(true, figure(found, "education.lectures").get("consistent"));

        Map<String, Object> screenings = figure(found, "mediation.screenings");
        assertEquals(2, screenings.get("fromRecords"));
        assertEquals(1, screenings.get("fromLedger"));
        assertEquals(planted.toString(), found.getString("figures.find { it.key == 'mediation.screenings' }.differences[0].sourceId"));
        assertEquals(List.of(), found.getList("figures.find { it.key == 'mediation.screenings' }.differences[0].ledgerEventIds"));

        // the township sees its own part; another county's bureau does not see this one
        assertEquals(false, reconcile(c.bureauAdmin(), c.townshipA(), year).getBoolean("consistent"));
        assertEquals(true, reconcile(c.bureauAdmin(), c.townshipB(), year).getBoolean("consistent"));
        given().auth().oauth2(Fixtures.token(Fixtures.county().bureauAdmin())).queryParam("region", c.county())
                .queryParam("year", year).get("/api/admin/ledger/reconcile").then().statusCode(404);
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("year", year)
                .get("/api/admin/ledger/reconcile").then().statusCode(403);
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).get("/api/admin/ledger/reconcile").then().statusCode(400);
    }
}
