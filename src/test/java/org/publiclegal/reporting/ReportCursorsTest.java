package org.publiclegal.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The adjustment list of a closed period and the reconciliation differences page on with a cursor; the first
 * page is what the report (or the reconciliation) lists.
 */
@QuarkusTest
class ReportCursorsTest {

    private static LocalDate today() {
        return LocalDate.now(TimeSource.CHINA);
    }

    private static void lateScreening(Account who, String village, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("screenedOn", on.toString());
        body.put("place", "村委会");
        body.put("regionCode", village);
        body.put("householdsVisited", 10);
        body.put("disputesFound", 1);
        body.put("riskLevel", "LOW");
        given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON).body(body)
                .header("Adjustment-Reason", URLEncoder.encode("纸质台账补录", StandardCharsets.UTF_8))
                .post("/api/mediation/screenings").then().statusCode(201);
    }

    private static JsonPath page(String token, String path, Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query).get(path).then().statusCode(200).extract().jsonPath();
    }

    /** Every page's items in order, following nextCursor. */
    private static List<String> allPages(String token, String path, Map<String, Object> query, String idPath) {
        List<String> ids = new ArrayList<>();
        Map<String, Object> q = new HashMap<>(query);
        for (int pages = 0; pages < 10; pages++) {
            JsonPath p = page(token, path, q);
            List<String> items = p.getList(idPath).stream().map(String::valueOf).toList();
            assertEquals(true, items.size() <= 2, "limit 2: " + items);
            ids.addAll(items);
            String next = p.getString("nextCursor");
            if (next == null) {
                return ids;
            }
            q.put("cursor", next);
        }
        throw new AssertionError("no last page");
    }

    @Test
    void theAdjustmentsOfAClosedYearPageOnFromTheReportsFirstPage() {
        Fixtures.County c = Fixtures.county();
        int lastYear = today().getYear() - 1;
        String bureau = Fixtures.token(c.bureauAdmin());
        given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("region", c.county(), "year", lastYear)).post("/api/reports/closed-periods").then()
                .statusCode(201);
        for (int i = 0; i < 5; i++) {
            lateScreening(c.officeStaffA(), c.villageA1(), LocalDate.of(lastYear, 12, 1 + i));
        }
        JsonPath report = given().auth().oauth2(bureau).queryParam("region", c.county()).queryParam("year", lastYear)
                .get("/api/reports/annual").then().statusCode(200).extract().jsonPath();
        assertEquals(5, report.getInt("adjustmentCount"));
        List<String> listed = report.getList("adjustments.eventId", Object.class).stream().map(String::valueOf).toList();
        assertEquals(5, listed.size());
        assertNull(report.getString("adjustmentsNextCursor"), "all five fit the report's first page");

        Map<String, Object> query = Map.of("region", c.county(), "from", lastYear + "-01-01", "to", lastYear + "-12-31",
                "limit", 2);
        assertEquals(listed, allPages(bureau, "/api/reports/closed-periods/adjustments", query, "items.eventId"));
        // the township's own list; an open period has none; a bad cursor is a problem
        assertEquals(5, allPages(Fixtures.token(c.officeStaffA()), "/api/reports/closed-periods/adjustments",
                Map.of("region", c.townshipA(), "from", lastYear + "-01-01", "to", lastYear + "-12-31", "limit", 2),
                "items.eventId").size());
        given().auth().oauth2(bureau).queryParam("region", c.county()).queryParam("from", today().withDayOfYear(1).toString())
                .queryParam("to", today().toString()).get("/api/reports/closed-periods/adjustments").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(bureau).queryParams(query).queryParam("cursor", "not-a-cursor")
                .get("/api/reports/closed-periods/adjustments").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_CURSOR"));
        given().auth().oauth2(bureau).queryParam("region", c.county())
                .get("/api/reports/closed-periods/adjustments").then().statusCode(400);
    }

    @Test
    void theReconciliationDifferencesPageOnFromTheFirstPage() {
        Fixtures.County c = Fixtures.county();
        LocalDate today = today();
        String bureau = Fixtures.token(c.bureauAdmin());
        for (int i = 0; i < 5; i++) {
            UUID planted = UUID.randomUUID();
            Fixtures.run(s -> s.createNativeQuery("insert into med_screening (id, organisation_id, recorded_by, "
                            + "region_code, screened_on, place, households_visited, disputes_found, risk_level, created_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, '直接写表', 1, 0, 'LOW', now())")
                    .setParameter(1, planted).setParameter(2, c.officeA().id).setParameter(3, c.officeStaffA().id)
                    .setParameter(4, c.villageA1()).setParameter(5, today).executeUpdate());
        }
        JsonPath result = given().auth().oauth2(bureau).queryParam("region", c.county()).queryParam("year", today.getYear())
                .get("/api/admin/ledger/reconcile").then().statusCode(200).extract().jsonPath();
        List<String> listed = result.getList("figures.find { it.key == 'mediation.screenings' }.differences.sourceId",
                String.class);
        assertEquals(5, listed.size());
        assertNull(result.getString("figures.find { it.key == 'mediation.screenings' }.nextCursor"));

        Map<String, Object> query = Map.of("region", c.county(), "year", today.getYear(), "limit", 2);
        String path = "/api/admin/ledger/reconcile/mediation.screenings/differences";
        assertEquals(listed, allPages(bureau, path, query, "items.sourceId"));
        JsonPath first = page(bureau, path, query);
        assertNotNull(first.getString("nextCursor"));
        assertEquals(0, first.getInt("items[0].inLedger"));
        // a figure without a source table, and another county's bureau
        given().auth().oauth2(bureau).queryParams(query).get("/api/admin/ledger/reconcile/mediation.committees/differences")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.token(Fixtures.county().bureauAdmin())).queryParams(query).get(path).then()
                .statusCode(404);
    }
}
