package org.publiclegal.advisory.booking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.advisory.AdvisoryFlow;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Booking an advisor through HTTP: no double booking under a race, limits, the cancellation window, isolation. */
@QuarkusTest
class AdvisoryBookingTest {

    @BeforeAll
    static void logging() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static Instant tomorrowAt(int hour) {
        return AdvisoryFlow.today().plusDays(1).atTime(hour, 0).atZone(TimeSource.CHINA).toInstant();
    }

    private static <T> List<T> parallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyConcurrentBookingsOfOneSlotGiveExactlyOne201TheRest409AndOneRow() throws Exception {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        Instant slot = tomorrowAt(10);
        AdvisoryFlow.session(advisor, slot, slot.plus(30, ChronoUnit.MINUTES), 30);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String token = Fixtures.token(Fixtures.resident());
            calls.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(AdvisoryFlow.booking(advisor, slot, c.villageA1())).post("/api/advisor/bookings"));
        }
        List<Response> responses = parallel(calls);
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(49, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        String time = slot.atZone(TimeSource.CHINA).toLocalDateTime().toString().replace('T', ' ');
        for (Response r : responses) {
            if (r.statusCode() == 409) {
                assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                assertEquals("CONFLICT", r.path("code"));
                assertTrue(r.<String>path("detail").contains(time), r.<String>path("detail"));
            }
        }
        assertEquals(List.of(1L), Fixtures.column("select count(*) from adv_booking where advisor_id = ?1", Long.class,
                advisor.id));
        // the slot is no longer offered
        given().auth().oauth2(Fixtures.token(Fixtures.resident())).queryParam("from", AdvisoryFlow.today().toString())
                .queryParam("to", AdvisoryFlow.today().plusDays(1).toString())
                .get("/api/advisors/" + advisor.id + "/slots").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyMakeOneBooking() throws Exception {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        Instant slot = tomorrowAt(9);
        AdvisoryFlow.session(advisor, slot, slot.plus(60, ChronoUnit.MINUTES), 30);
        String token = Fixtures.token(Fixtures.resident());
        String key = UUID.randomUUID().toString();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(AdvisoryFlow.booking(advisor, slot, c.villageA1())).post("/api/advisor/bookings").statusCode());
        }
        List<Integer> statuses = parallel(calls);
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        assertTrue(statuses.contains(201), statuses.toString());
        assertEquals(List.of(1L), Fixtures.column("select count(*) from adv_booking where advisor_id = ?1", Long.class,
                advisor.id));
    }

    @Test
    void aResidentHoldsAtMostTwoOpenBookingsWithOneAdvisor() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        Instant first = tomorrowAt(14);
        AdvisoryFlow.session(advisor, first, first.plus(90, ChronoUnit.MINUTES), 30);
        Account resident = Fixtures.resident();
        AdvisoryFlow.book(resident, advisor, first, c.villageA1());
        AdvisoryFlow.book(resident, advisor, first.plus(30, ChronoUnit.MINUTES), c.villageA1());
        given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON)
                .body(AdvisoryFlow.booking(advisor, first.plus(60, ChronoUnit.MINUTES), c.villageA1()))
                .post("/api/advisor/bookings").then().statusCode(409)
                .body("detail", containsString("最多 2 个"));
        // another resident may take the third slot
        AdvisoryFlow.book(Fixtures.resident(), advisor, first.plus(60, ChronoUnit.MINUTES), c.villageA1());
    }

    @Test
    void aSlotTheAdvisorDoesNotOfferIsRefusedAndBadInputIsA400() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        Instant slot = tomorrowAt(10);
        AdvisoryFlow.session(advisor, slot, slot.plus(30, ChronoUnit.MINUTES), 30);
        String token = Fixtures.token(Fixtures.resident());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(AdvisoryFlow.booking(advisor, slot.plus(5, ChronoUnit.MINUTES), c.villageA1()))
                .post("/api/advisor/bookings").then().statusCode(409).body("detail", containsString("不是该顾问可预约"));
        Map<String, Object> noVillage = AdvisoryFlow.booking(advisor, slot, c.villageA1());
        noVillage.remove("villageCode");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(noVillage).post("/api/advisor/bookings").then()
                .statusCode(400).body("errors.field", hasItem("villageCode"));
        Map<String, Object> badTopic = AdvisoryFlow.booking(advisor, slot, c.villageA1());
        badTopic.put("topic", "离婚");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(badTopic).post("/api/advisor/bookings").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(token).queryParam("from", AdvisoryFlow.today().toString())
                .queryParam("to", AdvisoryFlow.today().plusDays(31).toString())
                .get("/api/advisors/" + advisor.id + "/slots").then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(token).queryParam("from", AdvisoryFlow.today().toString())
                .queryParam("to", AdvisoryFlow.today().plusDays(1).toString())
                .get("/api/advisors/" + UUID.randomUUID() + "/slots").then().statusCode(404);
        // weekly hours: on site needs an existing village, and hours may not cross midnight
        String advisorToken = Fixtures.token(advisor);
        given().auth().oauth2(advisorToken).contentType(ContentType.JSON)
                .body(Map.of("dayOfWeek", "WEDNESDAY", "startsAt", "09:00", "endsAt", "12:00", "mode", "ON_SITE",
                        "villageCode", c.villageA1().substring(0, 9) + "999", "slotMinutes", 30,
                        "validFrom", AdvisoryFlow.today().toString()))
                .post("/api/advisors/" + advisor.id + "/availability/rules").then().statusCode(400)
                .body("errors.field", hasItem("villageCode"));
        given().auth().oauth2(advisorToken).contentType(ContentType.JSON)
                .body(Map.of("dayOfWeek", "WEDNESDAY", "startsAt", "22:00", "endsAt", "01:00", "mode", "PHONE",
                        "slotMinutes", 30, "validFrom", AdvisoryFlow.today().toString()))
                .post("/api/advisors/" + advisor.id + "/availability/rules").then().statusCode(400)
                .body("errors.field", hasItem("endsAt"));
        // another advisor may not change this advisor's hours
        given().auth().oauth2(Fixtures.token(AdvisoryFlow.advisor(c))).contentType(ContentType.JSON)
                .body(Map.of("dayOfWeek", "WEDNESDAY", "startsAt", "09:00", "endsAt", "12:00", "mode", "PHONE",
                        "slotMinutes", 30, "validFrom", AdvisoryFlow.today().toString()))
                .post("/api/advisors/" + advisor.id + "/availability/rules").then().statusCode(403);
    }

    @Test
    void cancellingInsideTheNoticePeriodIsLateAndOutsideItIsFreeAndTheSlotIsOfferedAgain() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        Instant soon = TestClock.now().plus(61, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        Instant later = soon.plus(3, ChronoUnit.HOURS);
        AdvisoryFlow.session(advisor, soon, soon.plus(30, ChronoUnit.MINUTES), 30);
        AdvisoryFlow.session(advisor, later, later.plus(30, ChronoUnit.MINUTES), 30);
        Account resident = Fixtures.resident();
        UUID near = AdvisoryFlow.book(resident, advisor, soon, c.villageA1());
        UUID far = AdvisoryFlow.book(resident, advisor, later, c.villageA1());
        String token = Fixtures.token(resident);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "临时有事"))
                .post("/api/advisor/bookings/" + near + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("lateCancellation", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/api/advisor/bookings/" + far + "/cancellation").then().statusCode(200)
                .body("lateCancellation", equalTo(false));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/api/advisor/bookings/" + far + "/cancellation").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION"));
        // both slots are free again, and another resident can take one
        given().auth().oauth2(token).queryParam("from", AdvisoryFlow.today().toString())
                .queryParam("to", AdvisoryFlow.today().plusDays(1).toString())
                .get("/api/advisors/" + advisor.id + "/slots").then().statusCode(200)
                .body("start", hasItem(soon.toString())).body("start", hasItem(later.toString()));
        AdvisoryFlow.book(Fixtures.resident(), advisor, later, c.villageA1());
    }

    @Test
    void onlyTheResidentTheAdvisorAndTheVillagesOfficeSeeABookingOthersGet404() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        Account otherAdvisor = AdvisoryFlow.advisor(c);
        Instant slot = tomorrowAt(11);
        AdvisoryFlow.session(advisor, slot, slot.plus(30, ChronoUnit.MINUTES), 30);
        Account resident = Fixtures.resident();
        UUID id = AdvisoryFlow.book(resident, advisor, slot, c.villageA1());
        String path = "/api/advisor/bookings/" + id;
        given().auth().oauth2(Fixtures.token(otherAdvisor)).get(path).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Fixtures.token(Fixtures.resident())).get(path).then().statusCode(404);
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).get(path).then().statusCode(404);
        given().auth().oauth2(Fixtures.token(resident)).get(path).then().statusCode(200)
                .body("description", containsString("宅基地"));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get(path).then().statusCode(200)
                .body("description", nullValue());
        given().auth().oauth2(Fixtures.token(advisor)).get(path).then().statusCode(200)
                .body("description", containsString("宅基地"));
        assertEquals(List.of(1L), Fixtures.column("select count(*) from audit_log where object_type = 'adv_booking' "
                + "and object_id = ?1 and action = 'PERSONAL_DATA_READ'", Long.class, id.toString()));
        // the other advisor may not act on it either (404, not 403: its existence is not disclosed)
        given().auth().oauth2(Fixtures.token(otherAdvisor)).post(path + "/confirmation").then().statusCode(404);
        // lists: each sees only their own
        given().auth().oauth2(Fixtures.token(otherAdvisor)).get("/api/advisor/bookings").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
        given().auth().oauth2(Fixtures.token(advisor)).get("/api/advisor/bookings").then().statusCode(200)
                .body("items.id", hasItem(id.toString()));
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).get("/api/advisor/bookings").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/advisor/bookings").then().statusCode(200)
                .body("items.id", hasItem(id.toString()));
    }

    @Test
    void aCompletedBookingWritesItsServiceRecordAndABadRatingGetsTheOfficesCallback() {
        Fixtures.County c = Fixtures.county();
        Account advisor = AdvisoryFlow.advisor(c);
        Instant slot = tomorrowAt(15);
        AdvisoryFlow.session(advisor, slot, slot.plus(30, ChronoUnit.MINUTES), 30);
        Account resident = Fixtures.resident();
        UUID id = AdvisoryFlow.book(resident, advisor, slot, c.villageA1());
        String path = "/api/advisor/bookings/" + id;
        String advisorToken = Fixtures.token(advisor);
        given().auth().oauth2(Fixtures.token(resident)).post(path + "/confirmation").then().statusCode(403);
        given().auth().oauth2(advisorToken).post(path + "/confirmation").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("allowed", hasItem("complete"));
        given().auth().oauth2(advisorToken).contentType(ContentType.JSON).body(Map.of("summary", "解答宅基地确权问题"))
                .post(path + "/completion").then().statusCode(409).body("detail", containsString("尚未开始"));
        TestClock.advance(Duration.between(TestClock.now(), slot).plusMinutes(5));
        String record = given().auth().oauth2(advisorToken).contentType(ContentType.JSON)
                .body(Map.of("summary", "解答宅基地确权问题", "personsServed", 2))
                .post(path + "/completion").then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("serviceRecordId", notNullValue()).extract().path("serviceRecordId");
        given().auth().oauth2(advisorToken).get("/api/advisor/services/" + record).then().statusCode(200)
                .body("kind", equalTo("CONSULTATION")).body("durationMinutes", equalTo(30))
                .body("bookingId", equalTo(id.toString()));
        String residentToken = Fixtures.token(resident);
        given().auth().oauth2(residentToken).contentType(ContentType.JSON).body(Map.of("rating", 6))
                .post(path + "/rating").then().statusCode(400);
        given().auth().oauth2(residentToken).contentType(ContentType.JSON)
                .body(Map.of("rating", 2, "comment", "等了很久")).post(path + "/rating").then().statusCode(200)
                .body("rating", equalTo(2)).body("callbackDueAt", notNullValue());
        given().auth().oauth2(residentToken).contentType(ContentType.JSON).body(Map.of("rating", 5))
                .post(path + "/rating").then().statusCode(409);
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/advisor/bookings/bad-ratings").then()
                .statusCode(200).body("bookingId", hasItem(id.toString()));
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).get("/api/advisor/bookings/bad-ratings").then()
                .statusCode(200).body("bookingId", not(hasItem(id.toString())));
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).contentType(ContentType.JSON)
                .body(Map.of("note", "x")).post(path + "/callback").then().statusCode(404);
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).contentType(ContentType.JSON)
                .body(Map.of("note", "已电话回访，顾问致歉并另约时间")).post(path + "/callback").then().statusCode(200)
                .body("callbackAt", notNullValue());
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/advisor/bookings/bad-ratings").then()
                .statusCode(200).body("bookingId", not(hasItem(id.toString())));
        given().auth().oauth2(residentToken).get("/api/advisors/" + advisor.id).then().statusCode(200)
                .body("ratings", equalTo(1)).body("badRatings", equalTo(1)).body("averageRating", equalTo(2.0f));
    }
}
