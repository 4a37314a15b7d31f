package org.publiclegal.legalaid;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.publiclegal.legalaid.LegalAidFlow.get;
import static org.publiclegal.legalaid.LegalAidFlow.post;
import static org.publiclegal.legalaid.LegalAidFlow.submitted;

@QuarkusTest
class LegalAidLifecycleTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    DeadlineJobs deadlineJobs;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static List<Object[]> ledger(String applicationId) {
        return Fixtures.sql("select kind, quantity, amount_fen, region_code from ledger_event "
                + "where source_id = cast(?1 as uuid) order by id", applicationId);
    }

    @Test
    void aWageClaimGoesFromApplicationToClosureAndRating() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        String id = submitted(resident, c.villageA1());

        // the centre sees it in its queue
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).get("/api/aid/applications").then().statusCode(200)
                .body("items.id", hasItem(id));
        Instant before = TestClock.now();
        String reviewDue = post(c.aidOfficer(), id, "receive", null).statusCode(200)
                .body("summary.status", equalTo("UNDER_REVIEW"))
                .body("summary.nextStep.waitingFor", equalTo("CENTRE"))
                .extract().path("deadlines.reviewDueAt");
        LocalDate received = LocalDate.ofInstant(before, CHINA);
        assertEquals(received.plusDays(8).atStartOfDay(CHINA).toInstant(), Instant.parse(reviewDue),
                "7 calendar days from submission, that day not counted, ending at midnight China time");

        post(c.aidOfficer(), id, "grant", Map.of("reason", "符合经济困难标准")).statusCode(200)
                .body("summary.status", equalTo("GRANTED")).body("deadlines.assignmentDueAt", notNullValue());
        post(c.aidOfficer(), id, "assignment", Map.of("lawyerId", lawyer.id.toString())).statusCode(200)
                .body("summary.status", equalTo("ASSIGNED")).body("summary.lawyerId", equalTo(lawyer.id.toString()));
        // the lawyer now sees the case; the applicant sees who acts next
        given().auth().oauth2(Fixtures.token(lawyer)).get("/api/aid/applications").then().statusCode(200)
                .body("items.id", contains(id));
        post(lawyer, id, "acceptance", null).statusCode(200).body("summary.status", equalTo("IN_PROGRESS"));
        post(lawyer, id, "progress-notes", Map.of("note", "已向劳动仲裁委提交仲裁申请")).statusCode(200);
        post(lawyer, id, "closure", Map.of("outcome", "WON", "awardedAmount", "18600.00", "recoveredAmount", "18600.50",
                "closingReport", "仲裁裁决支付全部工资，已执行到位")).statusCode(200)
                .body("summary.status", equalTo("CLOSED")).body("recoveredAmount", equalTo(18600.50f));
        post(resident, id, "rating", Map.of("stars", 5, "comment", "律师很负责")).statusCode(200)
                .body("rating", equalTo(5));

        get(resident, id).statusCode(200)
                .body("caseSummary", containsString("18600"))
                .body("timeline.action", contains("create", "submit", "receive", "grant", "assign", "accept",
                        "progress-note", "close", "rate"))
                .body("timeline.actorRole", contains("RESIDENT", "RESIDENT", "AID_OFFICER", "AID_OFFICER",
                        "AID_OFFICER", "LAWYER", "LAWYER", "LAWYER", "RESIDENT"))
                .body("materials.category", contains("IDENTITY", "FINANCIAL_STATUS", "CASE_MATERIALS"));

        List<Object[]> events = ledger(id);
        assertEquals(List.of("LEGAL_AID_APPLICATION_RECEIVED", "LEGAL_AID_GRANTED", "LEGAL_AID_CASE_ASSIGNED",
                "LEGAL_AID_CASE_CLOSED"), events.stream().map(e -> (String) e[0]).toList());
        assertEquals(1860050L, ((Number) events.get(3)[2]).longValue(), "避免和挽回经济损失 in fen");
        assertEquals(c.villageA1(), events.get(0)[3]);
    }

    @Test
    void illegalStepsAre409NamingTheAllowedOnes() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = submitted(resident, c.villageA1());
        post(c.aidOfficer(), id, "grant", null).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ILLEGAL_TRANSITION"))
                .body("allowed", contains("receive", "assign-provisionally", "withdraw"));
        post(resident, id, "submit", null).statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION"));
        post(resident, id, "rating", Map.of("stars", 4)).statusCode(409);
    }

    @Test
    void missingMaterialsPauseTheClockAndLateOnesMeanDeemedWithdrawal() throws Throwable {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = submitted(resident, c.villageA1());
        String reviewDue = post(c.aidOfficer(), id, "receive", null).statusCode(200).extract().path("deadlines.reviewDueAt");
        post(c.aidOfficer(), id, "material-requests", Map.of("items", List.of("劳动合同或工资条", "用工单位证明"),
                "dueInDays", 5)).statusCode(200)
                .body("summary.status", equalTo("MATERIALS_REQUESTED"))
                .body("deadlines.reviewClockPaused", equalTo(true))
                .body("missingItems", contains("劳动合同或工资条", "用工单位证明"))
                .body("summary.nextStep.waitingFor", equalTo("APPLICANT"));
        // one-time notice: a second request is refused
        post(c.aidOfficer(), id, "material-requests", Map.of("items", List.of("再补一份"))).statusCode(409);

        // two days later the applicant supplies them: the review deadline moves by the paused time
        TestClock.advance(Duration.ofDays(2));
        String resumedDue = post(resident, id, "supplement", Map.of("reason", "已补充工资条")).statusCode(200)
                .body("summary.status", equalTo("UNDER_REVIEW")).extract().path("deadlines.reviewDueAt");
        Duration shift = Duration.between(Instant.parse(reviewDue), Instant.parse(resumedDue));
        assertEquals(2, shift.toDays());

        // another application is never supplied: past the notice's deadline it is deemed withdrawn
        String late = submitted(resident, c.villageA1());
        post(c.aidOfficer(), late, "receive", null).statusCode(200);
        post(c.aidOfficer(), late, "material-requests", Map.of("items", List.of("身份证复印件"), "dueInDays", 3))
                .statusCode(200);
        TestClock.advance(Duration.ofDays(5));
        int deemed = VertxContextSupport.subscribeAndAwait(() -> deadlineJobs.deemOverdueWithdrawn());
        org.junit.jupiter.api.Assertions.assertTrue(deemed >= 1, "the run counts what it deemed withdrawn: " + deemed);
        get(resident, late).statusCode(200).body("summary.status", equalTo("DEEMED_WITHDRAWN"))
                .body("timeline.action", hasItem("deem-withdrawn"));
        post(resident, late, "supplement", null).statusCode(409);
    }

    @Test
    void provisionalAidLetsALawyerActBeforeTheDecision() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        Account lawyer = Fixtures.lawyer(c.aidCentre());
        Map<String, Object> urgent = LegalAidFlow.wageClaim(c.villageA1());
        urgent.put("limitationEndsOn", TestClock.today().plusDays(3).toString());
        String id = LegalAidFlow.create(resident, urgent);
        get(resident, id).body("summary.provisionalAidGrounds", equalTo(true));
        LegalAidFlow.upload(resident, id, "IDENTITY", LegalAidFlow.PNG, "id.png").statusCode(201);
        LegalAidFlow.upload(resident, id, "FINANCIAL_STATUS", LegalAidFlow.PDF, "f.pdf").statusCode(201);
        LegalAidFlow.upload(resident, id, "CASE_MATERIALS", LegalAidFlow.PDF, "c.pdf").statusCode(201);
        post(resident, id, "submit", null).statusCode(200);
        post(c.aidOfficer(), id, "provisional-assignment", Map.of("lawyerId", lawyer.id.toString())).statusCode(200)
                .body("summary.provisionalAid", equalTo(true)).body("summary.status", equalTo("SUBMITTED"));
        post(lawyer, id, "acceptance", null).statusCode(409);
        post(c.aidOfficer(), id, "receive", null).statusCode(200);
        post(c.aidOfficer(), id, "grant", null).statusCode(200).body("summary.status", equalTo("ASSIGNED"));
        assertEquals(List.of("LEGAL_AID_APPLICATION_RECEIVED", "LEGAL_AID_GRANTED", "LEGAL_AID_CASE_ASSIGNED"),
                ledger(id).stream().map(e -> (String) e[0]).toList());

        // an ordinary application has no Art. 44 grounds
        String ordinary = submitted(resident, c.villageA1());
        post(c.aidOfficer(), ordinary, "provisional-assignment", Map.of("lawyerId", lawyer.id.toString()))
                .statusCode(400).body("code", equalTo("BUSINESS_RULE"));
    }

    @Test
    void aRefusalCanBeObjectedToAndCorrectedByTheBureau() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = submitted(resident, c.villageA1());
        post(c.aidOfficer(), id, "receive", null).statusCode(200);
        post(c.aidOfficer(), id, "refusal", Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        post(c.aidOfficer(), id, "refusal", Map.of("reason", "家庭人均收入高于当地经济困难标准")).statusCode(200)
                .body("summary.status", equalTo("REFUSED"))
                .body("decisionReason", equalTo("家庭人均收入高于当地经济困难标准"))
                .body("objectionRoute", containsString("第四十九条"));
        post(resident, id, "objection", Map.of("reason", "家中有重病老人，实际支出大")).statusCode(200)
                .body("summary.status", equalTo("OBJECTION_FILED"))
                .body("summary.nextStep.waitingFor", equalTo("BUREAU"))
                .body("deadlines.objectionDueAt", notNullValue());
        // the centre cannot decide its own objection; a township office cannot either
        post(c.aidOfficer(), id, "objection-decision", Map.of("uphold", false, "reason", "x")).statusCode(403);
        post(c.bureauAdmin(), id, "objection-decision", Map.of("uphold", false, "reason", "应当给予法律援助"))
                .statusCode(200).body("summary.status", equalTo("GRANTED"))
                .body("objectionDecision", equalTo("CORRECTED"));
        List<Object[]> events = ledger(id);
        assertEquals(List.of("LEGAL_AID_APPLICATION_RECEIVED", "LEGAL_AID_REFUSED", "LEGAL_AID_REFUSED",
                "LEGAL_AID_GRANTED"), events.stream().map(e -> (String) e[0]).toList());
        assertEquals(-1, ((Number) events.get(2)[1]).intValue(), "the refusal no longer counts");
    }

    @Test
    void anUpheldRefusalStandsAndCannotBeObjectedToAgain() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = submitted(resident, c.villageA1());
        post(c.aidOfficer(), id, "receive", null).statusCode(200);
        post(c.aidOfficer(), id, "refusal", Map.of("reason", "不属于法律援助事项范围")).statusCode(200);
        post(resident, id, "objection", Map.of("reason", "不服")).statusCode(200);
        post(c.bureauAdmin(), id, "objection-decision", Map.of("uphold", true, "reason", "决定正确")).statusCode(200)
                .body("summary.status", equalTo("REFUSED")).body("objectionDecision", equalTo("UPHELD"));
        post(resident, id, "objection", Map.of("reason", "再次不服")).statusCode(409);
    }

    @Test
    void terminationUnderArticle48CanBeObjectedTo() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        String id = submitted(resident, c.villageA1());
        post(c.aidOfficer(), id, "receive", null).statusCode(200);
        post(c.aidOfficer(), id, "grant", null).statusCode(200);
        post(c.aidOfficer(), id, "assignment", Map.of("lawyerId", lawyer.id.toString())).statusCode(200);
        post(lawyer, id, "acceptance", null).statusCode(200);
        post(c.aidOfficer(), id, "termination", Map.of("ground", "HIRED_OWN_LAWYER", "reason", "受援人自行委托律师"))
                .statusCode(200).body("summary.status", equalTo("TERMINATED"))
                .body("terminationGround", equalTo("HIRED_OWN_LAWYER"));
        post(resident, id, "objection", Map.of("reason", "我没有委托其他律师")).statusCode(200);
        post(c.bureauAdmin(), id, "objection-decision", Map.of("uphold", false, "reason", "终止理由不成立"))
                .statusCode(200).body("summary.status", equalTo("IN_PROGRESS"));
    }

    @Test
    void aNotifiedDefenceIsGrantedOnReceiptWithoutAMeansTest() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        Map<String, Object> body = LegalAidFlow.wageClaim(c.villageA1());
        body.put("matter", "CRIMINAL_DEFENCE");
        body.put("serviceType", "CRIMINAL_DEFENCE_OR_REPRESENTATION");
        body.put("notifiedGrounds", List.of("MINOR"));
        body.remove("finances");
        String id = LegalAidFlow.create(resident, body);
        LegalAidFlow.upload(resident, id, "IDENTITY", LegalAidFlow.PNG, "id.png").statusCode(201);
        LegalAidFlow.upload(resident, id, "CASE_MATERIALS", LegalAidFlow.PDF, "notice.pdf").statusCode(201);
        post(resident, id, "submit", null).statusCode(200);
        post(c.aidOfficer(), id, "receive", null).statusCode(200)
                .body("summary.status", equalTo("GRANTED"))
                .body("decisionReason", containsString("第二十五条"))
                .body("deadlines.assignmentDueAt", notNullValue());
        assertEquals(List.of("LEGAL_AID_APPLICATION_RECEIVED", "LEGAL_AID_GRANTED"),
                ledger(id).stream().map(e -> (String) e[0]).toList());
    }

    @Test
    void draftsStayPrivateAndWatchersSeeCasesWithoutPersonalData() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String draft = LegalAidFlow.create(resident, LegalAidFlow.wageClaim(c.villageA1()));
        get(c.aidOfficer(), draft).statusCode(404);
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).get("/api/aid/applications").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(draft)));
        String submitted = submitted(resident, c.villageA1());
        get(c.officeStaffA(), submitted).statusCode(200)
                .body("summary.status", equalTo("SUBMITTED"))
                .body("caseSummary", org.hamcrest.Matchers.nullValue())
                .body("finances", org.hamcrest.Matchers.nullValue());
        get(c.aidOfficer(), submitted).statusCode(200).body("caseSummary", containsString("拖欠工资"));
    }

    @Test
    void theApplicantWithdrawsBeforeTheDecision() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = submitted(resident, c.villageA1());
        post(resident, id, "withdraw", Map.of("reason", "已与公司和解")).statusCode(200)
                .body("summary.status", equalTo("WITHDRAWN"));
        post(c.aidOfficer(), id, "receive", null).statusCode(409);
    }
}
