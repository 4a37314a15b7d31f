package org.publiclegal.advisory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Who sees a contract: the 司法所 of a township whose village a 司法局 contracted, the 司法局 of a township's
 * contract, the contracted advisor and the administrator; not the other township's office, not another lawyer.
 */
@QuarkusTest
class ContractScopeTest {

    private static List<String> listed(Account who) {
        return given().auth().oauth2(Fixtures.token(who)).queryParam("limit", 100).get("/api/advisor/contracts")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void aTownshipOfficeSeesTheBureausContractForItsVillageButTheOtherTownshipDoesNot() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        LocalDate today = AdvisoryFlow.today();
        UUID bureaus = AdvisoryFlow.contract(c.bureauAdmin(), advisor, List.of(c.villageA1()), today, today.plusYears(1));

        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/advisor/contracts/" + bureaus).then()
                .statusCode(200).body("villageCodes", equalTo(List.of(c.villageA1())));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("advisor", advisor.id)
                .get("/api/advisor/contracts").then().statusCode(200).body("items.id", equalTo(List.of(bureaus.toString())));
        // township B has none of its villages: outside its scope, so not found (existence not disclosed)
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).get("/api/advisor/contracts/" + bureaus).then()
                .statusCode(404);
        org.junit.jupiter.api.Assertions.assertFalse(listed(c.officeStaffB()).contains(bureaus.toString()));
        // the advisor, the bureau and the administrator see it
        given().auth().oauth2(Fixtures.token(advisor)).get("/api/advisor/contracts/" + bureaus).then().statusCode(200);
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).get("/api/advisor/contracts/" + bureaus).then().statusCode(200);
        given().auth().oauth2(Fixtures.systemAdminToken(c)).get("/api/advisor/contracts/" + bureaus).then().statusCode(200);
    }

    @Test
    void aTownshipOfficeSeesButCannotTerminateTheBureausContract() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        LocalDate today = AdvisoryFlow.today();
        UUID bureaus = AdvisoryFlow.contract(c.bureauAdmin(), advisor, List.of(c.villageA2()), today, today.plusYears(1));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", today.plusDays(1).toString(), "reason", "顾问调离"))
                .post("/api/advisor/contracts/" + bureaus + "/termination").then().statusCode(403);
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", today.plusDays(1).toString(), "reason", "顾问调离"))
                .post("/api/advisor/contracts/" + bureaus + "/termination").then().statusCode(404);
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).get("/api/advisor/contracts/" + bureaus).then()
                .statusCode(200).body("standing", equalTo("IN_FORCE"));
    }

    @Test
    void theBureauSeesATownshipsContractAndAnotherLawyerSeesNone() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        Account other = AdvisoryFlow.advisor(c);
        LocalDate today = AdvisoryFlow.today();
        UUID offices = AdvisoryFlow.contract(c.officeStaffA(), advisor, List.of(c.villageA1()), today, today.plusYears(1));

        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).get("/api/advisor/contracts/" + offices).then()
                .statusCode(200);
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("advisor", advisor.id)
                .get("/api/advisor/contracts").then().statusCode(200).body("items.id", hasItem(offices.toString()));
        given().auth().oauth2(Fixtures.token(other)).get("/api/advisor/contracts/" + offices).then().statusCode(404);
        given().auth().oauth2(Fixtures.token(other)).get("/api/advisor/contracts").then().statusCode(200)
                .body("items.id", not(hasItem(offices.toString())));
        given().auth().oauth2(Fixtures.token(advisor)).get("/api/advisor/contracts").then().statusCode(200)
                .body("items.id", hasItem(offices.toString()));
    }
}
