package org.publiclegal.advisory;

import org.publiclegal.testing.TestClock;
import io.restassured.http.ContentType;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Advisor test steps through the API: register an advisor, sign contracts, open sessions, book, record services. */
public final class AdvisoryFlow {

    private AdvisoryFlow() {
    }

    public static LocalDate today() {
        return TestClock.today();
    }

    /** A LAWYER of the county's law firm, registered as an advisor by the county's bureau. */
    public static Account advisor(Fixtures.County c) {
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("accountId", lawyer.id, "practiceCategory", "LAWYER",
                        "licenceNumber", "153" + UUID.randomUUID().toString().replace("-", "").substring(0, 14),
                        "firstPracticeYear", 2012))
                .post("/api/advisors").then().statusCode(201);
        return lawyer;
    }

    /** Signs a contract as {@code office} (a 司法所 or 司法局 account); returns its id. */
    public static UUID contract(Account office, Account advisor, List<String> villages, LocalDate from, LocalDate to) {
        return UUID.fromString(given().auth().oauth2(Fixtures.token(office)).contentType(ContentType.JSON)
                .body(Map.of("advisorId", advisor.id, "villageCodes", villages, "startsOn", from.toString(),
                        "endsOn", to.toString()))
                .post("/api/advisor/contracts").then().statusCode(201).extract().path("id"));
    }

    /** An extra phone session of the advisor on [start, end) with slots of {@code minutes}. */
    public static void session(Account advisor, Instant start, Instant end, int minutes) {
        given().auth().oauth2(Fixtures.token(advisor)).contentType(ContentType.JSON)
                .body(Map.of("kind", "EXTRA", "startsAt", start.toString(), "endsAt", end.toString(), "mode", "PHONE",
                        "slotMinutes", minutes))
                .post("/api/advisors/" + advisor.id + "/availability/exceptions").then().statusCode(201);
    }

    /** The body of a phone booking of {@code start} for {@code village}. */
    public static Map<String, Object> booking(Account advisor, Instant start, String village) {
        Map<String, Object> body = new HashMap<>();
        body.put("advisorId", advisor.id);
        body.put("startsAt", start.toString());
        body.put("mode", "PHONE");
        body.put("topic", "LAND_AND_HOMESTEAD");
        body.put("description", "宅基地边界与邻居有争议，想咨询怎么处理");
        body.put("villageCode", village);
        return body;
    }

    /** Books and returns the booking id (201 expected). */
    public static UUID book(Account resident, Account advisor, Instant start, String village) {
        return UUID.fromString(given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON)
                .body(booking(advisor, start, village)).post("/api/advisor/bookings").then().statusCode(201)
                .extract().path("id"));
    }

    /** Records a service as the advisor; returns its id. */
    public static UUID service(Account advisor, String village, Instant at, String kind, Integer attendance) {
        Map<String, Object> body = new HashMap<>();
        body.put("villageCode", village);
        body.put("startedAt", at.toString());
        body.put("durationMinutes", 90);
        body.put("kind", kind);
        body.put("mode", "ON_SITE");
        body.put("summary", "驻村服务：" + kind);
        body.put("personsServed", 3);
        if ("LECTURE".equals(kind)) {
            body.put("lectureTopic", "民法典与农村生活");
            body.put("attendance", attendance);
        }
        return UUID.fromString(given().auth().oauth2(Fixtures.token(advisor)).contentType(ContentType.JSON).body(body)
                .post("/api/advisor/services").then().statusCode(201).extract().path("id"));
    }
}
