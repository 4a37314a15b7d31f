package org.publiclegal.legalaid;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.calendar.DayCounting;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.validation.ChineseIdNumber;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 13: 通知辩护 registered by the centre from a notice; Art. 36's clock from receipt; Art. 26's lawyer. */
@QuarkusTest
class NoticeDefenceTest {

    private static LocalDate today() {
        return TestClock.today();
    }

    private static Map<String, Object> notice(String number, LocalDate receivedOn, String ground) {
        Map<String, Object> person = new HashMap<>();
        person.put("name", "李明华");
        person.put("sex", "MALE");
        person.put("idNumber", ChineseIdNumber.Validator.withCheckCharacter("53293219800101123"));
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "DEFENCE");
        body.put("bodyKind", "COURT");
        body.put("bodyName", "鹤庆县人民法院");
        body.put("documentNumber", number);
        body.put("receivedOn", receivedOn.toString());
        body.put("grounds", List.of(ground));
        body.put("caseSummary", "故意杀人案，被告人可能被判处无期徒刑以上刑罚");
        body.put("person", person);
        return body;
    }

    private static Response register(Account who, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON).body(body)
                .post("/api/aid/applications/notices");
    }

    private static ValidatableResponse post(Account who, String id, String step, Object body) {
        var r = given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON);
        if (body != null) {
            r.body(body);
        }
        return r.post("/api/aid/applications/" + id + "/" + step).then();
    }

    /** Records the lawyer's practice (执业信息, kept by the advisory module) with their first year of practice. */
    private static void practiceSince(Account lawyer, int firstYear) {
        Fixtures.run(s -> s.createNativeQuery("""
                        insert into adv_advisor (account_id, practice_category, licence_number, organisation_id, region_code,
                                                 first_practice_year, registered_by, created_at)
                        values (?1, 'LAWYER', ?2, ?3, ?4, ?5, ?1, now())""")
                .setParameter(1, lawyer.id).setParameter(2, "1532" + UUID.randomUUID().toString().substring(0, 12))
                .setParameter(3, lawyer.organisationId).setParameter(4, lawyer.regionCode).setParameter(5, firstYear)
                .executeUpdate());
    }

    @Test
    void aDeathPenaltyNoticeMeetsItsThreeDayClockFromReceiptAndRefusesAnInexperiencedLawyer() {
        Fixtures.County c = Fixtures.county();
        LocalDate received = today().minusDays(1);
        String number = "（" + today().getYear() + "）云2932刑初" + UUID.randomUUID().toString().substring(0, 6) + "号";
        Response r = register(c.aidOfficer(), notice(number, received, "LIFE_OR_DEATH_PENALTY"));
        r.then().statusCode(201).contentType(containsString("json"))
                .body("summary.status", equalTo("GRANTED")).body("summary.matter", equalTo("CRIMINAL_DEFENCE"))
                .body("notice.bodyName", equalTo("鹤庆县人民法院")).body("notice.documentNumber", equalTo(number))
                .body("notice.receivedOn", equalTo(received.toString())).body("notice.person.name", equalTo("李明华"))
                .body("summary.nextStep.description", containsString("第三十六条"))
                .body("decisionReason", containsString("第二十五条"));
        String id = r.jsonPath().getString("summary.id");
        // Art. 36: three days from the day the notice was received, to 24:00 China time (rolled past rest days)
        assertEquals(WorkCalendar.endOf(DayCounting.CALENDAR.lastDay(received, 3, Map.of())),
                Instant.parse(r.jsonPath().getString("deadlines.assignmentDueAt")));
        // counted as received and granted on the date the notice was received
        Instant start = received.atStartOfDay(TimeSource.CHINA).toInstant();
        List<Object[]> events = Fixtures.sql("select kind, occurred_at from ledger_event where source_id = ?1 order by id",
                UUID.fromString(id));
        assertEquals(List.of("LEGAL_AID_APPLICATION_RECEIVED", "LEGAL_AID_GRANTED"),
                events.stream().map(e -> (String) e[0]).toList());
        assertEquals(start, ((OffsetDateTime) events.get(0)[1]).toInstant());

        Account junior = Fixtures.lawyer(c.lawFirm());
        practiceSince(junior, today().getYear() - 2);
        post(c.aidOfficer(), id, "assignment", Map.of("lawyerId", junior.id.toString())).statusCode(400)
                .contentType(containsString("problem+json")).body("errors[0].field", equalTo("lawyerId"))
                .body("detail", containsString("第二十六条"));
        Account unrecorded = Fixtures.lawyer(c.lawFirm());
        post(c.aidOfficer(), id, "assignment", Map.of("lawyerId", unrecorded.id.toString())).statusCode(400)
                .body("detail", containsString("首次执业年份"));
        Account senior = Fixtures.lawyer(c.lawFirm());
        practiceSince(senior, today().getYear() - 3);
        post(c.aidOfficer(), id, "assignment", Map.of("lawyerId", senior.id.toString())).statusCode(200)
                .body("summary.status", equalTo("ASSIGNED")).body("summary.lawyerId", equalTo(senior.id.toString()));
        given().auth().oauth2(Fixtures.token(senior)).get("/api/aid/applications/" + id).then().statusCode(200)
                .body("notice.person.name", equalTo("李明华"));

        // the same notice twice is refused
        register(c.aidOfficer(), notice(number, received, "LIFE_OR_DEATH_PENALTY")).then().statusCode(409);
    }

    @Test
    void aMinorsNoticeTakesAnyLawyerOfTheCounty() {
        Fixtures.County c = Fixtures.county();
        String id = register(c.aidOfficer(), notice("N-" + UUID.randomUUID(), today(), "MINOR")).then().statusCode(201)
                .extract().path("summary.id");
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        post(c.aidOfficer(), id, "assignment", Map.of("lawyerId", lawyer.id.toString())).statusCode(200);
        // a notice has no resident account behind it, yet the assigned lawyer is told of the new case once
        post(lawyer, id, "acceptance", null).statusCode(200);
        post(lawyer, id, "progress-notes", Map.of("note", "已会见受援人")).statusCode(200);
        given().auth().oauth2(Fixtures.token(lawyer)).get("/api/notifications").then().statusCode(200)
                .body("items.findAll { it.subjectId == '" + id + "' }.title", equalTo(List.of("新指派的法律援助案件")));
        assertEquals(List.of("LEGAL_AID_APPLICATION_RECEIVED", "LEGAL_AID_GRANTED", "LEGAL_AID_CASE_ASSIGNED"),
                Fixtures.column("select kind from ledger_event where source_id = ?1 order by id", String.class,
                        UUID.fromString(id)));
    }

    @Test
    void onlyTheCentreRegistersNoticesWithValidDatesAndGrounds() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        register(resident, notice("N-1", today(), "MINOR")).then().statusCode(403);
        register(c.officeStaffA(), notice("N-1", today(), "MINOR")).then().statusCode(403);
        register(c.aidOfficer(), notice("N-1", today().plusDays(1), "MINOR")).then().statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        register(c.aidOfficer(), notice("N-1", LocalDate.of(1999, 12, 31), "MINOR")).then().statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        Map<String, Object> noGrounds = notice("N-1", today(), "MINOR");
        noGrounds.put("grounds", List.of());
        register(c.aidOfficer(), noGrounds).then().statusCode(400);
        Map<String, Object> badId = notice("N-1", today(), "MINOR");
        String valid = ChineseIdNumber.Validator.withCheckCharacter("53293219800101123");
        String wrongCheck = valid.substring(0, 17) + (valid.endsWith("1") ? "2" : "1");
        @SuppressWarnings("unchecked") Map<String, Object> person = (Map<String, Object>) badId.get("person");
        person.put("idNumber", wrongCheck);
        register(c.aidOfficer(), badId).then().statusCode(400).body("errors[0].field", equalTo("person.idNumber"));
        Map<String, Object> elsewhere = notice("N-1", today(), "MINOR");
        elsewhere.put("regionCode", "110101000000");
        register(c.aidOfficer(), elsewhere).then().statusCode(400).body("errors[0].field", equalTo("regionCode"));
        assertEquals(0L, Fixtures.column("select count(*) from aid_application where centre_id = ?1", Long.class,
                c.aidCentre().id).get(0), "no half-written record");
    }
}
