package org.publiclegal.mediation;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.region.Organisation;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MediationLifecycleTest {

    private static Map<String, Object> neighbourDispute(String village) {
        Map<String, Object> body = new HashMap<>();
        body.put("disputeType", "NEIGHBOUR");
        body.put("facts", "邻居修建围墙占用了我家通道约一米");
        body.put("claims", "拆除占道部分，恢复通行");
        body.put("amount", "3000.00");
        body.put("otherParties", List.of(Map.of("kind", "PERSON", "name", "杨建华", "phone", "13908725678")));
        body.put("villageCode", village);
        body.put("preferredMode", "IN_PERSON");
        return body;
    }

    private static Response submit(Account resident, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON).body(body)
                .post("/api/mediation/disputes");
    }

    private static ValidatableResponse post(Account who, String path, Object body) {
        var r = given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON);
        if (body != null) {
            r.body(body);
        }
        return r.post("/api/mediation/disputes" + path).then();
    }

    private static ValidatableResponse get(Account who, String id) {
        return given().auth().oauth2(Fixtures.token(who)).get("/api/mediation/disputes/" + id).then();
    }

    private static List<String> ledger(String id) {
        return Fixtures.column("select kind from ledger_event where source_id = cast(?1 as uuid) order by id",
                String.class, id);
    }

    /** Submits as {@code alice}, lets {@code bob} redeem his invitation; returns the dispute id. */
    private static String submittedAndJoined(Account alice, Account bob, String village) {
        Response r = submit(alice, neighbourDispute(village));
        r.then().statusCode(201);
        String id = r.jsonPath().getString("summary.id");
        Map<String, String> codes = r.jsonPath().getMap("invitationCodes");
        assertEquals(1, codes.size());
        post(bob, "/invitations", Map.of("code", codes.values().iterator().next())).statusCode(200)
                .body("summary.id", equalTo(id));
        return id;
    }

    @Test
    void twoResidentsAndAMediatorReachAnEffectiveAgreement() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        String id = submittedAndJoined(alice, bob, c.villageA1());

        get(alice, id).statusCode(200).body("summary.committeeId", equalTo(c.villageCommitteeA1().id.toString()))
                .body("summary.status", equalTo("SUBMITTED"))
                .body("parties.consent", contains("CONSENTED", "PENDING"));
        post(mediator, "/" + id + "/acceptance", null).statusCode(200)
                .body("summary.status", equalTo("ACCEPTED")).body("summary.dueAt", notNullValue());
        post(bob, "/" + id + "/consent", null).statusCode(200).body("summary.status", equalTo("IN_MEDIATION"));
        given().auth().oauth2(Fixtures.token(mediator)).get("/api/mediation/disputes/" + id + "/mediator-workloads")
                .then().statusCode(200).body("mediatorId", hasItem(mediator.id.toString()));
        post(mediator, "/" + id + "/assignment", Map.of("mediatorIds", List.of(mediator.id.toString()))).statusCode(200)
                .body("mediators", contains(mediator.id.toString()));

        post(alice, "/" + id + "/messages", Map.of("text", "围墙是上个月建的")).statusCode(201);
        post(mediator, "/" + id + "/messages", Map.of("text", "周六上午到现场查看")).statusCode(201);
        post(bob, "/" + id + "/messages", Map.of("text", "我同意见面谈")).statusCode(201);
        String cursor = given().auth().oauth2(Fixtures.token(bob)).queryParam("limit", 2)
                .get("/api/mediation/disputes/" + id + "/messages").then().statusCode(200)
                .body("items.text", contains("围墙是上个月建的", "周六上午到现场查看"))
                .body("items.senderRole", contains("RESIDENT", "MEDIATOR")).extract().path("nextCursor");
        given().auth().oauth2(Fixtures.token(alice)).queryParam("cursor", cursor)
                .get("/api/mediation/disputes/" + id + "/messages").then().statusCode(200)
                .body("items.text", contains("我同意见面谈"));

        Map<String, Object> agreement = Map.of("facts", "双方因通道宽度发生争议",
                "responsibilities", "杨建华修建围墙超出宅基地界线",
                "terms", List.of(Map.of("content", "杨建华拆除占道围墙一米", "performanceMethod", "自行拆除",
                        "deadline", TestClock.today().plusDays(20).toString())));
        post(mediator, "/" + id + "/agreement", agreement).statusCode(200)
                .body("summary.status", equalTo("AGREEMENT_PENDING"))
                .body("agreement.terms[0].content", equalTo("杨建华拆除占道围墙一米"));
        post(mediator, "/" + id + "/agreement/seal", null).statusCode(400).body("code", equalTo("BUSINESS_RULE"));
        post(alice, "/" + id + "/agreement/confirmation", null).statusCode(200);
        post(alice, "/" + id + "/agreement/confirmation", null).statusCode(409);
        post(bob, "/" + id + "/agreement/confirmation", null).statusCode(200);
        post(mediator, "/" + id + "/agreement/seal", null).statusCode(200)
                .body("summary.status", equalTo("SUCCEEDED"))
                .body("agreement.effectiveAt", notNullValue());
        // the committee's mediators were told when everyone had consented, the assigned one when everyone confirmed
        given().auth().oauth2(Fixtures.token(mediator)).get("/api/notifications").then().statusCode(200)
                .body("items.findAll { it.subjectId == '" + id + "' }.title",
                        contains("各方已确认调解协议", "各方已同意调解", "新的调解申请"));

        get(bob, id).statusCode(200)
                .body("timeline.action", contains("submit", "accept", "consent", "assign", "draft-agreement",
                        "confirm-agreement", "confirm-agreement", "seal-agreement"));
        assertEquals(List.of("MEDIATION_DISPUTE_RECEIVED", "MEDIATION_DISPUTE_ACCEPTED", "MEDIATION_SUCCEEDED"), ledger(id));
        String stored = Fixtures.column("select facts_cipher from med_dispute where id = cast(?1 as uuid)", String.class, id).get(0);
        assertEquals(false, stored.contains("围墙"), "facts are sealed");
    }

    /** A dispute taken to an effective agreement; returns its id. */
    private static String succeeded(Fixtures.County c, Account alice, Account bob, Account mediator) {
        String id = submittedAndJoined(alice, bob, c.villageA1());
        post(bob, "/" + id + "/consent", null).statusCode(200);
        post(mediator, "/" + id + "/acceptance", null).statusCode(200);
        post(mediator, "/" + id + "/agreement", Map.of("facts", "通道争议<script>", "responsibilities", "占道一方负责",
                "terms", List.of(Map.of("content", "拆除围墙一米", "performanceMethod", "自行拆除",
                        "deadline", TestClock.today().plusDays(10).toString())))).statusCode(200);
        post(alice, "/" + id + "/agreement/confirmation", null).statusCode(200);
        post(bob, "/" + id + "/agreement/confirmation", null).statusCode(200);
        post(mediator, "/" + id + "/agreement/seal", null).statusCode(200);
        return id;
    }

    @Test
    void sessionsMinutesAndThePrintableAgreement() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        String id = submittedAndJoined(alice, bob, c.villageA1());
        post(mediator, "/" + id + "/acceptance", null).statusCode(200);
        post(mediator, "/" + id + "/sessions", Map.of("scheduledAt", "2031-05-01T01:00:00Z", "mode", "VIDEO"))
                .statusCode(400).body("errors[0].field", equalTo("videoLink"));
        String session = post(mediator, "/" + id + "/sessions", Map.of("scheduledAt", "2031-05-01T01:00:00Z",
                "mode", "IN_PERSON", "place", "村委会调解室")).statusCode(201).extract().path("id");
        post(mediator, "/" + id + "/sessions/" + session + "/minutes",
                Map.of("minutes", "双方陈述了意见，同意各让一步", "present", "和丽芳、杨建华、调解员")).statusCode(200)
                .body("minutes", equalTo("双方陈述了意见，同意各让一步"));
        given().auth().oauth2(Fixtures.token(bob)).get("/api/mediation/disputes/" + id + "/sessions").then()
                .statusCode(200).body("place", contains("村委会调解室"));
        String stored = Fixtures.column("select minutes_cipher from med_session where id = cast(?1 as uuid)",
                String.class, session).get(0);
        assertEquals(false, stored.contains("双方"), "minutes are sealed");

        String done = succeeded(c, alice, bob, mediator);
        String html = given().auth().oauth2(Fixtures.token(alice)).get("/api/mediation/disputes/" + done + "/agreement/document")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("人民调解协议书") && html.contains("拆除围墙一米")
                && html.contains("和丽芳") && html.contains("&lt;script&gt;") && !html.contains("<script>"), html);
        // the PDF: the committee's full name, the copies, and the 字号 given on the first print and kept
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        String number = "甲调〔" + year + "〕";
        org.junit.jupiter.api.Assertions.assertTrue(html.contains(number), html);
        for (Account who : List.of(mediator, alice)) {
            byte[] pdf = given().auth().oauth2(Fixtures.token(who)).accept("application/pdf")
                    .get("/api/mediation/disputes/" + done + "/agreement/document").then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            String text = org.publiclegal.shared.documents.PdfText.of(pdf);
            org.junit.jupiter.api.Assertions.assertTrue(text.contains("人民调解协议书") && text.contains(number)
                    && text.contains(c.villageCommitteeA1().name + "（印章）")
                    && text.contains("本协议书一式三份，当事人各执一份，人民调解委员会留存一份。"), text);
        }
        assertEquals(List.of(html.substring(html.indexOf(number), html.indexOf("号", html.indexOf(number)) + 1)),
                Fixtures.column("select number from doc_number where subject_id = cast(?1 as uuid)", String.class, done));
    }

    @Test
    void judicialConfirmationMustBeAppliedForWithinThirtyDays() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        Organisation court = Organisation.create(org.publiclegal.region.OrganisationType.COURT, null,
                "测试法院" + UUID.randomUUID(), c.county(), null, null, TestClock.now());
        Fixtures.run(s -> s.persist(court));
        String onTime = succeeded(c, alice, bob, mediator);
        String late = succeeded(c, alice, bob, mediator);
        LocalDate today = TestClock.today();
        post(mediator, "/" + onTime + "/judicial-confirmation", Map.of("courtId", c.officeA().id.toString(),
                "appliedOn", today.toString())).statusCode(400).body("errors[0].field", equalTo("courtId"));
        post(mediator, "/" + onTime + "/judicial-confirmation", Map.of("courtId", court.id.toString(),
                "appliedOn", today.toString())).statusCode(201).body("appliedOn", equalTo(today.toString()));
        post(mediator, "/" + onTime + "/judicial-confirmation", Map.of("courtId", court.id.toString(),
                "appliedOn", today.toString())).statusCode(409);
        post(mediator, "/" + onTime + "/judicial-confirmation/ruling", Map.of("ruling", "CONFIRMED",
                "ruledOn", today.toString())).statusCode(200).body("ruling", equalTo("CONFIRMED"));
        assertEquals(List.of("MEDIATION_DISPUTE_RECEIVED", "MEDIATION_DISPUTE_ACCEPTED", "MEDIATION_SUCCEEDED",
                "MEDIATION_JUDICIAL_CONFIRMATION_APPLIED", "MEDIATION_JUDICIAL_CONFIRMATION_CONFIRMED"), ledger(onTime));

        // the day after the window's last day it is closed. The last day is the 30th calendar day, moved to the next
        // working day when it falls on a weekend or holiday (the published calendar, read here as a client would):
        // from 2 December the 30th day is 1 January, so the fixed "day 31" of before was still inside the window
        LocalDate lastDay = org.publiclegal.shared.calendar.DayCounting.CALENDAR.lastDay(today, 30,
                publishedCalendar(today.getYear(), today.getYear() + 1));
        org.publiclegal.testing.TestClock.advance(java.time.Duration.ofDays(
                java.time.temporal.ChronoUnit.DAYS.between(today, lastDay) + 1));
        try {
            post(mediator, "/" + late + "/judicial-confirmation", Map.of("courtId", court.id.toString(),
                    "appliedOn", lastDay.plusDays(1).toString())).statusCode(400).body("detail", containsString("30 日内"));
            post(mediator, "/" + late + "/judicial-confirmation", Map.of("courtId", court.id.toString(),
                    "appliedOn", lastDay.toString())).statusCode(201);
        } finally {
            org.publiclegal.testing.TestClock.reset();
        }
    }

    @Test
    void theFollowUpRecordsPerformanceOnce() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        String id = succeeded(c, alice, bob, mediator);
        String due = Fixtures.column("select cast(due_on as varchar) from med_follow_up where dispute_id = cast(?1 as uuid)",
                String.class, id).get(0);
        // 7 calendar days after the last performance deadline, moved to the next working day when that is a rest
        // day (民法典 Art. 203; the one deadline rule since issue 13, so no longer plain "+ 17 days")
        assertEquals(org.publiclegal.shared.calendar.DayCounting.CALENDAR.lastDay(TestClock.today().plusDays(10), 7,
                Map.of()).toString(), due, "7 days after the last performance deadline");
        post(mediator, "/" + id + "/follow-up", Map.of("performance", "PERFORMED", "satisfaction", 5)).statusCode(200)
                .body("performance", equalTo("PERFORMED"));
        post(mediator, "/" + id + "/follow-up", Map.of("performance", "PARTLY", "satisfaction", 3)).statusCode(409);
        org.hamcrest.MatcherAssert.assertThat(ledger(id), hasItem("MEDIATION_AGREEMENT_PERFORMED"));
        post(alice, "/" + id + "/follow-up", Map.of("performance", "PERFORMED", "satisfaction", 5)).statusCode(403);
    }

    @Test
    void courtReferralsRunTheReferralsTimeLimitAndReturnTheResult() {
        Fixtures.County c = Fixtures.county();
        Account mediator = Fixtures.mediator(c.committeeA());
        Organisation court = Organisation.create(org.publiclegal.region.OrganisationType.COURT, null,
                "测试法院" + UUID.randomUUID(), c.county(), null, null, TestClock.now());
        Fixtures.run(s -> s.persist(court));
        Map<String, Object> referral = new HashMap<>();
        referral.put("courtId", court.id.toString());
        referral.put("courtCaseNumber", "（2026）云2932民诉前调" + UUID.randomUUID().toString().substring(0, 6) + "号");
        referral.put("referralType", "DELEGATED");
        referral.put("disputeType", "DAMAGES");
        referral.put("facts", "车辆刮擦造成损失");
        referral.put("claims", "赔偿修理费 4200 元");
        referral.put("parties", List.of(Map.of("kind", "PERSON", "name", "和丽芳", "phone", "13908721234"),
                Map.of("kind", "ORGANISATION", "name", "某运输公司")));
        referral.put("villageCode", c.villageA2());
        referral.put("preferredMode", "PHONE");
        Response r = given().auth().oauth2(Fixtures.token(mediator)).contentType(ContentType.JSON).body(referral)
                .post("/api/mediation/disputes/court-referrals");
        r.then().statusCode(201).body("summary.status", equalTo("ACCEPTED"))
                .body("courtReferral.referralType", equalTo("DELEGATED"));
        assertEquals(2, r.jsonPath().getMap("invitationCodes").size());
        String id = r.jsonPath().getString("summary.id");
        // since issue 13 a referral's limit ends at 24:00 China time of its last day, rolled past rest days
        LocalDate today = TestClock.today();
        assertEquals(org.publiclegal.shared.calendar.WorkCalendar.endOf(org.publiclegal.shared.calendar.DayCounting.CALENDAR
                .lastDay(today, 30, Map.of())), Instant.parse(r.jsonPath().getString("summary.dueAt")), "委派: 30 days");

        referral.put("courtCaseNumber", "（2026）云2932民初" + UUID.randomUUID().toString().substring(0, 6) + "号");
        referral.put("referralType", "ENTRUSTED_SIMPLIFIED");
        String due = given().auth().oauth2(Fixtures.token(mediator)).contentType(ContentType.JSON).body(referral)
                .post("/api/mediation/disputes/court-referrals").then().statusCode(201).extract().path("summary.dueAt");
        assertEquals(org.publiclegal.shared.calendar.WorkCalendar.endOf(org.publiclegal.shared.calendar.DayCounting.CALENDAR
                .lastDay(today, 7, Map.of())), Instant.parse(due), "委托 (简易程序): 7 days");

        post(mediator, "/" + id + "/court-return", Map.of("reason", "调解中")).statusCode(409);
        post(mediator, "/" + id + "/failure", Map.of("reason", "赔偿金额分歧大")).statusCode(409);
        // both parties (the company through its representative) join with their codes and consent
        post(mediator, "/" + id + "/withdraw", null).statusCode(403);
        for (String code : r.jsonPath().getMap("invitationCodes", String.class, String.class).values()) {
            Account party = Fixtures.residentWithProfile(c.villageA2());
            post(party, "/invitations", Map.of("code", code)).statusCode(200);
            post(party, "/" + id + "/consent", null).statusCode(200);
        }
        get(mediator, id).statusCode(200).body("summary.status", equalTo("IN_MEDIATION"));
        post(mediator, "/" + id + "/failure", Map.of("reason", "赔偿金额分歧大")).statusCode(200);
        post(mediator, "/" + id + "/court-return", Map.of("reason", "调解不成，退回法院立案")).statusCode(200)
                .body("courtReferral.returnedAt", notNullValue());
        post(mediator, "/" + id + "/court-return", Map.of("reason", "again")).statusCode(409);
        assertEquals(List.of("MEDIATION_COURT_REFERRAL_RECEIVED", "MEDIATION_DISPUTE_ACCEPTED", "MEDIATION_FAILED",
                "MEDIATION_COURT_REFERRAL_RETURNED"), ledger(id));
        // the same court case cannot be entered twice
        referral.put("courtCaseNumber", given().auth().oauth2(Fixtures.token(mediator)).get("/api/mediation/disputes/" + id)
                .then().extract().path("courtReferral.courtCaseNumber"));
        given().auth().oauth2(Fixtures.token(mediator)).contentType(ContentType.JSON).body(referral)
                .post("/api/mediation/disputes/court-referrals").then().statusCode(409);
    }

    @Test
    void aPartysRefusalEndsTheMediation() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        String id = submittedAndJoined(alice, bob, c.villageA1());
        post(bob, "/" + id + "/refusal", Map.of("reason", "不想调解，准备起诉")).statusCode(200)
                .body("summary.status", equalTo("REFUSED_BY_PARTY"))
                .body("otherRoutes", containsString("人民法院"));
        post(mediator, "/" + id + "/acceptance", null).statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION"));
        assertEquals(List.of("MEDIATION_DISPUTE_RECEIVED"), ledger(id));
    }

    @Test
    void aVillageWithoutACommitteeFallsBackToTheTownships() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA2());
        submit(alice, neighbourDispute(c.villageA2())).then().statusCode(201)
                .body("summary.committeeId", equalTo(c.committeeA().id.toString()))
                .body("summary.regionCode", equalTo(c.villageA2()));
        submit(alice, neighbourDispute(c.townshipA())).then().statusCode(400)
                .body("errors[0].field", equalTo("villageCode"));
    }

    @Test
    void mediatorsOfOtherCommitteesAndOtherTownshipsSeeNothing() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        String id = submittedAndJoined(alice, bob, c.villageA1());
        Account other = Fixtures.mediator(c.committeeB());
        get(other, id).statusCode(404).contentType("application/problem+json");
        post(other, "/" + id + "/acceptance", null).statusCode(404);
        given().auth().oauth2(Fixtures.token(other)).get("/api/mediation/disputes").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        get(c.officeStaffB(), id).statusCode(404);
        // the township's 司法所 watches all its committees, without the parties' details
        get(c.officeStaffA(), id).statusCode(200).body("facts", nullValue())
                .body("parties[1].phone", equalTo("139****5678"));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/mediation/disputes").then().statusCode(200)
                .body("items.id", hasItem(id));
        // a stranger resident neither
        get(Fixtures.residentWithProfile(c.villageA1()), id).statusCode(404);
    }

    @Test
    void aFailedMediationTellsTheOtherRoutesAndCounts() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        String id = submittedAndJoined(alice, bob, c.villageA1());
        post(bob, "/" + id + "/consent", null).statusCode(200).body("summary.status", equalTo("SUBMITTED"));
        post(mediator, "/" + id + "/acceptance", null).statusCode(200).body("summary.status", equalTo("IN_MEDIATION"));
        post(mediator, "/" + id + "/failure", Map.of("reason", "双方分歧过大")).statusCode(200)
                .body("summary.status", equalTo("FAILED")).body("otherRoutes", containsString("仲裁"));
        assertEquals(List.of("MEDIATION_DISPUTE_RECEIVED", "MEDIATION_DISPUTE_ACCEPTED", "MEDIATION_FAILED"), ledger(id));
    }

    @Test
    void concurrentDuplicateSubmissionsCreateOneDispute() throws Exception {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        String key = UUID.randomUUID().toString();
        String token = Fixtures.token(alice);
        Map<String, Object> body = neighbourDispute(c.villageA1());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                        .body(body).post("/api/mediation/disputes");
            }));
        }
        go.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<Response> f : calls) {
            Response r = f.get();
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.jsonPath().getString("summary.id"));
        }
        pool.shutdown();
        assertEquals(1, ids.size());
        assertEquals(1L, Fixtures.column("select count(*) from med_dispute where applicant_id = ?1", Long.class,
                alice.id).get(0));
    }

    @Test
    void partiesAndTheMediatorSubmitEvidenceUnderTheMaterialRules() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        Account mediator = Fixtures.mediator(c.villageCommitteeA1());
        String id = submittedAndJoined(alice, bob, c.villageA1());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4};
        given().auth().oauth2(Fixtures.token(alice)).multiPart("file", "wall-photo.png", png, "application/octet-stream")
                .post("/api/mediation/disputes/" + id + "/evidence").then().statusCode(201)
                .body("contentType", equalTo("image/png"));
        given().auth().oauth2(Fixtures.token(alice)).multiPart("file", "x.png", "plain text".getBytes(), "image/png")
                .post("/api/mediation/disputes/" + id + "/evidence").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        String evidenceId = given().auth().oauth2(Fixtures.token(mediator)).get("/api/mediation/disputes/" + id + "/evidence")
                .then().statusCode(200).body("fileName", contains("wall-photo.png")).extract().path("[0].id");
        byte[] back = given().auth().oauth2(Fixtures.token(bob)).get("/api/mediation/disputes/" + id + "/evidence/" + evidenceId)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertEquals(png.length, back.length);
        given().auth().oauth2(Fixtures.token(Fixtures.mediator(c.committeeB()))).get("/api/mediation/disputes/" + id + "/evidence/" + evidenceId)
                .then().statusCode(404);
    }

    @Test
    void invalidSubmissionsAreFieldErrors() {
        Fixtures.County c = Fixtures.county();
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Map<String, Object> bad = neighbourDispute(c.villageA1());
        bad.put("disputeType", "DUEL");
        submit(alice, bad).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("disputeType"));
        Map<String, Object> noParty = neighbourDispute(c.villageA1());
        noParty.put("otherParties", List.of());
        submit(alice, noParty).then().statusCode(400).body("errors[0].field", equalTo("otherParties"));
        post(alice, "/invitations", Map.of("code", "NOSUCHCODE")).statusCode(404);
    }

    /** The holidays and 调休 working days of the given years, as GET /api/calendar/days publishes them. */
    private static Map<LocalDate, org.publiclegal.shared.calendar.DayCounting.DayKind> publishedCalendar(int... years) {
        Map<LocalDate, org.publiclegal.shared.calendar.DayCounting.DayKind> days = new HashMap<>();
        for (int year : years) {
            List<Map<String, String>> listed = given().queryParam("year", year).get("/api/calendar/days")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            listed.forEach(d -> days.put(LocalDate.parse(d.get("day")),
                    org.publiclegal.shared.calendar.DayCounting.DayKind.valueOf(d.get("kind"))));
        }
        return days;
    }
}
