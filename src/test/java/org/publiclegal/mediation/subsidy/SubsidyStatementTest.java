package org.publiclegal.mediation.subsidy;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.region.Organisation;
import org.publiclegal.testing.Fixtures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@QuarkusTest
class SubsidyStatementTest {

    private static final RestAssuredConfig DECIMALS = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    // ---- helpers copied from MediationLifecycleTest ----------------------------------------------------

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

    /** Drives a new dispute through acceptance, assignment and the sealed agreement: SUCCEEDED. */
    private static String succeeded(Account alice, Account bob, String village, Account accepting,
                                    Account... assigned) {
        String id = submittedAndJoined(alice, bob, village);
        post(accepting, "/" + id + "/acceptance", null).statusCode(200).body("summary.status", equalTo("ACCEPTED"));
        post(bob, "/" + id + "/consent", null).statusCode(200).body("summary.status", equalTo("IN_MEDIATION"));
        if (assigned.length > 0) {
            post(accepting, "/" + id + "/assignment", Map.of("mediatorIds",
                    List.of(assigned).stream().map(a -> a.id.toString()).toList())).statusCode(200);
        }
        Map<String, Object> agreement = Map.of("facts", "双方因通道宽度发生争议",
                "responsibilities", "杨建华修建围墙超出宅基地界线",
                "terms", List.of(Map.of("content", "杨建华拆除占道围墙一米", "performanceMethod", "自行拆除",
                        "deadline", TestClock.today().plusDays(20).toString())));
        post(accepting, "/" + id + "/agreement", agreement).statusCode(200);
        post(alice, "/" + id + "/agreement/confirmation", null).statusCode(200);
        post(bob, "/" + id + "/agreement/confirmation", null).statusCode(200);
        post(accepting, "/" + id + "/agreement/seal", null).statusCode(200).body("summary.status", equalTo("SUCCEEDED"));
        return id;
    }

    // ---- subsidy helpers -----------------------------------------------------------------------------

    private static Map<String, Object> rule(String region, String tier, String amount, boolean performance) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("tier", tier);
        body.put("amount", amount);
        body.put("needsWrittenAgreement", true);
        body.put("needsPerformance", performance);
        body.put("effectiveFrom", "2020-01-01");
        body.put("source", "测试县人民调解以案定补办法");
        return body;
    }

    private static ValidatableResponse addRule(Account who, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON).body(body)
                .post("/api/mediation/subsidy-rules").then();
    }

    private static ValidatableResponse statement(Account who, Organisation committee, String month) {
        return given().config(DECIMALS).auth().oauth2(Fixtures.token(who)).queryParam("committee", committee.id.toString())
                .queryParam("month", month).get("/api/mediation/subsidy-statements").then();
    }

    private static String monthOf(String disputeId) {
        return Fixtures.column("select to_char(concluded_at at time zone 'Asia/Shanghai', 'YYYY-MM') from med_dispute "
                + "where id = cast(?1 as uuid)", String.class, disputeId).get(0);
    }

    private static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theMonthlyStatementPaysQualifyingCasesOncePerCommitteeAndListsThemUnderEachMediator() {
        Fixtures.County c = Fixtures.county();
        Organisation committee = c.villageCommitteeA1();
        Account m1 = Fixtures.mediator(committee);
        Account m2 = Fixtures.mediator(committee);
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());

        // county: ORDINARY ¥100 (agreement performed required), COMPLEX ¥200; township A: COMPLEX ¥300 (deeper, wins)
        String ordinary = addRule(c.bureauAdmin(), rule(c.county(), "ORDINARY", "100", true)).statusCode(201)
                .body("amount", equalTo(100.0f)).extract().path("id");
        addRule(c.bureauAdmin(), rule(c.county(), "COMPLEX", "200.00", false)).statusCode(201);
        String complexA = addRule(c.bureauAdmin(), rule(c.townshipA(), "COMPLEX", "300.01", false)).statusCode(201)
                .extract().path("id");

        String performed = succeeded(alice, bob, c.villageA1(), m1, m1);       // ORDINARY, performed: ¥100
        String notPerformed = succeeded(alice, bob, c.villageA1(), m1, m1);    // ORDINARY, not performed: excluded
        String shared = succeeded(alice, bob, c.villageA1(), m1, m1, m2);      // COMPLEX, two mediators: ¥300.01 once
        String noTier = succeeded(alice, bob, c.villageA1(), m2, m2);          // no tier: excluded
        String open = submittedAndJoined(alice, bob, c.villageA1());          // not concluded: not listed

        post(m1, "/" + performed + "/subsidy-tier", Map.of("tier", "ORDINARY")).statusCode(200)
                .body("tier", equalTo("ORDINARY"));
        post(m1, "/" + performed + "/follow-up", Map.of("performance", "PERFORMED", "satisfaction", 5)).statusCode(200)
                .body("performance", equalTo("PERFORMED"));
        post(m1, "/" + notPerformed + "/follow-up", Map.of("performance", "NOT_PERFORMED", "satisfaction", 2)).statusCode(200);
        post(m1, "/" + notPerformed + "/subsidy-tier", Map.of("tier", "ORDINARY")).statusCode(200)
                .body("tier", equalTo("ORDINARY"));
        post(m2, "/" + shared + "/subsidy-tier", Map.of("tier", "MAJOR")).statusCode(200);
        post(m2, "/" + shared + "/subsidy-tier", Map.of("tier", "COMPLEX")).statusCode(200)
                .body("tier", equalTo("COMPLEX"));
        post(m1, "/" + open + "/subsidy-tier", Map.of("tier", "ORDINARY")).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("CONFLICT"));

        String month = monthOf(performed);
        assumeTrue(List.of(notPerformed, shared, noTier).stream().allMatch(id -> month.equals(monthOf(id))),
                "the cases were concluded on both sides of a month boundary");

        JsonPath s = statement(m1, committee, month).statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath(new io.restassured.path.json.config.JsonPathConfig()
                        .numberReturnType(NumberReturnType.BIG_DECIMAL));
        assertEquals(committee.id.toString(), s.getString("committeeId"));
        assertEquals(month, s.getString("month"));
        assertEquals(List.of(performed, notPerformed, shared, noTier), s.getList("cases.disputeId"));
        assertEquals(4, s.getInt("succeededCases"));
        assertEquals(2, s.getInt("qualifyingCases"));
        assertEquals(yuan("400.01"), s.get("totalAmount"), "¥100 + ¥300.01, the shared case once");

        Map<String, Object> paid = line(s, "cases", performed);
        assertEquals(true, paid.get("qualifies"));
        assertEquals(yuan("100.00"), paid.get("amount"));
        assertEquals(ordinary, ((Map<?, ?>) paid.get("rule")).get("id"));
        assertEquals(true, paid.get("writtenAgreement"));

        Map<String, Object> unpaid = line(s, "cases", notPerformed);
        assertEquals(false, unpaid.get("qualifies"));
        assertEquals(yuan("0.00"), unpaid.get("amount"));
        assertEquals(ordinary, ((Map<?, ?>) unpaid.get("rule")).get("id"));
        assertEquals(List.of("NOT_PERFORMED"), codes(unpaid));

        Map<String, Object> both = line(s, "cases", shared);
        assertEquals(true, both.get("qualifies"));
        assertEquals(yuan("300.01"), both.get("amount"));
        // the odd fen goes to the first-assigned mediator (assigned together: the lower id)
        UUID firstAssigned = Fixtures.column("select mediator_id from med_assignment where dispute_id = cast(?1 as uuid) "
                + "order by assigned_at, mediator_id limit 1", UUID.class, shared).get(0);
        Account firstById = firstAssigned.equals(m1.id) ? m1 : m2;
        Account secondById = firstById == m1 ? m2 : m1;
        assertEquals(List.of(Map.of("mediatorId", firstById.id.toString(), "amount", yuan("150.01")),
                Map.of("mediatorId", secondById.id.toString(), "amount", yuan("150.00"))), both.get("shares"));
        assertEquals(complexA, ((Map<?, ?>) both.get("rule")).get("id"), "the township's rule beats the county's");
        assertEquals(Set.of(m1.id.toString(), m2.id.toString()), Set.copyOf((List<?>) both.get("mediatorIds")));

        Map<String, Object> untiered = line(s, "cases", noTier);
        assertEquals(false, untiered.get("qualifies"));
        assertNull(untiered.get("rule"));
        assertEquals(List.of("NO_TIER"), codes(untiered));

        Map<String, Object> first = mediatorLines(s, m1);
        assertEquals(List.of(performed, notPerformed, shared), lineIds(first));
        assertEquals(2, ((Number) first.get("qualifyingCases")).intValue());
        assertEquals(yuan("100.00").add(firstById == m1 ? yuan("150.01") : yuan("150.00")), first.get("amount"));
        assertEquals(m1.displayName, first.get("name"));
        Map<String, Object> second = mediatorLines(s, m2);
        assertEquals(List.of(shared, noTier), lineIds(second));
        assertEquals(1, ((Number) second.get("qualifyingCases")).intValue());
        assertEquals(firstById == m2 ? yuan("150.01") : yuan("150.00"), second.get("amount"));
        assertEquals(2, s.getList("mediators").size());
        assertEquals(yuan("400.01"), ((BigDecimal) first.get("amount")).add((BigDecimal) second.get("amount")),
                "the mediators' lines add up to the committee's total");

        // the township's 司法所 and the county's 司法局 see it too; an empty month is an empty statement
        statement(c.officeStaffA(), committee, month).statusCode(200).body("totalAmount", equalTo(yuan("400.01")));
        statement(c.bureauAdmin(), committee, month).statusCode(200).body("qualifyingCases", equalTo(2));
        statement(m1, committee, "2001-01").statusCode(200).body("succeededCases", equalTo(0))
                .body("totalAmount", equalTo(yuan("0.00"))).body("cases", org.hamcrest.Matchers.empty());
    }

    private static ValidatableResponse issue(Account who, Organisation committee, String month) {
        return given().config(DECIMALS).auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON)
                .body(Map.of("committeeId", committee.id.toString(), "month", month))
                .post("/api/mediation/subsidy-statements").then();
    }

    /** Moves the dispute's conclusion to the 10th of last month (China time), as if concluded then. */
    private static String concludedLastMonth(String disputeId) {
        Fixtures.run(s -> s.createNativeQuery("""
                        update med_dispute set concluded_at = (date_trunc('month', now() at time zone 'Asia/Shanghai')
                            - interval '1 month' + interval '9 days 10 hours') at time zone 'Asia/Shanghai'
                        where id = cast(?1 as uuid)""").setParameter(1, disputeId).executeUpdate());
        return monthOf(disputeId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIssuedStatementStaysAsIssuedAndALaterFollowUpIsPaidAsAnAdjustmentNextMonth() {
        Fixtures.County c = Fixtures.county();
        Organisation committee = c.villageCommitteeA1();
        Account m1 = Fixtures.mediator(committee);
        Account m2 = Fixtures.mediator(committee);
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        addRule(c.bureauAdmin(), rule(c.county(), "ORDINARY", "100.01", true)).statusCode(201);

        String shared = succeeded(alice, bob, c.villageA1(), m1, m1, m2);     // performed: 50.01 + 50.00
        String waiting = succeeded(alice, bob, c.villageA1(), m1, m2);        // follow-up after the issue
        post(m1, "/" + shared + "/subsidy-tier", Map.of("tier", "ORDINARY")).statusCode(200);
        post(m1, "/" + shared + "/follow-up", Map.of("performance", "PERFORMED", "satisfaction", 5)).statusCode(200);
        post(m2, "/" + waiting + "/subsidy-tier", Map.of("tier", "ORDINARY")).statusCode(200);
        String month = concludedLastMonth(shared);
        assertEquals(month, concludedLastMonth(waiting));
        String thisMonth = java.time.YearMonth.parse(month).plusMonths(1).toString();

        // only the 司法所 over the committee issues, only a finished month, once
        issue(c.bureauAdmin(), committee, month).statusCode(403);
        issue(m1, committee, month).statusCode(403);
        issue(c.officeStaffB(), committee, month).statusCode(404).contentType("application/problem+json");
        issue(c.officeStaffA(), committee, thisMonth).statusCode(400).body("errors[0].field", equalTo("month"));
        issue(c.officeStaffA(), committee, "2026-1").statusCode(400);
        JsonPath issued = issue(c.officeStaffA(), committee, month).statusCode(201).extract()
                .jsonPath(new io.restassured.path.json.config.JsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
        assertEquals(yuan("100.01"), issued.get("totalAmount"));
        assertEquals(1, issued.getInt("qualifyingCases"));
        assertEquals(c.officeStaffA().id.toString(), issued.getString("issue.issuedBy"));
        assertEquals(List.of("PERFORMANCE_NOT_RECORDED"), codes(line(issued, "cases", waiting)));
        Map<String, Object> both = line(issued, "cases", shared);
        assertEquals(Set.of(yuan("50.01"), yuan("50.00")), ((List<Map<String, Object>>) both.get("shares")).stream()
                .map(sh -> sh.get("amount")).collect(Collectors.toSet()));
        issue(c.officeStaffA(), committee, month).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CONFLICT"));
        assertEquals(List.of(10001L), Fixtures.column("select total_fen from med_subsidy_issue where committee_id = ?1",
                Long.class, committee.id));
        assertEquals(1L, Fixtures.column("select count(*) from audit_log where action = 'SUBSIDY_STATEMENT_ISSUED' "
                + "and object_id = ?1", Long.class, issued.getString("issue.id")).get(0));
        String asIssued = statement(c.bureauAdmin(), committee, month).statusCode(200).extract().asString();

        // the follow-up arrives after the issue: the issued month does not move, this month pays the difference
        post(m1, "/" + waiting + "/follow-up", Map.of("performance", "PERFORMED", "satisfaction", 4)).statusCode(200);
        assertEquals(asIssued, statement(c.officeStaffA(), committee, month).statusCode(200).extract().asString());
        statement(m1, committee, month).statusCode(200).body("totalAmount", equalTo(yuan("100.01")))
                .body("qualifyingCases", equalTo(1));

        JsonPath next = statement(c.officeStaffA(), committee, thisMonth).statusCode(200).extract()
                .jsonPath(new io.restassured.path.json.config.JsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
        assertNull(next.get("issue"));
        List<Map<String, Object>> adjustments = next.getList("adjustments");
        assertEquals(1, adjustments.size());
        Map<String, Object> a = adjustments.get(0);
        assertEquals(month, a.get("caseMonth"));
        assertEquals(waiting, a.get("disputeId"));
        assertEquals("/api/mediation/disputes/" + waiting, a.get("href"));
        assertEquals(m2.id.toString(), a.get("mediatorId"));
        assertEquals(yuan("0.00"), a.get("paid"));
        assertEquals(yuan("100.01"), a.get("amount"));
        assertTrue(((String) a.get("reason")).contains("补发"));
        assertEquals(yuan("100.01"), next.get("adjustmentAmount"));
        assertEquals(((BigDecimal) next.get("totalAmount")).add(yuan("100.01")), next.get("payableAmount"));
    }

    @Test
    void aCaseNeedingPerformanceWaitsForTheFollowUp() {
        Fixtures.County c = Fixtures.county();
        Organisation committee = c.villageCommitteeA1();
        Account m = Fixtures.mediator(committee);
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        addRule(c.bureauAdmin(), rule(c.county(), "ORDINARY", "100.00", true)).statusCode(201);
        String waiting = succeeded(alice, bob, c.villageA1(), m, m);
        String unassigned = succeeded(alice, bob, c.villageA1(), m);
        post(m, "/" + waiting + "/subsidy-tier", Map.of("tier", "ORDINARY")).statusCode(200);
        post(m, "/" + unassigned + "/subsidy-tier", Map.of("tier", "MAJOR")).statusCode(200);
        String month = monthOf(waiting);
        assumeTrue(month.equals(monthOf(unassigned)), "concluded on both sides of a month boundary");

        JsonPath s = statement(m, committee, month).statusCode(200).extract().jsonPath();
        assertEquals(List.of("PERFORMANCE_NOT_RECORDED"), codes(line(s, "cases", waiting)));
        assertEquals(List.of("NO_RULE", "NO_MEDIATOR"), codes(line(s, "cases", unassigned)));
        assertEquals(0, s.getInt("qualifyingCases"));
        assertEquals(1, s.getList("mediators").size());

        post(m, "/" + waiting + "/follow-up", Map.of("performance", "PERFORMED", "satisfaction", 4)).statusCode(200);
        statement(m, committee, month).statusCode(200).body("qualifyingCases", equalTo(1))
                .body("totalAmount", equalTo(yuan("100.00")));
    }

    @Test
    void onlyTheCommitteeAndTheAuthoritiesOverItSeeTheStatementAndSetTiers() {
        Fixtures.County c = Fixtures.county();
        Organisation committee = c.villageCommitteeA1();
        Account m = Fixtures.mediator(committee);
        Account alice = Fixtures.residentWithProfile(c.villageA1());
        Account bob = Fixtures.residentWithProfile(c.villageA1());
        String id = succeeded(alice, bob, c.villageA1(), m, m);
        String month = monthOf(id);

        Account otherCommittee = Fixtures.mediator(c.committeeA());
        statement(otherCommittee, committee, month).statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        statement(Fixtures.mediator(c.committeeB()), committee, month).statusCode(404);
        statement(c.officeStaffB(), committee, month).statusCode(404);
        statement(c.aidOfficer(), committee, month).statusCode(403);
        statement(m, c.officeA(), month).statusCode(404);
        statement(m, committee, "2026-13").statusCode(400).body("errors[0].field", org.hamcrest.Matchers.containsString("month"));

        post(otherCommittee, "/" + id + "/subsidy-tier", Map.of("tier", "ORDINARY")).statusCode(404);
        post(c.officeStaffA(), "/" + id + "/subsidy-tier", Map.of("tier", "ORDINARY")).statusCode(403);
        post(m, "/" + id + "/subsidy-tier", Map.of("tier", "HEROIC")).statusCode(400);
        post(m, "/" + id + "/follow-up", Map.of()).statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("performance"));
        List<String> audited = Fixtures.column("select action from audit_log where object_id = ?1 and action like 'SUBSIDY%'",
                String.class, id);
        assertTrue(audited.isEmpty());
        post(m, "/" + id + "/subsidy-tier", Map.of("tier", "ORDINARY")).statusCode(200);
        assertEquals(List.of("SUBSIDY_TIER_SET"), Fixtures.column(
                "select action from audit_log where object_id = ?1 and action like 'SUBSIDY%'", String.class, id));
    }

    @Test
    void rulesAreDataThatTheBureauAddsInItsCountyWithoutOverlaps() {
        Fixtures.County c = Fixtures.county();
        String id = addRule(c.bureauAdmin(), rule(c.townshipA(), "MAJOR", "500.00", true)).statusCode(201)
                .body("needsPerformance", equalTo(true)).extract().path("id");
        assertEquals(1L, Fixtures.column("select count(*) from audit_log where object_id = ?1 and action = 'SUBSIDY_RULE_ADDED'",
                Long.class, id).get(0));
        assertEquals(50000L, Fixtures.column("select amount_fen from med_subsidy_rule where id = cast(?1 as uuid)",
                Long.class, id).get(0));
        Map<String, Object> overlapping = rule(c.townshipA(), "MAJOR", "600.00", true);
        overlapping.put("effectiveFrom", "2024-01-01");
        addRule(c.bureauAdmin(), overlapping).statusCode(409).body("code", equalTo("CONFLICT"));
        // the old amount ends, the new one starts that day
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("effectiveTo", "2024-01-01")).post("/api/mediation/subsidy-rules/" + id + "/expiry")
                .then().statusCode(200).body("effectiveTo", equalTo("2024-01-01"));
        addRule(c.bureauAdmin(), overlapping).statusCode(201);
        // another tier of the same region does not clash
        addRule(c.bureauAdmin(), rule(c.townshipA(), "ORDINARY", "100.00", true)).statusCode(201);

        addRule(c.bureauAdmin(), rule(c.villageA1(), "ORDINARY", "100.00", true)).statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        addRule(c.bureauAdmin(), rule(c.province(), "ORDINARY", "100.00", true)).statusCode(403);
        addRule(c.officeStaffA(), rule(c.townshipA(), "COMPLEX", "100.00", true)).statusCode(403);
        Map<String, Object> cents = rule(c.townshipA(), "COMPLEX", "100.001", true);
        addRule(c.bureauAdmin(), cents).statusCode(400).body("errors[0].field", equalTo("amount"));
        Map<String, Object> noFlag = rule(c.townshipA(), "COMPLEX", "100.00", true);
        noFlag.remove("needsPerformance");
        addRule(c.bureauAdmin(), noFlag).statusCode(400).body("errors[0].field", equalTo("needsPerformance"));

        List<String> tiers = given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("region", c.villageA1())
                .get("/api/mediation/subsidy-rules").then().statusCode(200).extract().jsonPath().getList("tier");
        assertEquals(List.of("MAJOR", "MAJOR", "ORDINARY"), tiers.stream().sorted().toList());
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("region", c.villageB1())
                .get("/api/mediation/subsidy-rules").then().statusCode(200).body("id", org.hamcrest.Matchers.empty());
    }

    @Test
    void theStatementRuleIsTheDeepestInForceOnTheConclusionDay() {
        SubsidyRule county = rule("610110000000", SubsidyTier.ORDINARY, 10000, LocalDate.of(2020, 1, 1), null);
        SubsidyRule townshipOld = rule("610110101000", SubsidyTier.ORDINARY, 12000, LocalDate.of(2020, 1, 1),
                LocalDate.of(2026, 3, 1));
        SubsidyRule townshipNew = rule("610110101000", SubsidyTier.ORDINARY, 15000, LocalDate.of(2026, 3, 1), null);
        SubsidyRule complex = rule("610110000000", SubsidyTier.COMPLEX, 30000, LocalDate.of(2020, 1, 1), null);
        List<SubsidyRule> rules = List.of(county, townshipOld, townshipNew, complex);
        assertEquals(townshipOld, SubsidyStatement.applicable(rules, "610110101201", SubsidyTier.ORDINARY,
                LocalDate.of(2026, 2, 28)));
        assertEquals(townshipNew, SubsidyStatement.applicable(rules, "610110101201", SubsidyTier.ORDINARY,
                LocalDate.of(2026, 3, 1)));
        assertEquals(county, SubsidyStatement.applicable(rules, "610110102201", SubsidyTier.ORDINARY,
                LocalDate.of(2026, 3, 1)));
        assertNull(SubsidyStatement.applicable(rules, "610110101201", SubsidyTier.MAJOR, LocalDate.of(2026, 3, 1)));
        assertNull(SubsidyStatement.applicable(rules, "610110101201", SubsidyTier.ORDINARY, LocalDate.of(2019, 12, 31)));
        // a case concluded at 23:30 on 31 March, China time, belongs to March
        SubsidyStatement.StatementLine line = SubsidyStatement.line(new SubsidyStatement.CaseRow(UUID.randomUUID(), "R1",
                        "610110101201", Instant.parse("2026-03-31T15:30:00Z"), SubsidyTier.COMPLEX, null, true),
                List.of(UUID.randomUUID()), rules);
        assertEquals(LocalDate.of(2026, 3, 31), line.concludedOn());
        assertTrue(line.qualifies());
        assertEquals(new BigDecimal("300.00"), line.amount());
        assertFalse(SubsidyStatement.line(new SubsidyStatement.CaseRow(UUID.randomUUID(), "R2", "610110101201",
                Instant.parse("2026-03-31T15:30:00Z"), SubsidyTier.COMPLEX, null, false), List.of(UUID.randomUUID()),
                List.of(complexNeedingAgreement())).qualifies());
    }

    private static SubsidyRule complexNeedingAgreement() {
        SubsidyRule r = rule("610110000000", SubsidyTier.COMPLEX, 30000, LocalDate.of(2020, 1, 1), null);
        r.needsWrittenAgreement = true;
        return r;
    }

    private static SubsidyRule rule(String region, SubsidyTier tier, long fen, LocalDate from, LocalDate to) {
        return SubsidyRule.create(new SubsidyRule.Terms(region, tier, fen, false, false, from, to, null), null,
                TestClock.now());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(JsonPath s, String list, String disputeId) {
        List<Map<String, Object>> lines = s.getList(list);
        return lines.stream().filter(l -> disputeId.equals(l.get("disputeId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mediatorLines(JsonPath s, Account mediator) {
        List<Map<String, Object>> ms = s.getList("mediators");
        return ms.stream().filter(m -> mediator.id.toString().equals(m.get("mediatorId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> lineIds(Map<String, Object> mediatorLines) {
        return ((List<Map<String, Object>>) mediatorLines.get("lines")).stream().map(l -> (String) l.get("disputeId"))
                .collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> line) {
        return ((List<Map<String, Object>>) line.get("reasons")).stream().map(r -> (String) r.get("code")).toList();
    }
}
