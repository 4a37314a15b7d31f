package org.publiclegal.mediation.screening;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.region.OrganisationType.CommitteeKind;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ScreeningResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static LocalDate today() {
        return TestClock.today();
    }

    private static Map<String, Object> round(String region, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("screenedOn", on.toString());
        body.put("place", "村委会及第三村民小组");
        body.put("regionCode", region);
        body.put("householdsVisited", 36);
        body.put("disputesFound", 2);
        body.put("riskLevel", "MEDIUM");
        body.put("note", "宅基地边界两起，已登记");
        return body;
    }

    private static Response record(Account who, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON).body(body)
                .post("/api/mediation/screenings");
    }

    private static List<String> listed(Account who) {
        return given().auth().oauth2(Fixtures.token(who)).queryParam("limit", 100).get("/api/mediation/screenings")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void aMediatorLogsAScreeningRoundThatCountsOnceInTheLedger() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        String key = UUID.randomUUID().toString();
        LocalDate on = today().minusDays(1);
        Response first = given().auth().oauth2(Fixtures.token(mediator)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(round(c.villageA1(), on)).post("/api/mediation/screenings");
        first.then().statusCode(201).contentType(ContentType.JSON)
                .body("regionCode", equalTo(c.villageA1()))
                .body("screenedOn", equalTo(on.toString()))
                .body("householdsVisited", equalTo(36)).body("disputesFound", equalTo(2))
                .body("riskLevel", equalTo("MEDIUM"))
                .body("organisationId", equalTo(c.committeeA().id.toString()))
                .body("recordedBy", equalTo(mediator.id.toString()));
        String id = first.jsonPath().getString("id");
        // a retry on a weak network replays the answer and records nothing more
        given().auth().oauth2(Fixtures.token(mediator)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(round(c.villageA1(), on)).post("/api/mediation/screenings")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        List<Object[]> events = Fixtures.sql("select kind, quantity, region_code, cast(organisation_id as varchar), "
                + "to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), source_type "
                + "from ledger_event where source_id = cast(?1 as uuid)", id);
        assertEquals(1, events.size());
        Object[] e = events.get(0);
        assertEquals("MEDIATION_SCREENING", e[0]);
        assertEquals(1, ((Number) e[1]).intValue());
        assertEquals(c.villageA1(), e[2]);
        assertEquals(c.committeeA().id.toString(), e[3]);
        assertEquals(on + " 00:00", e[4]);
        assertEquals("med_screening", e[5]);
        assertEquals(1L, Fixtures.column("select count(*) from med_screening where recorded_by = ?1", Long.class,
                mediator.id).get(0));

        given().auth().oauth2(Fixtures.token(mediator)).get("/api/mediation/screenings/" + id).then().statusCode(200)
                .body("place", equalTo("村委会及第三村民小组"));
    }

    @Test
    void aTownshipOfficeLogsOnlyInItsTownshipAndSeesOnlyItsTownshipsRounds() {
        Fixtures.County c = Fixtures.county();
        record(c.officeStaffA(), round(c.villageB1(), today())).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("regionCode"));
        String inA = record(c.officeStaffA(), round(c.townshipA(), today())).then().statusCode(201)
                .extract().path("id");
        String inB = record(c.officeStaffB(), round(c.villageB1(), today())).then().statusCode(201)
                .extract().path("id");
        Account villageMediator = Fixtures.mediator(c.villageCommitteeA1());
        String byVillage = record(villageMediator, round(c.villageA1(), today())).then().statusCode(201)
                .extract().path("id");
        // a village committee's mediator works in their village only
        record(villageMediator, round(c.villageA2(), today())).then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));

        List<String> officeA = listed(c.officeStaffA());
        org.hamcrest.MatcherAssert.assertThat(officeA, hasItems(inA, byVillage));
        org.hamcrest.MatcherAssert.assertThat(officeA, not(hasItem(inB)));
        org.hamcrest.MatcherAssert.assertThat(listed(c.officeStaffB()), contains(inB));
        org.hamcrest.MatcherAssert.assertThat(listed(c.bureauAdmin()), hasItems(inA, inB, byVillage));
        org.hamcrest.MatcherAssert.assertThat(listed(villageMediator), contains(byVillage));
        org.hamcrest.MatcherAssert.assertThat(listed(Fixtures.mediator(c.committeeB())), not(hasItem(inA)));

        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/mediation/screenings/" + inB).then()
                .statusCode(404).contentType("application/problem+json");
        // only mediators and the 司法所 log rounds
        record(c.bureauAdmin(), round(c.villageA1(), today())).then().statusCode(403);
        record(c.aidOfficer(), round(c.villageA1(), today())).then().statusCode(403);
    }

    @Test
    void aScreeningDatedOutside2000ToTomorrowIsA400NamingTheFieldAndWritesNothing() {
        Fixtures.County c = Fixtures.county();
        Account office = c.officeStaffA();
        for (String absurd : List.of("-999999999-01-01", "1999-12-31", "+10000-01-01")) {
            Map<String, Object> body = round(c.villageA1(), today());
            body.put("screenedOn", absurd);
            body.put("place", "日期越界 " + absurd);
            record(office, body).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("screenedOn"))
                    .body("errors[0].message", equalTo("日期须在 2000-01-01 至 " + today().plusDays(1) + " 之间"));
        }
        Map<String, Object> first = round(c.villageA1(), LocalDate.of(2000, 1, 1));
        record(office, first).then().statusCode(201).body("screenedOn", equalTo("2000-01-01"));
        assertEquals(List.of(), Fixtures.sql("select id, place from med_screening where place like '日期越界%'"));
        assertEquals(List.of(), Fixtures.sql("select id, kind from ledger_event where occurred_at < '2000-01-01 00:00+08' "
                + "or occurred_at = 'infinity' or occurred_at = '-infinity'"));
    }

    @Test
    void aConsultationOrAMetricsRangeOutsideTheBoundsIsA400NamingTheField() {
        Fixtures.County c = Fixtures.county();
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).contentType(ContentType.JSON)
                .body(Map.of("channel", "HOTLINE_12348", "matter", "SUPPORT_PAYMENT", "regionCode", c.villageA2(),
                        "persons", 1, "consultedAt", "-999999999-01-01T00:00:00Z"))
                .post("/api/aid/consultations").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("consultedAt"));
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).contentType(ContentType.JSON)
                .body(Map.of("channel", "HOTLINE_12348", "matter", "SUPPORT_PAYMENT", "regionCode", c.villageA2(),
                        "persons", 1, "consultedAt", "1999-12-31T15:59:59Z"))
                .post("/api/aid/consultations").then().statusCode(400)
                .body("errors[0].field", equalTo("consultedAt"));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("from", "-999999999-01-01")
                .get("/api/metrics").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void invalidRoundsAreFieldErrors() {
        Fixtures.County c = Fixtures.county();
        Account office = c.officeStaffA();
        record(office, round(c.villageA1(), today().plusDays(1))).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("screenedOn"));
        Map<String, Object> negative = round(c.villageA1(), today());
        negative.put("householdsVisited", -1);
        record(office, negative).then().statusCode(400).body("errors[0].field", equalTo("householdsVisited"));
        Map<String, Object> negativeDisputes = round(c.villageA1(), today());
        negativeDisputes.put("disputesFound", -3);
        record(office, negativeDisputes).then().statusCode(400).body("errors[0].field", equalTo("disputesFound"));
        Map<String, Object> noRisk = round(c.villageA1(), today());
        noRisk.remove("riskLevel");
        record(office, noRisk).then().statusCode(400).body("errors[0].field", equalTo("riskLevel"));
        Map<String, Object> badRisk = round(c.villageA1(), today());
        badRisk.put("riskLevel", "EXTREME");
        record(office, badRisk).then().statusCode(400);
        Map<String, Object> noPlace = round(c.villageA1(), today());
        noPlace.put("place", " ");
        record(office, noPlace).then().statusCode(400).body("errors[0].field", equalTo("place"));
        // a county is not a place one screens (even for a county-wide committee); an unknown village neither
        Organisation industry = Organisation.create(OrganisationType.MEDIATION_COMMITTEE, CommitteeKind.INDUSTRY,
                "医疗纠纷调委会" + UUID.randomUUID(), c.county(), null, null, TestClock.now());
        Fixtures.run(s -> s.persist(industry));
        record(Fixtures.mediator(industry), round(c.county(), today())).then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        record(office, round(c.townshipA().substring(0, 9) + "299", today())).then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        Account resident = Fixtures.resident();
        record(resident, round(c.villageA1(), today())).then().statusCode(403);
        given().auth().oauth2(Fixtures.token(office)).queryParam("cursor", "garbage").get("/api/mediation/screenings")
                .then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void roundsAreListedNewestFirstPageByPage() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        String oldest = record(mediator, round(c.villageA1(), today().minusDays(5))).then().statusCode(201)
                .extract().path("id");
        String newest = record(mediator, round(c.villageA1(), today())).then().statusCode(201).extract().path("id");
        String middle = record(mediator, round(c.villageA1(), today().minusDays(2))).then().statusCode(201)
                .extract().path("id");
        String cursor = given().auth().oauth2(Fixtures.token(mediator)).queryParam("limit", 2)
                .get("/api/mediation/screenings").then().statusCode(200)
                .body("items.id", contains(newest, middle)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(Fixtures.token(mediator)).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/mediation/screenings").then().statusCode(200)
                .body("items.id", contains(oldest)).body("nextCursor", nullValue());
    }
}
