package org.publiclegal.legalaid;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.publiclegal.legalaid.LegalAidFlow.PDF;
import static org.publiclegal.legalaid.LegalAidFlow.PNG;
import static org.publiclegal.legalaid.LegalAidFlow.get;
import static org.publiclegal.legalaid.LegalAidFlow.post;
import static org.publiclegal.legalaid.LegalAidFlow.upload;

@QuarkusTest
class LegalAidAccessTest {

    @Test
    void aResidentCannotSeeAnotherResidentsApplication() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        String id = LegalAidFlow.create(alice, LegalAidFlow.wageClaim(c.villageA1()));
        get(bob, id).statusCode(404).contentType("application/problem+json");
        post(bob, id, "withdraw", null).statusCode(404);
        given().auth().oauth2(Fixtures.token(bob)).get("/api/aid/applications").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(Fixtures.token(alice)).get("/api/aid/applications").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void officersOfAnotherCountyAndUnassignedLawyersCannotSeeIt() {
        Fixtures.County c = Fixtures.county();
        Fixtures.County other = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = LegalAidFlow.submitted(resident, c.villageA1());
        get(other.aidOfficer(), id).statusCode(404);
        post(other.aidOfficer(), id, "receive", null).statusCode(404);
        given().auth().oauth2(Fixtures.token(other.aidOfficer())).get("/api/aid/applications").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        get(Fixtures.lawyer(c.lawFirm()), id).statusCode(404);
        // the township office of another township neither; the county bureau can read it
        get(c.officeStaffB(), id).statusCode(404);
        get(c.officeStaffA(), id).statusCode(200);
        get(c.bureauAdmin(), id).statusCode(200);
    }

    @Test
    void aStaffReadOfTheCaseFileIsAudited() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = LegalAidFlow.submitted(resident, c.villageA1());
        get(c.aidOfficer(), id).statusCode(200).body("finances.householdMembers", equalTo(4));
        long reads = Fixtures.column("select count(*) from audit_log where action = 'PERSONAL_DATA_READ' "
                + "and object_type = 'aid_application' and object_id = ?1 and actor_id = ?2", Long.class, id,
                c.aidOfficer().id).get(0);
        assertEquals(1, reads);
        List<Object[]> row = Fixtures.sql("select summary_cipher, finances_cipher, opposing_party_cipher "
                + "from aid_application where id = cast(?1 as uuid)", id);
        String stored = row.get(0)[0] + "|" + row.get(0)[1] + "|" + row.get(0)[2];
        assertFalse(stored.contains("18600") || stored.contains("2400") || stored.contains("劳务公司"),
                "narrative, finances and opposing party are sealed");
    }

    @Test
    void aProfileIsNeededAndTheRegionMustHaveACentre() {
        Fixtures.County c = Fixtures.county();
        Account noProfile = Fixtures.resident();
        given().auth().oauth2(Fixtures.token(noProfile)).contentType(ContentType.JSON)
                .body(LegalAidFlow.wageClaim(c.villageA1())).post("/api/aid/applications").then().statusCode(400)
                .body("detail", containsString("实名"));
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        Map<String, Object> nowhere = LegalAidFlow.wageClaim("650000000000");
        given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON).body(nowhere)
                .post("/api/aid/applications").then().statusCode(400).body("errors[0].field", equalTo("regionCode"));
        Map<String, Object> noFinances = LegalAidFlow.wageClaim(c.villageA1());
        noFinances.remove("finances");
        given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON).body(noFinances)
                .post("/api/aid/applications").then().statusCode(400).body("errors[0].field", equalTo("finances"));
    }

    @Test
    void materialsAreCheckedByContentSizeAndRequiredCategories() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = LegalAidFlow.create(resident, LegalAidFlow.wageClaim(c.villageA1()));
        upload(resident, id, "IDENTITY", "not really an image".getBytes(), "fake.png").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        upload(resident, id, "CASE_MATERIALS", big, "big.pdf").statusCode(400).body("errors[0].field", equalTo("file"));
        upload(resident, id, "SELFIE", PNG, "x.png").statusCode(400);
        upload(resident, id, "IDENTITY", PNG, "身份证.png").statusCode(201)
                .body("contentType", equalTo("image/png")).body("category", equalTo("IDENTITY"));
        post(resident, id, "submit", null).statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("经济状况")))
                .body("errors.message", hasItem(containsString("案件")));
        // the file comes back as it was uploaded, to its owner
        String materialId = get(resident, id).extract().path("materials[0].id");
        byte[] back = given().auth().oauth2(Fixtures.token(resident))
                .get("/api/aid/applications/" + id + "/materials/" + materialId).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertEquals(java.util.HexFormat.of().formatHex(PNG), java.util.HexFormat.of().formatHex(back));
        Account other = Fixtures.residentWithProfile(c.villageA1());
        given().auth().oauth2(Fixtures.token(other)).get("/api/aid/applications/" + id + "/materials/" + materialId)
                .then().statusCode(404);
    }

    @Test
    void concurrentRetriesOfASubmissionCreateOneApplication() throws Exception {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String key = UUID.randomUUID().toString();
        String token = Fixtures.token(resident);
        Map<String, Object> body = LegalAidFlow.wageClaim(c.villageA1());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                        .body(body).post("/api/aid/applications");
            }));
        }
        go.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<Response> f : calls) {
            Response r = f.get();
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.jsonPath().getString("summary.id"));
        }
        pool.shutdown();
        assertEquals(1, ids.size());
        assertEquals(1L, Fixtures.column("select count(*) from aid_application where applicant_id = ?1", Long.class,
                resident.id).get(0));
    }

    @Test
    void theQueuePagesThroughDeadlinesThenCasesWithoutOne() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        String first = LegalAidFlow.submitted(resident, c.villageA1());
        String second = LegalAidFlow.submitted(resident, c.villageA1());
        String assigned = LegalAidFlow.submitted(resident, c.villageA1());
        post(c.aidOfficer(), assigned, "receive", null).statusCode(200);
        post(c.aidOfficer(), assigned, "grant", null).statusCode(200);
        post(c.aidOfficer(), assigned, "assignment", Map.of("lawyerId", lawyer.id.toString())).statusCode(200);
        String closedLater = LegalAidFlow.submitted(resident, c.villageA1());
        post(resident, closedLater, "withdraw", null).statusCode(200);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Fixtures.token(c.aidOfficer())).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/aid/applications").then().statusCode(200).extract();
            seen.addAll(page.jsonPath().getList("items.id", String.class));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        // both submitted today share a deadline (end of the 7th day), so the id breaks the tie
        List<String> dated = new ArrayList<>(List.of(first, second));
        dated.sort(String::compareTo);
        assertEquals(List.of(dated.get(0), dated.get(1), assigned), seen,
                "deadlines first (ties by id); then the undated; never the withdrawn");
    }

    @Test
    void consultationsCountPersonsInTheLedger() {
        Fixtures.County c = Fixtures.county();
        String id = given().auth().oauth2(Fixtures.token(c.aidOfficer())).contentType(ContentType.JSON)
                .body(Map.of("channel", "HOTLINE_12348", "matter", "SUPPORT_PAYMENT", "regionCode", c.villageA2(),
                        "persons", 3))
                .post("/api/aid/consultations").then().statusCode(201)
                .body("persons", equalTo(3)).extract().path("id");
        List<Object[]> e = Fixtures.sql("select kind, quantity, organisation_id from ledger_event "
                + "where source_id = cast(?1 as uuid)", id);
        assertEquals("LEGAL_AID_CONSULTATION", e.get(0)[0]);
        assertEquals(3, ((Number) e.get(0)[1]).intValue());
        assertEquals(c.aidCentre().id, e.get(0)[2]);
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).get("/api/aid/consultations").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(Fixtures.token(Fixtures.county().aidOfficer())).get("/api/aid/consultations").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).contentType(ContentType.JSON)
                .body(Map.of("channel", "PIGEON", "matter", "SUPPORT_PAYMENT", "regionCode", c.villageA2()))
                .post("/api/aid/consultations").then().statusCode(400);
    }
}
