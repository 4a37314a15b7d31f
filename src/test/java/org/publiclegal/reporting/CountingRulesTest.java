package org.publiclegal.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.publiclegal.legalaid.LegalAidFlow;
import org.publiclegal.testing.Fixtures;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ministry's counting rules (issue 12) over HTTP, with hand-counted figures: only service forms that are cases
 * count in 受理法律援助案件; 诉前委派调解 and 委托调解 are separate figures.
 */
@QuarkusTest
class CountingRulesTest {

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void dutyLawyerHelpAndConsultationMattersAreNotCasesAndCountUnderTheirOwnFigures() {
        Fixtures.County c = Fixtures.county();
        // two cases (labour arbitration, document drafting), one 值班律师法律帮助, one 法律咨询 — all assigned
        ReportingFlow.assigned(c, LegalAidFlow.submitted(Fixtures.residentWithProfile(c.villageA1()), c.villageA1()));
        ReportingFlow.assigned(c, LegalAidFlow.submitted(Fixtures.residentWithProfile(c.villageA1()), c.villageA1(),
                "DOCUMENT_DRAFTING"));
        ReportingFlow.assigned(c, LegalAidFlow.submitted(Fixtures.residentWithProfile(c.villageA2()), c.villageA2(),
                "DUTY_LAWYER_HELP"));
        ReportingFlow.assigned(c, LegalAidFlow.submitted(Fixtures.residentWithProfile(c.villageA2()), c.villageA2(),
                "LEGAL_CONSULTATION"));
        // and a walk-in consultation of 3 persons
        ReportingFlow.consultation(c, c.villageA2(), 3);

        Map<String, String> a = ReportingTest.metrics(c.officeStaffA(), c.townshipA());
        assertEquals("2", a.get("legal_aid.cases"), "4 assigned, 2 of them service forms that are cases");
        assertEquals("1", a.get("legal_aid.duty_lawyer_help"));
        assertEquals("4", a.get("legal_aid.consultations"), "3 walk-in persons + 1 法律咨询 matter");
        assertEquals("4", a.get("legal_aid.applications"), "every application received still counts as received");

        List<String> paragraphs = ReportingTest.annual(c.officeStaffA(), c.townshipA()).getList("paragraphs");
        assertTrue(paragraphs.contains("全年共受理法律援助案件2件,值班律师提供法律帮助1人次,法律援助咨询4人次,避免和挽回经济损失0万元。"),
                paragraphs.toString());
        JsonPath definitions = io.restassured.RestAssured.given().auth().oauth2(Fixtures.token(c.bureauAdmin()))
                .get("/api/metrics/catalogue").then().statusCode(200).extract().jsonPath();
        assertTrue(definitions.getString("find { it.key == 'legal_aid.cases' }.definition").contains("值班律师法律帮助"));

        // reconciliation agrees with the case records for each of the three figures
        JsonPath reconcile = io.restassured.RestAssured.given().auth().oauth2(Fixtures.token(c.bureauAdmin()))
                .queryParam("region", c.county()).queryParam("year", ReportingTest.year())
                .get("/api/admin/ledger/reconcile").then().statusCode(200).extract().jsonPath();
        assertEquals(Boolean.TRUE, reconcile.getBoolean("consistent"), reconcile.prettify());
    }

    @Test
    void delegatedBeforeFilingAndEntrustedAfterFilingAreSeparateFiguresAndTheSentenceNamesEach() {
        Fixtures.County c = Fixtures.county();
        var mediator = Fixtures.mediator(c.villageCommitteeA1());
        var court = ReportingFlow.court(c);
        ReportingFlow.courtReferral(mediator, court, c.villageA1(), "DELEGATED");
        ReportingFlow.courtReferral(mediator, court, c.villageA1(), "ENTRUSTED_ORDINARY");
        ReportingFlow.courtReferral(mediator, court, c.villageA1(), "ENTRUSTED_SIMPLIFIED");

        Map<String, String> a = ReportingTest.metrics(c.officeStaffA(), c.townshipA());
        assertEquals("1", a.get("mediation.court_referrals"), "诉前委派: the DELEGATED one only");
        assertEquals("2", a.get("mediation.court_entrustments"), "委托调解: ordinary + simplified");
        List<String> paragraphs = ReportingTest.annual(c.officeStaffA(), c.townshipA()).getList("paragraphs");
        assertTrue(paragraphs.contains("全年共接受诉前委派调解案件1件,委托调解案件2件,司法确认0件。"), paragraphs.toString());
    }

    @Test
    void everyFigureCarriesItsExactValueSoTownshipsAddUpToTheCountyInFen() {
        Fixtures.County c = Fixtures.county();
        // 避免和挽回经济损失: 18600.50 yuan in A, 1234.56 yuan in B; printed 1.8601 + 0.1235 = 1.9836 ≠ 1.9835 (county)
        ReportingFlow.closed(c, ReportingFlow.aidApplication(c.villageA1()), "18600.50");
        ReportingFlow.closed(c, ReportingFlow.aidApplication(c.villageB1()), "1234.56");
        String key = "legal_aid.losses_recovered";
        JsonPath a = exact(c.officeStaffA(), c.townshipA());
        JsonPath b = exact(c.officeStaffB(), c.townshipB());
        JsonPath county = exact(c.bureauAdmin(), c.county());
        assertEquals("1.8601", a.getString(path(key, "printed")));
        assertEquals("0.1235", b.getString(path(key, "printed")));
        assertEquals("1.9835", county.getString(path(key, "printed")));
        assertEquals(1_860_050L, a.getLong(path(key, "exact.value")));
        assertEquals(123_456L, b.getLong(path(key, "exact.value")));
        assertEquals("分", county.getString(path(key, "exact.unit")));
        assertEquals(a.getLong(path(key, "exact.value")) + b.getLong(path(key, "exact.value")),
                county.getLong(path(key, "exact.value")), "the townships' fen add up to the county's exactly");
        assertEquals(2L, county.getLong(path("legal_aid.cases", "exact.value")));

        // the annual report and the dashboard carry the same exact value
        JsonPath report = ReportingTest.annual(c.bureauAdmin(), c.county());
        assertEquals(1_983_506L, report.getLong("figures.find { it.key == '" + key + "' }.exact.value"));
        assertEquals("1.9835", report.getString("figures.find { it.key == '" + key + "' }.printed"));
        JsonPath dashboard = io.restassured.RestAssured.given().auth().oauth2(Fixtures.token(c.bureauAdmin()))
                .queryParam("region", c.county()).get("/api/dashboard").then().statusCode(200).extract().jsonPath();
        assertEquals(1_983_506L, dashboard.getLong(
                "periods.find { it.period == 'YEAR' }.figures.find { it.key == '" + key + "' }.exact.value"));
    }

    private static String path(String key, String field) {
        return "values.find { it.key == '" + key + "' }." + field;
    }

    private static JsonPath exact(org.publiclegal.identity.Account who, String region) {
        return io.restassured.RestAssured.given().auth().oauth2(Fixtures.token(who)).queryParam("region", region)
                .get("/api/metrics").then().statusCode(200).extract().jsonPath();
    }

    /**
     * V27 moves events written under the old counting: planted here as the old code wrote them (a 值班律师法律帮助
     * matter counted as 受理法律援助案件, a 委托调解 counted as 诉前委派), the migration's SQL is run again and each
     * is reversed (dated like the original) and recorded under its new kind, with the reason.
     */
    @Test
    void theMigrationMovesOldEventsByReversalAndANewEventDatedLikeTheOriginal() throws Exception {
        Fixtures.County c = Fixtures.county();
        String aid = LegalAidFlow.submitted(Fixtures.residentWithProfile(c.villageA1()), c.villageA1(), "DUTY_LAWYER_HELP");
        String referral = ReportingFlow.courtReferral(Fixtures.mediator(c.villageCommitteeA1()), ReportingFlow.court(c),
                c.villageA1(), "ENTRUSTED_ORDINARY");
        Fixtures.sql("insert into ledger_event (kind, region_code, occurred_at, quantity, source_type, source_id, recorded_at) "
                + "values ('LEGAL_AID_CASE_ASSIGNED', ?1, timestamptz '2025-03-04 10:00+08', 1, 'aid_application', cast(?2 as uuid), now()), "
                + "('MEDIATION_COURT_REFERRAL_RECEIVED', ?1, timestamptz '2025-05-06 10:00+08', 1, 'med_dispute', cast(?3 as uuid), now()) "
                + "returning id", c.villageA1(), aid, referral);

        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V27__counting_rules_split.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        pool.query(migration).execute().await().indefinitely();

        assertEquals(List.of(
                        List.of("LEGAL_AID_CASE_ASSIGNED", 1, "2025-03-04", false),
                        List.of("LEGAL_AID_CASE_ASSIGNED", -1, "2025-03-04", true),
                        List.of("LEGAL_AID_DUTY_LAWYER_HELP", 1, "2025-03-04", true)),
                moved("aid_application", aid, "LEGAL_AID_"));
        assertEquals(List.of(
                        List.of("MEDIATION_COURT_REFERRAL_RECEIVED", 1, "2025-05-06", false),
                        List.of("MEDIATION_COURT_REFERRAL_RECEIVED", -1, "2025-05-06", true),
                        List.of("MEDIATION_COURT_ENTRUSTMENT_RECEIVED", 1, "2025-05-06", true)),
                moved("med_dispute", referral, "MEDIATION_COURT_").stream()
                        .filter(r -> ((String) r.get(2)).startsWith("2025")).toList());
        // run again: nothing more moves
        pool.query(migration).execute().await().indefinitely();
        assertEquals(3, moved("aid_application", aid, "LEGAL_AID_").size());
    }

    /** kind, quantity, day (China time), whether it carries the adjustment reason — in id order. */
    private static List<List<Object>> moved(String sourceType, String id, String kindPrefix) {
        return Fixtures.sql("select kind, quantity, to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), "
                        + "adjustment_reason is not null from ledger_event where source_type = ?1 and source_id = cast(?2 as uuid) "
                        + "and kind like ?3 and kind <> 'LEGAL_AID_APPLICATION_RECEIVED' order by id",
                sourceType, id, kindPrefix + "%").stream()
                .map(r -> List.<Object>of(r[0], ((Number) r[1]).intValue(), r[2], r[3])).toList();
    }
}
