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
        Fixtures.sql("update committee_membership m set valid_from = ?1 from account a where a.id = m.account_id "
                + "and a.region_code >= ?2 and a.region_code < ?3 returning m.id",
                since, c.county().substring(0, 6), c.county().substring(0, 6) + ":");
    }

    /** A figure on one day: /api/metrics for the span ending that day reads the registers as of that day. */
    private static int onDay(Account who, String region, String key, LocalDate day) {
        return given().auth().oauth2(Fixtures.token(who)).queryParam("region", region)
                .queryParam("from", day.withDayOfYear(1).toString()).queryParam("to", day.toString())
                .queryParam("keys", key).get("/api/metrics").then().statusCode(200).extract().jsonPath()
                .getInt("values[0].value");
    }

    private static String membershipOf(Account mediator, String token) {
        JsonPath page = given().auth().oauth2(token).get("/api/staff/" + mediator.id + "/memberships").then()
                .statusCode(200).extract().jsonPath();
        List<String> open = page.getList("items.findAll { it.active }.id", String.class);
        assertEquals(1, open.size(), page.prettify());
        return open.get(0);
    }

    private static io.restassured.response.ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void movingAMediatorToAnotherCommitteeTodayKeepsLastYearsFiguresAndDrillDowns() {
        Fixtures.County c = Fixtures.county();
        Account mover = Fixtures.mediator(c.committeeA());
        Account stays = Fixtures.mediator(c.committeeB());
        servingSinceLastYear(c);
        int thisYear = today().getYear();
        int lastYear = thisYear - 1;
        Account admin = c.bureauAdmin();
        String bureau = Fixtures.token(admin);
        String officeA = Fixtures.token(c.officeStaffA());
        assertEquals(List.of(mover.id.toString()), counted(admin, c.townshipA(), "mediation.mediators", lastYear, 1));
        String first = membershipOf(mover, officeA);

        // joining B while still a member of A overlaps: 409, nothing written
        post(bureau, "/api/staff/" + mover.id + "/memberships", Map.of("committeeId", c.committeeB().id.toString(),
                "from", today().toString(), "reason", "调入乙镇")).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("CONFLICT"));
        // the 司法所 of A ends the membership in its committee; it may not add one in B's township
        post(officeA, "/api/staff/" + mover.id + "/memberships/" + first + "/end",
                Map.of("on", today().toString(), "reason", "调离甲镇")).statusCode(200)
                .body("validTo", equalTo(today().toString())).body("active", equalTo(false));
        post(officeA, "/api/staff/" + mover.id + "/memberships/" + first + "/end",
                Map.of("on", today().toString(), "reason", "再次")).statusCode(409);
        post(officeA, "/api/staff/" + mover.id + "/memberships", Map.of("committeeId", c.committeeB().id.toString(),
                "from", today().toString(), "reason", "调入乙镇")).statusCode(403)
                .contentType("application/problem+json");
        post(bureau, "/api/staff/" + mover.id + "/memberships", Map.of("committeeId", c.committeeB().id.toString(),
                "from", today().toString(), "reason", "调入乙镇")).statusCode(201)
                .body("committeeId", equalTo(c.committeeB().id.toString())).body("validFrom", equalTo(today().toString()));
        // a 司法所 or 律所 is not a committee; a day out of bounds is refused
        post(bureau, "/api/staff/" + stays.id + "/memberships", Map.of("committeeId", c.officeB().id.toString(),
                "from", today().plusDays(1).toString(), "reason", "x")).statusCode(400);
        post(bureau, "/api/staff/" + stays.id + "/memberships", Map.of("committeeId", c.committeeA().id.toString(),
                "from", today().plusDays(5).toString(), "reason", "x")).statusCode(400);

        // last year: as reported, figure and drill-down; this year (31 December): the mover counts in B
        assertEquals(List.of(mover.id.toString()), counted(admin, c.townshipA(), "mediation.mediators", lastYear, 1));
        assertEquals(List.of(stays.id.toString()), counted(admin, c.townshipB(), "mediation.mediators", lastYear, 1));
        counted(admin, c.townshipA(), "mediation.mediators", thisYear, 0);
        List<String> b = counted(admin, c.townshipB(), "mediation.mediators", thisYear, 2);
        assertEquals(true, b.contains(mover.id.toString()));
        counted(admin, c.county(), "mediation.mediators", lastYear, 2);
        counted(admin, c.county(), "mediation.mediators", thisYear, 2);
        // the account now works in B's committee; the history is listed and audited
        assertEquals(List.of(c.committeeB().id.toString()), Fixtures.column(
                "select organisation_id::text from account where id = ?1", String.class, mover.id));
        given().auth().oauth2(bureau).queryParam("limit", 1).get("/api/staff/" + mover.id + "/memberships").then()
                .statusCode(200).body("items[0].id", equalTo(first))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        assertEquals(2L, Fixtures.column("select count(*) from audit_log where action in ('MEMBERSHIP_ENDED', "
                + "'MEMBERSHIP_ADDED') and object_type = 'committee_membership' and region_code in (?1, ?2)",
                Long.class, c.townshipA(), c.townshipB()).get(0));
        // rejoining A later is a new membership beside the old one; while in B it overlaps
        post(bureau, "/api/staff/" + mover.id + "/memberships/" + first + "/reactivation",
                Map.of("on", today().plusDays(1).toString(), "reason", "回到甲镇")).statusCode(409);
    }

    @Test
    void aMergedVillageLeavesLastYearsVillageCountAndItsDrillDownUnchanged() {
        Fixtures.County c = Fixtures.county();
        int thisYear = today().getYear();
        int lastYear = thisYear - 1;
        Account admin = c.bureauAdmin();
        String bureau = Fixtures.token(admin);
        counted(admin, c.county(), "advisory.villages", lastYear, 3);
        // a township with villages on the register cannot go first; another county's bureau and a 司法所 may not
        post(bureau, "/api/regions/" + c.townshipA() + "/deactivation", Map.of("on", today().toString(),
                "reason", "撤并")).statusCode(409).contentType("application/problem+json");
        post(Fixtures.token(Fixtures.county().bureauAdmin()), "/api/regions/" + c.villageA2() + "/deactivation",
                Map.of("on", today().toString(), "reason", "并入甲一村")).statusCode(403);
        post(Fixtures.token(c.officeStaffA()), "/api/regions/" + c.villageA2() + "/deactivation",
                Map.of("on", today().toString(), "reason", "并入甲一村")).statusCode(403);
        post(bureau, "/api/regions/" + c.county() + "/deactivation", Map.of("on", today().toString(),
                "reason", "x")).statusCode(403);
        post(bureau, "/api/regions/" + c.villageA2() + "/deactivation", Map.of("on", today().toString(),
                "reason", "并入甲一村")).statusCode(200).body("active", equalTo(false))
                .body("validTo", equalTo(today().toString()));
        post(bureau, "/api/regions/" + c.villageA2() + "/deactivation", Map.of("on", today().toString(),
                "reason", "并入甲一村")).statusCode(409);

        List<String> last = counted(admin, c.county(), "advisory.villages", lastYear, 3);
        assertEquals(List.of(c.villageA1(), c.villageA2(), c.villageB1()), last);
        assertEquals(List.of(c.villageA1(), c.villageB1()), counted(admin, c.county(), "advisory.villages", thisYear, 2));
        counted(c.officeStaffA(), c.townshipA(), "advisory.villages", lastYear, 2);
        counted(c.officeStaffA(), c.townshipA(), "advisory.villages", thisYear, 1);
        // the picker no longer offers it; the subtree lists it with its days
        given().queryParam("q", "甲二").queryParam("within", c.county()).get("/api/regions").then().statusCode(200)
                .body("size()", equalTo(0));
        given().get("/api/regions/" + c.villageA2()).then().statusCode(200).body("validTo", equalTo(today().toString()));
        assertEquals(1L, Fixtures.column("select count(*) from audit_log where action = 'REGION_DEACTIVATED' "
                + "and object_id = ?1", Long.class, c.villageA2()).get(0));
    }

    @Test
    void reactivationStartsANewSpanAndKeepsTheOldOne() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        servingSinceLastYear(c);
        Account admin = c.bureauAdmin();
        String bureau = Fixtures.token(admin);
        LocalDate off = today().minusDays(20);
        LocalDate back = today().minusDays(10);
        LocalDate away = today().minusDays(15);
        Map<String, String> deactivate = Map.of("on", off.toString(), "reason", "误停用");
        Map<String, String> reactivate = Map.of("on", back.toString(), "reason", "恢复任职");

        // a serving account cannot be reactivated; a reactivation before the deactivation day is refused
        post(bureau, "/api/staff/" + mediator.id + "/reactivation", reactivate).statusCode(409)
                .contentType("application/problem+json");
        post(bureau, "/api/staff/" + mediator.id + "/deactivation", deactivate).statusCode(200);
        post(bureau, "/api/staff/" + mediator.id + "/reactivation", Map.of("on", off.minusDays(1).toString(),
                "reason", "x")).statusCode(400);
        post(bureau, "/api/staff/" + mediator.id + "/reactivation", reactivate).statusCode(200)
                .body("active", equalTo(true)).body("validFrom", equalTo(back.toString()))
                .body("validTo", org.hamcrest.Matchers.nullValue());
        // served before, not in the gap, again after
        assertEquals(1, onDay(admin, c.townshipA(), "mediation.mediators", off.minusDays(1)));
        assertEquals(0, onDay(admin, c.townshipA(), "mediation.mediators", away));
        assertEquals(1, onDay(admin, c.townshipA(), "mediation.mediators", today()));
        assertEquals(List.of(1L), Fixtures.column("select count(*) from register_past_span where register = 'ACCOUNT' "
                + "and object_id = ?1", Long.class, mediator.id.toString()));

        // the committee the same way
        post(bureau, "/api/organisations/" + c.committeeA().id + "/deactivation", deactivate).statusCode(200);
        post(bureau, "/api/organisations/" + c.committeeA().id + "/reactivation", reactivate).statusCode(200)
                .body("active", equalTo(true)).body("validFrom", equalTo(back.toString()));
        // (the township has its own committee and 甲一村's)
        assertEquals(2, onDay(admin, c.townshipA(), "mediation.committees", off.minusDays(1)));
        assertEquals(1, onDay(admin, c.townshipA(), "mediation.committees", away));
        assertEquals(2, onDay(admin, c.townshipA(), "mediation.committees", today()));

        // a village merged by mistake: undone from the same day, it never left the register
        post(bureau, "/api/regions/" + c.villageB1() + "/reactivation", reactivate).statusCode(409);
        post(bureau, "/api/regions/" + c.villageB1() + "/deactivation", deactivate).statusCode(200);
        post(bureau, "/api/regions/" + c.villageB1() + "/reactivation", Map.of("on", off.toString(), "reason", "撤销误操作"))
                .statusCode(200).body("validFrom", equalTo("2000-01-01")).body("active", equalTo(true));
        assertEquals(3, onDay(admin, c.county(), "advisory.villages", away));

        // a membership ended, then rejoined: a new row beside the old one
        String membership = membershipOf(mediator, bureau);
        post(bureau, "/api/staff/" + mediator.id + "/memberships/" + membership + "/end",
                Map.of("on", back.toString(), "reason", "调离")).statusCode(200);
        String again = post(bureau, "/api/staff/" + mediator.id + "/memberships/" + membership + "/reactivation",
                Map.of("on", today().toString(), "reason", "调回")).statusCode(201)
                .body("validFrom", equalTo(today().toString())).extract().path("id");
        assertEquals(false, again.equals(membership));
        assertEquals(0, onDay(admin, c.townshipA(), "mediation.mediators", today().minusDays(1)));
        assertEquals(1, onDay(admin, c.townshipA(), "mediation.mediators", today()));
        for (String action : List.of("STAFF_REACTIVATED", "ORGANISATION_REACTIVATED", "REGION_REACTIVATED",
                "MEMBERSHIP_REACTIVATED")) {
            assertEquals(true, Fixtures.column("select count(*) from audit_log where action = ?1 and region_code like ?2",
                    Long.class, action, c.county().substring(0, 6) + "%").get(0) >= 1, action);
        }
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
