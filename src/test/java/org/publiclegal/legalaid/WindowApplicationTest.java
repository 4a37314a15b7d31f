package org.publiclegal.legalaid;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.validation.ChineseIdNumber;
import org.publiclegal.testing.Fixtures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 13: a walk-in application entered at the 窗口 by the centre, with the same materials and rules as the app. */
@QuarkusTest
class WindowApplicationTest {

    private static final String ID_NUMBER = ChineseIdNumber.Validator.withCheckCharacter("53293219750601123");

    private static Map<String, Object> window(String region, boolean checked) {
        Map<String, Object> applicant = new HashMap<>();
        applicant.put("name", "和志强");
        applicant.put("sex", "MALE");
        applicant.put("idNumber", ID_NUMBER);
        applicant.put("address", "鹤庆县云鹤镇");
        Map<String, Object> body = new HashMap<>();
        body.put("application", LegalAidFlow.wageClaim(region));
        body.put("applicant", applicant);
        body.put("identityChecked", checked);
        return body;
    }

    private static Response enter(Account who, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON).body(body)
                .post("/api/aid/applications/window");
    }

    @Test
    void theCentreEntersAWalkInAttachesTheMaterialsAndSubmitsItAndItIsCountedLikeAnAppCase() {
        Fixtures.County c = Fixtures.county();
        Response r = enter(c.aidOfficer(), window(c.villageA1(), true));
        r.then().statusCode(201).body("summary.status", equalTo("DRAFT")).body("intake", equalTo("WINDOW"))
                .body("window.applicant.name", equalTo("和志强")).body("window.applicant.idNumber", equalTo(ID_NUMBER))
                .body("window.enteredBy", equalTo(c.aidOfficer().id.toString()))
                .body("timeline[0].note", containsString("窗口代为录入"));
        String id = r.jsonPath().getString("summary.id");
        // the same rules as the app: the required materials first
        LegalAidFlow.post(c.aidOfficer(), id, "submit", null).statusCode(400).body("errors[0].field", equalTo("materials"));
        LegalAidFlow.upload(c.aidOfficer(), id, "IDENTITY", LegalAidFlow.PNG, "id.png").statusCode(201);
        LegalAidFlow.upload(c.aidOfficer(), id, "CASE_MATERIALS", LegalAidFlow.PDF, "wages.pdf").statusCode(201);
        LegalAidFlow.post(c.aidOfficer(), id, "submit", null).statusCode(400)
                .body("errors[0].message", containsString(RequiredMaterials.label(MaterialCategory.FINANCIAL_STATUS)));
        LegalAidFlow.upload(c.aidOfficer(), id, "FINANCIAL_STATUS", LegalAidFlow.PDF, "income.pdf").statusCode(201);
        Response submitted = given().auth().oauth2(Fixtures.token(c.aidOfficer())).post("/api/aid/applications/" + id + "/submit");
        submitted.then().statusCode(200).body("summary.status", equalTo("SUBMITTED"));
        LegalAidFlow.post(c.aidOfficer(), id, "receive", null).statusCode(200);
        LegalAidFlow.post(c.aidOfficer(), id, "grant", Map.of("reason", "符合经济困难标准")).statusCode(200);
        assertEquals(List.of("LEGAL_AID_APPLICATION_RECEIVED", "LEGAL_AID_GRANTED"),
                Fixtures.column("select kind from ledger_event where source_id = ?1 order by id", String.class,
                        UUID.fromString(id)));
        // the watching 司法所 of the county's bureau sees the applicant masked
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/aid/applications/" + id).then()
                .statusCode(200).body("window.applicant.idNumber", equalTo("5329**********" + ID_NUMBER.substring(14)));
    }

    @Test
    void aWindowDraftIsTheCentresAndOnlyForItsOwnAreaWithTheIdentityChecked() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        enter(resident, window(c.villageA1(), true)).then().statusCode(403);
        enter(c.aidOfficer(), window(c.villageA1(), false)).then().statusCode(400)
                .body("errors[0].field", equalTo("identityChecked"));
        Map<String, Object> badId = window(c.villageA1(), true);
        @SuppressWarnings("unchecked") Map<String, Object> applicant = (Map<String, Object>) badId.get("applicant");
        applicant.put("idNumber", ID_NUMBER.substring(0, 17) + (ID_NUMBER.endsWith("1") ? "2" : "1"));
        enter(c.aidOfficer(), badId).then().statusCode(400).body("errors[0].field", equalTo("applicant.idNumber"));
        Fixtures.County other = Fixtures.county();
        enter(c.aidOfficer(), window(other.villageA1(), true)).then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        String id = enter(c.aidOfficer(), window(c.villageA1(), true)).then().statusCode(201).extract().path("summary.id");
        given().auth().oauth2(Fixtures.token(resident)).get("/api/aid/applications/" + id).then().statusCode(404);
        given().auth().oauth2(Fixtures.token(other.aidOfficer())).get("/api/aid/applications/" + id).then().statusCode(404);
        // an app draft stays the applicant's own business
        String appDraft = LegalAidFlow.create(resident, LegalAidFlow.wageClaim(c.villageA1()));
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).get("/api/aid/applications/" + appDraft).then().statusCode(404);
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).post("/api/aid/applications/" + appDraft + "/submit")
                .then().statusCode(404);
    }
}
