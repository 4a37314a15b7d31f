package org.publiclegal.reporting;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 名册按时间登记: deactivating a mediator or a committee today leaves last year's 人民调解员 / 人民调解委员会
 * as reported and takes them out of this year's (read at 31 December); the drill-down lists what the figure counts.
 */
@QuarkusTest
class RegistersTest {

    private static LocalDate today() {
        return TestClock.today();
    }

    /** The county's committees and their staff have served since 1 January last year. */
    private static void servingSinceLastYear(Fixtures.County c) {
        LocalDate since = LocalDate.of(today().getYear() - 1, 1, 1);
        Fixtures.sql("update organisation set valid_from = ?1 where region_code >= ?2 and region_code < ?3 returning id",
                since, c.county().substring(0, 6), c.county().substring(0, 6) + ":");
        Fixtures.sql("update account set valid_from = ?1 where region_code >= ?2 and region_code < ?3 returning id",
                since, c.county().substring(0, 6), c.county().substring(0, 6) + ":");
    }

    private static JsonPath records(Account who, String region, String key, int year) {
        return given().auth().oauth2(Fixtures.token(who)).queryParam("region", region).queryParam("year", year)
                .queryParam("limit", 100).get("/api/reports/annual/" + key + "/records").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The figure and its drill-down agree; returns the ids the drill-down lists. */
    private static List<String> counted(Account who, String region, String key, int year, int expected) {
        JsonPath json = records(who, region, key, year);
        List<String> ids = json.getList("items.id", String.class);
        assertEquals(expected, json.getInt("value"), key + " " + year);
        assertEquals(expected, ids.size(), key + " " + year + " drill-down " + ids);
        return ids;
    }

    private static io.restassured.response.ValidatableResponse deactivate(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void deactivatingAMediatorTodayKeepsLastYearsFigureAndLeavesThisYearsAtYearEnd() {
        Fixtures.County c = Fixtures.county();
        Account kept = Fixtures.mediator(c.committeeA());
        Account leaving = Fixtures.mediator(c.villageCommitteeA1());
        servingSinceLastYear(c);
        int thisYear = today().getYear();
        int lastYear = thisYear - 1;
        Account admin = c.bureauAdmin();
        String region = c.county();
        counted(admin, region, "mediation.mediators", lastYear, 2);
        counted(admin, region, "mediation.mediators", thisYear, 2);

        deactivate(Fixtures.token(admin), "/api/staff/" + leaving.id + "/deactivation",
                Map.of("on", today().toString(), "reason", "调离本村")).statusCode(200)
                .body("active", equalTo(false)).body("validTo", equalTo(today().toString()));

        List<String> last = counted(admin, region, "mediation.mediators", lastYear, 2);
        assertEquals(true, last.contains(leaving.id.toString()));
        assertEquals(List.of(kept.id.toString()), counted(admin, region, "mediation.mediators", thisYear, 1));
        // the township's own figure agrees with the county's
        assertEquals(List.of(kept.id.toString()),
                counted(c.officeStaffA(), c.townshipA(), "mediation.mediators", thisYear, 1));
        assertEquals(1L, Fixtures.column("select count(*) from audit_log where action = 'STAFF_DEACTIVATED' "
                + "and object_id = ?1", Long.class, leaving.id.toString()).get(0));
        // a second deactivation is a conflict, and nothing moves
        deactivate(Fixtures.token(admin), "/api/staff/" + leaving.id + "/deactivation",
                Map.of("on", today().toString(), "reason", "再次停用")).statusCode(409)
                .contentType("application/problem+json");
        counted(admin, region, "mediation.mediators", lastYear, 2);
    }

    @Test
    void deactivatingACommitteeTakesItAndItsMediatorsOutFromItsDayOn() {
        Fixtures.County c = Fixtures.county();
        Fixtures.mediator(c.committeeB());
        Fixtures.mediator(c.committeeA());
        servingSinceLastYear(c);
        int thisYear = today().getYear();
        Account admin = c.bureauAdmin();
        counted(admin, c.county(), "mediation.committees", thisYear - 1, 3);
        // the system administrator may deactivate anywhere
        deactivate(Fixtures.systemAdminToken(Fixtures.county()), "/api/organisations/" + c.committeeB().id
                + "/deactivation", Map.of("on", today().toString(), "reason", "乙镇调委会合并")).statusCode(200)
                .body("active", equalTo(false)).body("validTo", equalTo(today().toString()));

        List<String> committees = counted(admin, c.county(), "mediation.committees", thisYear, 2);
        assertEquals(false, committees.contains(c.committeeB().id.toString()));
        counted(admin, c.county(), "mediation.committees", thisYear - 1, 3);
        counted(admin, c.county(), "mediation.mediators", thisYear, 1);
        counted(admin, c.county(), "mediation.mediators", thisYear - 1, 2);
        assertEquals(1L, Fixtures.column("select count(*) from audit_log where action = 'ORGANISATION_DEACTIVATED' "
                + "and object_id = ?1", Long.class, c.committeeB().id.toString()).get(0));
    }

    @Test
    void deactivationIsScopedValidatedAndAProblemOtherwise() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        String otherBureau = Fixtures.token(Fixtures.county().bureauAdmin());
        Map<String, String> ok = Map.of("on", today().toString(), "reason", "离职");
        // another county's 司法局: out of scope
        deactivate(otherBureau, "/api/staff/" + mediator.id + "/deactivation", ok).statusCode(403)
                .contentType("application/problem+json");
        deactivate(otherBureau, "/api/organisations/" + c.committeeA().id + "/deactivation", ok).statusCode(403)
                .contentType("application/problem+json");
        // not an administrator
        deactivate(Fixtures.token(c.officeStaffA()), "/api/staff/" + mediator.id + "/deactivation", ok)
                .statusCode(403);
        String admin = Fixtures.token(c.bureauAdmin());
        deactivate(admin, "/api/staff/" + UUID.randomUUID() + "/deactivation", ok).statusCode(404)
                .contentType("application/problem+json");
        deactivate(admin, "/api/organisations/" + UUID.randomUUID() + "/deactivation", ok).statusCode(404)
                .contentType("application/problem+json");
        // a resident account is not staff
        deactivate(admin, "/api/staff/" + Fixtures.resident().id + "/deactivation", ok).statusCode(404);
        // the day: required, not after tomorrow, not before the account started serving
        deactivate(admin, "/api/staff/" + mediator.id + "/deactivation",
                Map.of("on", today().plusDays(2).toString(), "reason", "离职")).statusCode(400)
                .contentType("application/problem+json");
        deactivate(admin, "/api/staff/" + mediator.id + "/deactivation", Map.of("reason", "离职")).statusCode(400);
        deactivate(admin, "/api/staff/" + mediator.id + "/deactivation",
                Map.of("on", today().minusDays(1).toString(), "reason", "离职")).statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("启用日期"));
        deactivate(admin, "/api/staff/" + mediator.id + "/deactivation", Map.of("on", today().toString()))
                .statusCode(400);
        // none of the refused requests changed anything
        assertEquals(List.of(true), Fixtures.column("select active from account where id = ?1", Boolean.class,
                mediator.id));
        deactivate(admin, "/api/staff/" + mediator.id + "/deactivation", Map.of("on", today().plusDays(1).toString(),
                "reason", "月底离职")).statusCode(200).body("validTo", equalTo(today().plusDays(1).toString()));
    }
}
