package org.publiclegal.reporting;

import org.publiclegal.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.publiclegal.identity.Account;
import org.publiclegal.legalaid.LegalAidFlow;
import org.publiclegal.region.Organisation;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Activity scripted through the legal-aid and mediation APIs, for the figures to count. */
final class ReportingFlow {

    private ReportingFlow() {
    }

    static ValidatableResponse post(Account who, String path, Object body) {
        var r = given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON);
        if (body != null) {
            r.body(body);
        }
        return r.post(path).then();
    }

    /** A submitted wage-claim application of a new resident of {@code village}; returns its id. */
    static String aidApplication(String village) {
        return LegalAidFlow.submitted(Fixtures.residentWithProfile(village), village);
    }

    /** Submitted and received by the centre: the 7-day review clock runs. */
    static String received(Fixtures.County c, String village) {
        String id = aidApplication(village);
        post(c.aidOfficer(), "/api/aid/applications/" + id + "/receive", null).statusCode(200);
        return id;
    }

    /** Received, granted and assigned to a new lawyer of the county's firm: one 受理法律援助案件. */
    static Account assigned(Fixtures.County c, String id) {
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        post(c.aidOfficer(), "/api/aid/applications/" + id + "/receive", null).statusCode(200);
        post(c.aidOfficer(), "/api/aid/applications/" + id + "/grant", Map.of("reason", "符合经济困难标准")).statusCode(200);
        post(c.aidOfficer(), "/api/aid/applications/" + id + "/assignment", Map.of("lawyerId", lawyer.id.toString()))
                .statusCode(200);
        return lawyer;
    }

    /** Assigned, accepted and closed with {@code recovered} yuan 避免和挽回经济损失. */
    static void closed(Fixtures.County c, String id, String recovered) {
        Account lawyer = assigned(c, id);
        post(lawyer, "/api/aid/applications/" + id + "/acceptance", null).statusCode(200);
        post(lawyer, "/api/aid/applications/" + id + "/closure", Map.of("outcome", "WON", "awardedAmount", recovered,
                "recoveredAmount", recovered, "closingReport", "仲裁裁决支付全部工资")).statusCode(200);
    }

    static void consultation(Fixtures.County c, String village, int persons) {
        post(c.aidOfficer(), "/api/aid/consultations", Map.of("channel", "HOTLINE_12348", "matter", "SUPPORT_PAYMENT",
                "regionCode", village, "persons", persons)).statusCode(201);
    }

    static void screening(Account who, String region) {
        screening(who, region, TestClock.today());
    }

    static void screening(Account who, String region, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("screenedOn", on.toString());
        body.put("place", "村委会");
        body.put("regionCode", region);
        body.put("householdsVisited", 20);
        body.put("disputesFound", 1);
        body.put("riskLevel", "LOW");
        post(who, "/api/mediation/screenings", body).statusCode(201);
    }

    /** A neighbour dispute in {@code village}, both parties in, accepted: IN_MEDIATION. Returns its id. */
    static String inMediation(String village, Account mediator) {
        Account alice = Fixtures.residentWithProfile(village);
        Account bob = Fixtures.residentWithProfile(village);
        Map<String, Object> body = new HashMap<>();
        body.put("disputeType", "NEIGHBOUR");
        body.put("facts", "围墙占用通道");
        body.put("claims", "恢复通行");
        body.put("otherParties", List.of(Map.of("kind", "PERSON", "name", "杨建华", "phone", "13908725678")));
        body.put("villageCode", village);
        body.put("preferredMode", "IN_PERSON");
        Response r = given().auth().oauth2(Fixtures.token(alice)).contentType(ContentType.JSON).body(body)
                .post("/api/mediation/disputes");
        r.then().statusCode(201);
        String id = r.jsonPath().getString("summary.id");
        String code = r.jsonPath().getMap("invitationCodes", String.class, String.class).values().iterator().next();
        post(bob, "/api/mediation/disputes/invitations", Map.of("code", code)).statusCode(200);
        post(bob, "/api/mediation/disputes/" + id + "/consent", null).statusCode(200);
        post(mediator, "/api/mediation/disputes/" + id + "/acceptance", null).statusCode(200);
        post(mediator, "/api/mediation/disputes/" + id + "/assignment",
                Map.of("mediatorIds", List.of(mediator.id.toString()))).statusCode(200);
        // the parties confirm through their own accounts: keep them on the dispute for succeeded()
        PARTIES.put(id, List.of(alice, bob));
        return id;
    }

    private static final Map<String, List<Account>> PARTIES = new java.util.concurrent.ConcurrentHashMap<>();

    static void succeeded(String id, Account mediator) {
        post(mediator, "/api/mediation/disputes/" + id + "/agreement", Map.of("facts", "通道争议",
                "responsibilities", "占道一方负责", "terms", List.of(Map.of("content", "拆除围墙一米",
                        "performanceMethod", "自行拆除", "deadline", TestClock.today().plusDays(10).toString()))))
                .statusCode(200);
        for (Account party : PARTIES.get(id)) {
            post(party, "/api/mediation/disputes/" + id + "/agreement/confirmation", null).statusCode(200);
        }
        post(mediator, "/api/mediation/disputes/" + id + "/agreement/seal", null).statusCode(200);
    }

    /** A court in the county, for referrals and judicial confirmations. */
    static Organisation court(Fixtures.County c) {
        Organisation court = Organisation.create(org.publiclegal.region.OrganisationType.COURT, null,
                "测试法院" + UUID.randomUUID(), c.county(), null, null, TestClock.now());
        Fixtures.run(s -> s.persist(court));
        return court;
    }

    /** A case referred by the court before filing (诉前委派), entered by a mediator. */
    static void courtReferral(Account mediator, Organisation court, String village) {
        courtReferral(mediator, court, village, "DELEGATED");
    }

    /** A case referred by the court, of the referral type {@code type} (DELEGATED, ENTRUSTED_ORDINARY …). */
    static String courtReferral(Account mediator, Organisation court, String village, String type) {
        Map<String, Object> referral = new HashMap<>();
        referral.put("courtId", court.id.toString());
        referral.put("courtCaseNumber", "（2026）诉前调" + UUID.randomUUID().toString().substring(0, 8) + "号");
        referral.put("referralType", type);
        referral.put("disputeType", "DAMAGES");
        referral.put("facts", "车辆刮擦造成损失");
        referral.put("claims", "赔偿修理费");
        referral.put("parties", List.of(Map.of("kind", "PERSON", "name", "和丽芳", "phone", "13908721234"),
                Map.of("kind", "PERSON", "name", "杨建华")));
        referral.put("villageCode", village);
        referral.put("preferredMode", "PHONE");
        return post(mediator, "/api/mediation/disputes/court-referrals", referral).statusCode(201).extract().path("summary.id");
    }

    /** 司法确认 applied for today and confirmed by the court. */
    static void judiciallyConfirmed(String id, Account mediator, Organisation court) {
        String today = TestClock.today().toString();
        post(mediator, "/api/mediation/disputes/" + id + "/judicial-confirmation",
                Map.of("courtId", court.id.toString(), "appliedOn", today)).statusCode(201);
        post(mediator, "/api/mediation/disputes/" + id + "/judicial-confirmation/ruling",
                Map.of("ruling", "CONFIRMED", "ruledOn", today)).statusCode(200);
    }

    static void failed(String id, Account mediator) {
        post(mediator, "/api/mediation/disputes/" + id + "/failure", Map.of("reason", "双方分歧过大")).statusCode(200);
    }
}
