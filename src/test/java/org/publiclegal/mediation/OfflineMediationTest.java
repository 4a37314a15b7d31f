package org.publiclegal.mediation;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.validation.ChineseIdNumber;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: disputes a mediator enters (walk-in, 主动调解, 移送), concluded by an oral or a paper agreement or
 * ended by a party, counted in the figures exactly like app cases.
 */
@QuarkusTest
class OfflineMediationTest {

    private static final String ID_NUMBER = ChineseIdNumber.Validator.withCheckCharacter("53293219700315123");

    private static LocalDate today() {
        return TestClock.today();
    }

    private static Map<String, Object> person(String name, boolean consented) {
        Map<String, Object> p = new HashMap<>();
        p.put("kind", "PERSON");
        p.put("name", name);
        p.put("sex", "MALE");
        p.put("age", 56);
        p.put("idNumber", ID_NUMBER);
        p.put("address", "云南省大理州鹤庆县云鹤镇示范路12号");
        p.put("phone", "13908720001");
        p.put("consented", consented);
        return p;
    }

    private static Map<String, Object> registration(String origin, String village, LocalDate receivedOn,
                                                    boolean respondentConsented) {
        Map<String, Object> body = new HashMap<>();
        body.put("origin", origin);
        if (origin.equals("APPLIED")) {
            body.put("intakeChannel", "VISIT");
        }
        if (origin.equals("TRANSFERRED")) {
            body.put("transferredByKind", "POLICE_STATION");
            body.put("transferredByName", "鹤庆县公安局云鹤派出所");
        }
        body.put("receivedOn", receivedOn.toString());
        body.put("disputeType", "NEIGHBOUR");
        body.put("facts", "两家因宅基地界址发生争执");
        body.put("claims", "确认界址，拆除越界部分");
        body.put("villageCode", village);
        body.put("preferredMode", "IN_PERSON");
        body.put("parties", List.of(person("杨树林", true), person("杨建国", respondentConsented)));
        return body;
    }

    private static Response register(Account who, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON).body(body)
                .post("/api/mediation/disputes/registrations");
    }

    private static ValidatableResponse post(Account who, String path, Object body) {
        var r = given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON);
        if (body != null) {
            r.body(body);
        }
        return r.post("/api/mediation/disputes" + path).then();
    }

    /** key → value of GET /api/metrics for {@code region}, this year so far. */
    private static Map<String, String> metrics(Account who, String region) {
        Map<String, String> values = new HashMap<>();
        for (Map<String, Object> v : given().auth().oauth2(Fixtures.token(who)).queryParam("region", region)
                .get("/api/metrics").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("values")) {
            values.put((String) v.get("key"), v.get("value") == null ? null
                    : new java.math.BigDecimal(v.get("value").toString()).stripTrailingZeros().toPlainString());
        }
        return values;
    }

    private static List<String> ledger(String id) {
        return Fixtures.column("select kind from ledger_event where source_id = cast(?1 as uuid) order by id",
                String.class, id);
    }

    @Test
    void walkInProactiveAndTransferredCasesAreCountedExactlyLikeAppCases() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        Account bob = Fixtures.residentWithProfile(c.villageA1());

        // a walk-in (来访), both parties consent at the counter: in mediation at once; an oral agreement ends it
        Response walkIn = register(mediator, registration("APPLIED", c.villageA1(), today(), true));
        walkIn.then().statusCode(201).contentType(containsString("json"))
                .body("summary.status", equalTo("IN_MEDIATION")).body("summary.origin", equalTo("APPLIED"))
                .body("intake.channel", equalTo("VISIT")).body("intake.receivedOn", equalTo(today().toString()))
                .body("intake.enteredBy", equalTo(mediator.id.toString()))
                .body("parties[1].idNumber", equalTo(ID_NUMBER)).body("parties[1].sex", equalTo("MALE"))
                .body("parties[1].consentRecordedByMediator", equalTo(true));
        assertEquals(2, walkIn.jsonPath().getMap("invitationCodes").size());
        String walkInId = walkIn.jsonPath().getString("summary.id");
        List<String> partyIds = walkIn.jsonPath().getList("parties.id");
        post(mediator, "/" + walkInId + "/agreement/oral", Map.of("content", "以原界桩为界，杨建国三日内拆除越界围墙",
                "agreedPartyIds", partyIds, "performanceDueOn", today().plusDays(3).toString()))
                .statusCode(200).body("summary.status", equalTo("SUCCEEDED"))
                .body("agreement.form", equalTo("ORAL")).body("agreement.agreedBy", equalTo("申请人、被申请人1"))
                .body("agreement.oralContent", containsString("原界桩"));
        given().auth().oauth2(Fixtures.token(mediator)).get("/api/mediation/disputes/" + walkInId + "/agreement/document")
                .then().statusCode(400).body("detail", containsString("口头协议"));
        assertEquals(List.of("MEDIATION_DISPUTE_RECEIVED", "MEDIATION_DISPUTE_ACCEPTED", "MEDIATION_SUCCEEDED"),
                ledger(walkInId));

        // 主动调解: one party has not yet agreed; the mediator records the consent given later by phone
        Response proactive = register(mediator, registration("PROACTIVE", c.villageA2(), today(), false));
        proactive.then().statusCode(201).body("summary.status", equalTo("ACCEPTED"));
        String proactiveId = proactive.jsonPath().getString("summary.id");
        String respondent = proactive.jsonPath().getString("parties[1].id");
        post(mediator, "/" + proactiveId + "/parties/" + respondent + "/consent", Map.of("consented", true))
                .statusCode(200).body("summary.status", equalTo("IN_MEDIATION"));
        post(mediator, "/" + proactiveId + "/parties/" + respondent + "/consent", Map.of("consented", true))
                .statusCode(409);
        // the agreement is signed on paper: its scan is uploaded as evidence first
        byte[] pdf = "%PDF-1.4\n1 0 obj\n".getBytes();
        String scan = given().auth().oauth2(Fixtures.token(mediator)).multiPart("file", "协议书.pdf", pdf, "application/pdf")
                .post("/api/mediation/disputes/" + proactiveId + "/evidence").then().statusCode(201).extract().path("id");
        Map<String, Object> paper = new HashMap<>();
        paper.put("facts", "宅基地界址争议");
        paper.put("responsibilities", "双方各自承担");
        paper.put("terms", List.of(Map.of("content", "拆除越界围墙", "performanceMethod", "自行拆除",
                "deadline", today().plusDays(5).toString())));
        paper.put("scanEvidenceId", UUID.randomUUID().toString());
        post(mediator, "/" + proactiveId + "/agreement/paper", paper).statusCode(400)
                .body("errors[0].field", equalTo("scanEvidenceId"));
        paper.put("scanEvidenceId", scan);
        post(mediator, "/" + proactiveId + "/agreement/paper", paper).statusCode(200)
                .body("summary.status", equalTo("SUCCEEDED")).body("agreement.form", equalTo("PAPER"))
                .body("agreement.scanEvidenceId", equalTo(scan));
        given().auth().oauth2(Fixtures.token(mediator)).get("/api/mediation/disputes/" + proactiveId + "/agreement/document")
                .then().statusCode(200).body(containsString("已在纸质协议书上签名"));

        // 移送 from a police station: the respondent later claims the case in the app and ends it (Art. 23)
        Response transferred = register(mediator, registration("TRANSFERRED", c.villageA1(), today(), true));
        transferred.then().statusCode(201).body("intake.transferredByKind", equalTo("POLICE_STATION"))
                .body("intake.transferredByName", equalTo("鹤庆县公安局云鹤派出所"));
        String transferredId = transferred.jsonPath().getString("summary.id");
        String bobsCode = transferred.jsonPath().<String, String>getMap("invitationCodes")
                .get(transferred.jsonPath().getString("parties[1].id"));
        post(bob, "/invitations", Map.of("code", bobsCode)).statusCode(200).body("summary.id", equalTo(transferredId));
        post(bob, "/" + transferredId + "/termination", Map.of("reason", "不再调解，准备起诉")).statusCode(200)
                .body("summary.status", equalTo("FAILED"))
                .body("failureReason", equalTo("被申请人1要求终止调解（人民调解法第二十三条）：不再调解，准备起诉"))
                .body("otherRoutes", containsString("人民法院"));
        assertEquals(List.of("MEDIATION_DISPUTE_RECEIVED", "MEDIATION_DISPUTE_ACCEPTED", "MEDIATION_FAILED"),
                ledger(transferredId));
        given().auth().oauth2(Fixtures.token(mediator)).get("/api/notifications").then().statusCode(200)
                .body("items.findAll { it.subjectId == '" + transferredId + "' }.title", contains("当事人已终止调解"));

        // the township's figures this year: three received, three concluded (调解矛盾纠纷), two 调解成功
        Map<String, String> figures = metrics(c.bureauAdmin(), c.townshipA());
        assertEquals("3", figures.get("mediation.received"));
        assertEquals("3", figures.get("mediation.concluded"));
        assertEquals("2", figures.get("mediation.succeeded"));
    }

    @Test
    void aCaseReceivedEarlierCountsFromTheDateReceivedAndItsTimeLimitRunsFromThere() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        LocalDate received = today().minusDays(3);
        Response r = register(mediator, registration("APPLIED", c.villageA1(), received, true));
        r.then().statusCode(201);
        String id = r.jsonPath().getString("summary.id");
        Instant start = received.atStartOfDay(TimeSource.CHINA).toInstant();
        List<Instant> at = Fixtures.column("select occurred_at from ledger_event where source_id = cast(?1 as uuid) order by id",
                java.time.OffsetDateTime.class, id).stream().map(java.time.OffsetDateTime::toInstant).toList();
        assertEquals(List.of(start, start), at);
        Instant due = Instant.parse(r.jsonPath().getString("summary.dueAt"));
        assertEquals(org.publiclegal.shared.calendar.WorkCalendar.endOf(org.publiclegal.shared.calendar.DayCounting.CALENDAR
                .lastDay(received, 30, Map.of())), due, "30 days from the date received");
    }

    @Test
    void theOfficeSeesTheEnteredPartiesMaskedAndTheMediatorsReadIsAudited() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        String id = register(mediator, registration("APPLIED", c.villageA1(), today(), true)).then().statusCode(201)
                .extract().path("summary.id");
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/mediation/disputes/" + id).then().statusCode(200)
                .body("parties[0].idNumber", equalTo("5329**********" + ID_NUMBER.substring(14)))
                .body("parties[0].address", equalTo(org.publiclegal.shared.crypto.Masking.address("云南省大理州鹤庆县云鹤镇示范路12号")))
                .body("parties[0].phone", equalTo("139****0001"))
                .body("facts", nullValue());
        given().auth().oauth2(Fixtures.token(mediator)).get("/api/mediation/disputes/" + id).then().statusCode(200)
                .body("parties[0].idNumber", equalTo(ID_NUMBER));
        long reads = Fixtures.column("select count(*) from audit_log where action = 'PERSONAL_DATA_READ' and object_id = ?1",
                Long.class, id).get(0);
        assertTrue(reads >= 2, "registration answer and the read are audited: " + reads);
    }

    @Test
    void onlyAMediatorRegistersAndOnlyForTheCommitteesAreaWithValidDates() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        register(Fixtures.residentWithProfile(c.villageA1()), registration("APPLIED", c.villageA1(), today(), true))
                .then().statusCode(403);
        register(c.officeStaffA(), registration("APPLIED", c.villageA1(), today(), true)).then().statusCode(403);
        register(mediator, registration("APPLIED", c.villageB1(), today(), true)).then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors[0].field", equalTo("villageCode"));
        register(mediator, registration("APPLIED", c.villageA1(), today().plusDays(1), true)).then().statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        register(mediator, registration("APPLIED", c.villageA1(), LocalDate.of(1999, 12, 31), true)).then().statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        Map<String, Object> noSender = registration("TRANSFERRED", c.villageA1(), today(), true);
        noSender.remove("transferredByName");
        register(mediator, noSender).then().statusCode(400).body("errors[0].field", equalTo("transferredBy"));
        Map<String, Object> badId = registration("PROACTIVE", c.villageA1(), today(), true);
        Map<String, Object> party = person("杨树林", true);
        party.put("idNumber", "532932197003151230");
        badId.put("parties", List.of(party, person("杨建国", true)));
        register(mediator, badId).then().statusCode(400).body("errors[0].field", equalTo("parties[0].idNumber"));
        Map<String, Object> alone = registration("PROACTIVE", c.villageA1(), today(), true);
        alone.put("parties", List.of(person("杨树林", true)));
        register(mediator, alone).then().statusCode(400);
        long rows = Fixtures.column("select count(*) from med_dispute where committee_id = ?1", Long.class,
                c.committeeA().id).get(0);
        assertEquals(0, rows, "no half-written record");
    }

    @Test
    void aMediatorRecordsARespondentEndingTheMediationAndArchivesEndedAndFollowedUpCases() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        Account other = Fixtures.mediator(c.committeeB());
        String ended = register(mediator, registration("PROACTIVE", c.villageA1(), today(), true)).then().statusCode(201)
                .extract().path("summary.id");
        String respondent = given().auth().oauth2(Fixtures.token(mediator)).get("/api/mediation/disputes/" + ended)
                .then().extract().path("parties[1].id");
        post(mediator, "/" + ended + "/termination", Map.of("reason", "不愿继续")).statusCode(400)
                .body("errors[0].field", equalTo("partyId"));
        post(other, "/" + ended + "/termination", Map.of("partyId", respondent)).statusCode(404);
        post(mediator, "/" + ended + "/termination", Map.of("partyId", respondent, "reason", "电话表示不愿继续"))
                .statusCode(200).body("summary.status", equalTo("FAILED"))
                .body("failureReason", containsString("调解员记录"));
        post(mediator, "/" + ended + "/archive", null).statusCode(200).body("summary.archivedAt", org.hamcrest.Matchers.notNullValue())
                .body("summary.allowedActions", empty());
        post(mediator, "/" + ended + "/archive", null).statusCode(409)
                .body("allowed", org.hamcrest.Matchers.anyOf(nullValue(), empty()));

        // a successful case waits for its 回访 (or the end of the follow-up period)
        Response r = register(mediator, registration("APPLIED", c.villageA1(), today(), true));
        String ok = r.jsonPath().getString("summary.id");
        post(mediator, "/" + ok + "/agreement/oral", Map.of("content", "赔偿 500 元", "agreedPartyIds",
                r.jsonPath().getList("parties.id"))).statusCode(200);
        post(mediator, "/" + ok + "/archive", null).statusCode(400).body("detail", containsString("回访"));
        post(mediator, "/" + ok + "/follow-up", Map.of("performance", "PERFORMED", "satisfaction", 5)).statusCode(200);
        post(mediator, "/" + ok + "/archive", null).statusCode(200);
        post(mediator, "/" + ok + "/follow-up", Map.of("performance", "PERFORMED", "satisfaction", 5)).statusCode(409);
    }

    @Test
    void aRejectedJudicialConfirmationIsFollowedByARecordedRoute() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        Organisation court = Organisation.create(OrganisationType.COURT, null, "测试法院" + UUID.randomUUID(),
                c.county(), null, null, TestClock.now());
        Fixtures.run(s -> s.persist(court));
        Response r = register(mediator, registration("APPLIED", c.villageA1(), today(), true));
        String id = r.jsonPath().getString("summary.id");
        List<String> parties = new ArrayList<>(r.jsonPath().getList("parties.id"));
        post(mediator, "/" + id + "/agreement/oral", Map.of("content", "赔偿 500 元", "agreedPartyIds", parties)).statusCode(200);
        post(mediator, "/" + id + "/judicial-confirmation/after-rejection", Map.of("route", "LITIGATION_GUIDANCE"))
                .statusCode(400);
        post(mediator, "/" + id + "/judicial-confirmation", Map.of("courtId", court.id.toString(),
                "appliedOn", today().toString())).statusCode(201);
        post(mediator, "/" + id + "/judicial-confirmation/ruling", Map.of("ruling", "REJECTED",
                "ruledOn", today().toString())).statusCode(200);
        post(mediator, "/" + id + "/judicial-confirmation/after-rejection", Map.of("route", "LITIGATION_GUIDANCE",
                "note", "已告知可向法院起诉")).statusCode(200).body("afterRejection", equalTo("LITIGATION_GUIDANCE"));
        post(mediator, "/" + id + "/judicial-confirmation/after-rejection", Map.of("route", "RESUME_MEDIATION"))
                .statusCode(409);
        given().auth().oauth2(Fixtures.token(mediator)).get("/api/mediation/disputes/" + id).then()
                .body("timeline.action", org.hamcrest.Matchers.hasItem("after-rejection"));
    }
}
