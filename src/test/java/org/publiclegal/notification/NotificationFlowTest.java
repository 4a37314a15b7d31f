package org.publiclegal.notification;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.legalaid.LegalAidFlow;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** "My matters", the inbox with supersession, the outbox's atomicity, preferences, reminders sent once. */
@QuarkusTest
class NotificationFlowTest {

    @Inject
    Notifier notifier;

    @Inject
    ReminderJobs reminders;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static io.restassured.response.ValidatableResponse aid(Account who, String id, String action, Object body) {
        var r = given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON);
        if (body != null) {
            r.body(body);
        }
        return r.post("/api/aid/applications/" + id + "/" + action).then();
    }

    private static Response inbox(Account who) {
        return given().auth().oauth2(Fixtures.token(who)).get("/api/notifications");
    }

    @Test
    void eachStepReachesTheResidentAndTheCentreAndALaterStepSupersedesTheEarlierNotice() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = LegalAidFlow.submitted(resident, c.villageA1());

        // the centre has new work
        inbox(c.aidOfficer()).then().statusCode(200)
                .body("items.find { it.subjectId == '" + id + "' }.title", equalTo("新的法律援助申请"))
                .body("items.find { it.subjectId == '" + id + "' }.kind", equalTo("NEW_WORK"));

        aid(c.aidOfficer(), id, "receive", null).statusCode(200);
        aid(c.aidOfficer(), id, "material-requests", Map.of("items", List.of("劳动合同或工资条"), "dueInDays", 5))
                .statusCode(200);

        inbox(resident).then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items[0].title", equalTo("请补正材料"))
                .body("items[0].body", containsString("劳动合同或工资条"))
                .body("items[0].superseded", equalTo(false))
                .body("items[1].title", equalTo("申请已受理审查"))
                .body("items[1].superseded", equalTo(true))
                .body("items[2].title", equalTo("申请已提交"))
                .body("items[2].superseded", equalTo(true));
        given().auth().oauth2(Fixtures.token(resident)).get("/api/notifications/unread-count").then()
                .statusCode(200).body("unread", equalTo(1));

        given().auth().oauth2(Fixtures.token(resident)).get("/api/me/matters").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].service", equalTo("LEGAL_AID"))
                .body("items[0].status", equalTo("MATERIALS_REQUESTED"))
                .body("items[0].statusText", equalTo("待补正材料"))
                .body("items[0].nextActor", equalTo("申请人"))
                .body("items[0].todo", containsString("劳动合同或工资条"))
                .body("items[0].deadline", notNullValue())
                .body("items[0].urgency", equalTo(0))
                .body("items[0].link", equalTo("/api/aid/applications/" + id));

        // reading: own notice yes, someone else's is 404
        long top = inbox(resident).jsonPath().getLong("items[0].id");
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).post("/api/notifications/" + top + "/read").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Fixtures.token(resident)).post("/api/notifications/" + top + "/read").then()
                .statusCode(200).body("read", equalTo(true));
        given().auth().oauth2(Fixtures.token(resident)).get("/api/notifications/unread-count").then()
                .body("unread", equalTo(0));
    }

    @Test
    void myMattersShowTheApplicationAndTheDisputeTheResidentWasInvitedToUrgentFirstPageByPage() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        String aidId = LegalAidFlow.submitted(bob, c.villageA1());

        Map<String, Object> body = new HashMap<>();
        body.put("disputeType", "NEIGHBOUR");
        body.put("facts", "邻居修建围墙占用了我家通道约一米");
        body.put("claims", "拆除占道部分，恢复通行");
        body.put("amount", "3000.00");
        body.put("otherParties", List.of(Map.of("kind", "PERSON", "name", "杨建华", "phone", "13908725678")));
        body.put("villageCode", c.villageA1());
        body.put("preferredMode", "IN_PERSON");
        Response r = given().auth().oauth2(Fixtures.token(alice)).contentType(ContentType.JSON).body(body)
                .post("/api/mediation/disputes");
        r.then().statusCode(201);
        String disputeId = r.jsonPath().getString("summary.id");
        Map<String, String> codes = r.jsonPath().getMap("invitationCodes");
        given().auth().oauth2(Fixtures.token(bob)).contentType(ContentType.JSON)
                .body(Map.of("code", codes.values().iterator().next()))
                .post("/api/mediation/disputes/invitations").then().statusCode(200);

        // bob must act on the invitation (urgency 0) before his application, which waits on the centre
        Response first = given().auth().oauth2(Fixtures.token(bob)).queryParam("limit", 1).get("/api/me/matters");
        first.then().statusCode(200)
                .body("items[0].service", equalTo("MEDIATION"))
                .body("items[0].subjectId", equalTo(disputeId))
                .body("items[0].todo", equalTo("请确认是否同意调解"))
                .body("items[0].urgency", equalTo(0))
                .body("nextCursor", notNullValue());
        given().auth().oauth2(Fixtures.token(bob)).queryParam("limit", 1)
                .queryParam("cursor", first.jsonPath().getString("nextCursor")).get("/api/me/matters").then()
                .statusCode(200)
                .body("items[0].service", equalTo("LEGAL_AID"))
                .body("items[0].subjectId", equalTo(aidId))
                .body("items[0].urgency", equalTo(1))
                .body("nextCursor", equalTo(null));
        inbox(bob).then().body("items.title", hasItem("请确认是否同意调解"));
        // alice waits for the committee; the committee's mediators... have none here, but the cursor is checked
        given().auth().oauth2(Fixtures.token(alice)).get("/api/me/matters").then().statusCode(200)
                .body("items[0].statusText", equalTo("已申请，等待调委会受理"));
        given().auth().oauth2(Fixtures.token(alice)).queryParam("cursor", "not-a-cursor").get("/api/me/matters").then()
                .statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        // staff have no "my matters"
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).get("/api/me/matters").then().statusCode(403);
    }

    @Test
    void newWorkAboutANewMatterIsOneNoticeForEachChosenStaffMemberWhoDidNotSwitchItOff() throws Throwable {
        Fixtures.County c = Fixtures.county();
        Account first = Fixtures.mediator(c.committeeA());
        Account switchedOff = Fixtures.mediator(c.committeeA());
        Account elsewhere = Fixtures.mediator(c.committeeB());
        given().auth().oauth2(Fixtures.token(switchedOff)).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/notifications/preferences/NEW_WORK").then().statusCode(200);
        UUID subject = UUID.randomUUID();
        Notifier.Message m = new Notifier.Message(NoticeKind.NEW_WORK, subject, "新的调解申请", "收到调解申请 MD2026-000001",
                "/api/mediation/disputes/" + subject);

        int written = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifier.newWork(
                Recipients.organisation(c.committeeA().id, org.publiclegal.shared.security.Roles.MEDIATOR), m)));
        assertEquals(1, written);
        assertEquals(1L, count("select count(*) from ntf_notice where recipient_id = ?1 and subject_id = ?2", first.id, subject));
        assertEquals(0L, count("select count(*) from ntf_notice where recipient_id = ?1", switchedOff.id));
        assertEquals(0L, count("select count(*) from ntf_notice where recipient_id = ?1", elsewhere.id));
        inbox(first).then().statusCode(200)
                .body("items[0].kind", equalTo("NEW_WORK"))
                .body("items[0].title", equalTo("新的调解申请"))
                .body("items[0].body", equalTo("收到调解申请 MD2026-000001"))
                .body("items[0].link", equalTo("/api/mediation/disputes/" + subject))
                .body("items[0].superseded", equalTo(false));

        // named accounts (an advisor, an assigned lawyer), and nobody at all
        assertEquals(1, (int) VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> notifier.newWork(Recipients.accounts(List.of(elsewhere.id, switchedOff.id)), m))));
        assertEquals(1L, count("select count(*) from ntf_notice where recipient_id = ?1 and subject_id = ?2", elsewhere.id, subject));
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> notifier.newWork(Recipients.organisation(null, org.publiclegal.shared.security.Roles.MEDIATOR), m))));
        // a residents' kind goes through sendAboutNew (it may queue a WeChat message)
        assertThrows(IllegalArgumentException.class, () -> notifier.newWork(Recipients.accounts(List.of(first.id)),
                new Notifier.Message(NoticeKind.AID_PROGRESS, subject, "x", "x", "/x")));
    }

    /**
     * A submission writes the notices of a matter it has just created without reading or superseding anything
     * about it (nothing can exist yet), and the committee's new work is one statement (issue 17), counted by
     * pg_stat_statements (loaded in the test profile).
     */
    @Test
    void aSubmittedDisputeNotifiesTheApplicantAndTheCommitteeWithoutLookingForOlderRowsOrNotices() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        Account switchedOff = Fixtures.mediator(c.villageCommitteeA1());
        given().auth().oauth2(Fixtures.token(switchedOff)).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/notifications/preferences/NEW_WORK").then().statusCode(200);
        Map<String, Object> body = new HashMap<>();
        body.put("disputeType", "NEIGHBOUR");
        body.put("facts", "邻居修建围墙占用了我家通道约一米");
        body.put("claims", "拆除占道部分，恢复通行");
        body.put("otherParties", List.of(Map.of("kind", "PERSON", "name", "杨建华", "phone", "13908725678")));
        body.put("villageCode", c.villageA1());
        body.put("preferredMode", "IN_PERSON");

        Fixtures.run(s -> s.createNativeQuery("create extension if not exists pg_stat_statements").executeUpdate());
        Fixtures.column("select 1 from (select pg_stat_statements_reset()) r", Integer.class);
        Response r = given().auth().oauth2(Fixtures.token(alice)).contentType(ContentType.JSON).body(body)
                .header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/mediation/disputes");
        r.then().statusCode(201);
        String id = r.jsonPath().getString("summary.id");
        assertEquals(0L, calls("%from ntf_matter%"), "no look-up of the new matter's row");
        assertEquals(0L, calls("update ntf_notice%"), "nothing superseded");
        assertEquals(1L, calls("insert into ntf_notice%select%"), "the committee's new work in one statement");

        inbox(alice).then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].subjectId", equalTo(id)).body("items[0].superseded", equalTo(false));
        inbox(mediator).then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("NEW_WORK")).body("items[0].title", equalTo("新的调解申请"))
                .body("items[0].subjectId", equalTo(id));
        assertEquals(0L, count("select count(*) from ntf_notice where recipient_id = ?1", switchedOff.id));
        given().auth().oauth2(Fixtures.token(alice)).get("/api/me/matters").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].subjectId", equalTo(id))
                .body("items[0].statusText", equalTo("已申请，等待调委会受理"));
    }

    private static long calls(String like) {
        return count("select sum(calls) from pg_stat_statements where query ilike ?1", like);
    }

    @Test
    void aNoticeAndItsWeChatMessageWrittenInAFailedTransactionAreNeverThere() throws Throwable {
        Account resident = Fixtures.resident();
        grant(resident, "AID_PROGRESS", "AID_PROGRESS");
        UUID subject = UUID.randomUUID();
        Notifier.Message m = new Notifier.Message(NoticeKind.AID_PROGRESS, subject, "测试", "测试内容", "/x");

        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> notifier.send(resident.id, m).chain(n -> Uni.createFrom().failure(new IllegalStateException("rolled back"))))));
        assertEquals(0L, count("select count(*) from ntf_notice where recipient_id = ?1", resident.id));
        assertEquals(0L, count("select count(*) from ntf_outbox o join ntf_notice n on n.id = o.notice_id where n.recipient_id = ?1", resident.id));

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifier.send(resident.id, m)));
        assertEquals(1L, count("select count(*) from ntf_notice where recipient_id = ?1", resident.id));
        assertEquals(1L, count("select count(*) from ntf_outbox o join ntf_notice n on n.id = o.notice_id where n.recipient_id = ?1", resident.id));
        // the second grant is still there; the rolled-back send did not use it
        assertEquals(1L, count("select sum(remaining) from ntf_wechat_grant where account_id = ?1", resident.id));
    }

    @Test
    void residentsSwitchKindsOffButStaffCannotSwitchOffDeadlines() throws Throwable {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.resident();
        given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/notifications/preferences/BOOKING_PROGRESS").then().statusCode(200)
                .body("find { it.kind == 'BOOKING_PROGRESS' }.enabled", equalTo(false))
                .body("find { it.kind == 'AID_PROGRESS' }.enabled", equalTo(true));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifier.send(resident.id,
                new Notifier.Message(NoticeKind.BOOKING_PROGRESS, UUID.randomUUID(), "预约", "预约", "/x"))));
        assertEquals(0L, count("select count(*) from ntf_notice where recipient_id = ?1", resident.id));

        given().auth().oauth2(Fixtures.token(c.aidOfficer())).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/notifications/preferences/DEADLINE_MISSED").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("BUSINESS_RULE"));
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/notifications/preferences/AID_PROGRESS").then().statusCode(400);
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).contentType(ContentType.JSON).body(Map.of())
                .put("/api/notifications/preferences/NEW_WORK").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/notifications/preferences/NEW_WORK").then().statusCode(200)
                .body("find { it.kind == 'DEADLINE_MISSED' }.switchable", equalTo(false));
    }

    @Test
    void aDeadlineReminderIsSentOnceWhenTwoRunsRace() throws Exception {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = LegalAidFlow.submitted(resident, c.villageA1());
        aid(c.aidOfficer(), id, "receive", null).statusCode(200);
        Fixtures.column("update aid_application set current_due_at = now() + interval '3 hours' where id = cast(?1 as uuid) returning 1",
                Integer.class, id);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(this::runReminders);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(this::runReminders);
        a.get();
        b.get();
        runReminders();

        assertEquals(1L, count("select count(*) from ntf_notice where recipient_id = ?1 and subject_id = cast(?2 as uuid) "
                + "and kind = 'DEADLINE_APPROACHING'", c.aidOfficer().id, id));
        assertEquals(1L, count("select count(*) from ntf_reminder where kind = 'AID_DUE_SOON' and subject_id = cast(?1 as uuid)", id));
    }

    private int runReminders() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> reminders.runAll());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void grant(Account resident, String... kinds) {
        given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kinds", List.of(kinds)))
                .post("/api/notifications/wechat-subscriptions").then().statusCode(201);
    }

    static long count(String sql, Object... params) {
        List<Long> n = Fixtures.column("select cast(coalesce((" + sql + "), 0) as bigint)", Long.class, params);
        return n.get(0);
    }
}
