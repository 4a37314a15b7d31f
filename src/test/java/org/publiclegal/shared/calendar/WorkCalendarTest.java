package org.publiclegal.shared.calendar;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deadlines in both counting modes against the holiday calendar kept in the database. */
@QuarkusTest
class WorkCalendarTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    WorkCalendar calendar;

    private Instant deadline(LocalDate start, int days, DayCounting counting) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                calendar.deadline(start.atTime(10, 0).atZone(CHINA).toInstant(), days, counting)));
    }

    @Test
    void workingDayDeadlinesSkipTheHolidaysTheAdministratorEntered() throws Throwable {
        String admin = Fixtures.systemAdminToken(Fixtures.county());
        // a fictitious holiday week in 2031, with an adjusted working Saturday
        for (int d = 6; d <= 10; d++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY", "name", "测试假期"))
                    .put(String.format("/api/calendar/days/2031-01-%02d", d)).then().statusCode(204);
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("kind", "WORKDAY", "name", "调休上班"))
                .put("/api/calendar/days/2031-01-11").then().statusCode(204);
        given().get("/api/calendar/days?year=2031").then().statusCode(200)
                .body("day", hasItem("2031-01-11")).body("find { it.day == '2031-01-11' }.kind", equalTo("WORKDAY"));

        // received Friday 3 January 2031; 7 working days: 11 (Sat, adjusted), 13–17 January, then 20 January
        assertEquals(LocalDate.of(2031, 1, 21).atStartOfDay(CHINA).toInstant(),
                deadline(LocalDate.of(2031, 1, 3), 7, DayCounting.WORKING));
        // calendar days: 3 + 7 = 10 January, a holiday, so the period ends on the next working day, the
        // adjusted Saturday 11 January (民法典 Art. 203), at midnight
        assertEquals(LocalDate.of(2031, 1, 12).atStartOfDay(CHINA).toInstant(),
                deadline(LocalDate.of(2031, 1, 3), 7, DayCounting.CALENDAR));

        given().auth().oauth2(admin).delete("/api/calendar/days/2031-01-11").then().statusCode(204);
        assertEquals(LocalDate.of(2031, 1, 22).atStartOfDay(CHINA).toInstant(),
                deadline(LocalDate.of(2031, 1, 3), 7, DayCounting.WORKING));
        // without the adjusted Saturday the calendar period rolls past the weekend to Monday 13 January
        assertEquals(LocalDate.of(2031, 1, 14).atStartOfDay(CHINA).toInstant(),
                deadline(LocalDate.of(2031, 1, 3), 7, DayCounting.CALENDAR));
        given().auth().oauth2(admin).delete("/api/calendar/days/2031-01-11").then().statusCode(404);
    }

    @Test
    void onlyTheSystemAdministratorEditsTheCalendar() {
        Fixtures.County c = Fixtures.county();
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "x")).put("/api/calendar/days/2031-02-01").then().statusCode(403);
        given().auth().oauth2(Fixtures.systemAdminToken(c)).contentType(ContentType.JSON)
                .body(Map.of("kind", "VACATION", "name", "x")).put("/api/calendar/days/2031-02-01").then().statusCode(400);
    }
}
