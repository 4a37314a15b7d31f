package org.publiclegal.onboarding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.onboarding.ImportBatchTest.calls;

/**
 * A confirmed case 台账 (人民调解案件 and 法律援助案件) of N rows creates exactly N cases and N source markers with
 * their ledger events, and costs a bounded number of statements per batch, not per row: the look-ups (regions,
 * organisations, staff, the calendar, closed periods), the case numbers, the mediators and the ledger events of a
 * batch are one statement each (counted by pg_stat_statements, which shows the sequence's name as a parameter); the
 * records themselves go in Hibernate's JDBC batches.
 */
@QuarkusTest
class CaseImportBatchTest {

    /** 450 rows at the default batch size of 200: batches of 200, 200 and 50. */
    static final int ROWS = ImportBatchTest.ROWS;
    static final int BATCHES = ImportBatchTest.BATCHES;

    static void resetStatementCounts() {
        Fixtures.run(s -> s.createNativeQuery("create extension if not exists pg_stat_statements").executeUpdate());
        Fixtures.column("select 1 from (select pg_stat_statements_reset()) r", Integer.class);
    }

    static JsonPath dryRun(Account who, ImportKind kind, List<List<String>> rows) {
        String id = ImportFlowTest.upload(who, kind, Templates.xlsx(kind, rows)).getString("id");
        JsonPath checked = ImportFlowTest.settled(who, id);
        assertEquals("VALIDATED", checked.getString("status"), checked::prettify);
        assertEquals(ROWS, checked.getInt("rowsNew"));
        return checked;
    }

    static void confirmed(Account who, String id) {
        ImportFlowTest.confirm(who, id);
        JsonPath done = ImportFlowTest.settled(who, id);
        assertEquals("DONE", done.getString("status"), done::prettify);
        assertEquals(ROWS, done.getInt("rowsDone"));
        assertEquals(ROWS, ImportFlowTest.count("select count(*) from onboarding_imported_record where import_id = ?1",
                UUID.fromString(id)));
    }

    @Test
    void aMediationCaseBookOfNRowsCreatesNCasesInAFewStatementsPerBatch() {
        Fixtures.County c = Fixtures.county();
        Organisation court = Organisation.create(OrganisationType.COURT, null, "批量测试法院" + UUID.randomUUID(),
                c.county(), null, null, TestClock.now());
        Account mediator = Account.staff("调解员乙", Set.of(Roles.MEDIATOR), c.committeeA().id, c.townshipA(),
                TestClock.now());
        Fixtures.run(s -> s.persistAll(court, mediator));
        int year = ImportFlowTest.lastYear();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            LocalDate received = LocalDate.of(year, 1, 1).plusDays(i % 350);
            boolean fromCourt = i % 5 == 0;
            boolean success = i % 3 != 0;
            rows.add(List.of(received.toString(), i % 2 == 0 ? c.villageA1() : c.villageA2(), c.committeeA().name,
                    fromCourt ? "诉前委派" : "来访", "", fromCourt ? court.name : "", fromCourt ? "(" + year + ")批" + i + "号" : "",
                    "邻里纠纷", "批量纠纷" + i, "王" + i, "", "李" + i, "", "调解员乙", success ? "调解成功" : "调解不成",
                    success ? "书面" : "", received.plusDays(i % 7).toString(), "", "", ""));
        }
        String id = dryRun(c.bureauAdmin(), ImportKind.MEDIATION_CASES, rows).getString("id");

        resetStatementCounts();
        confirmed(c.bureauAdmin(), id);
        assertEquals(ROWS, ImportFlowTest.count("select count(*) from med_dispute where committee_id = ?1",
                c.committeeA().id));
        assertEquals(ROWS, ImportFlowTest.count("select count(*) from med_assignment a join med_dispute d "
                + "on d.id = a.dispute_id where d.committee_id = ?1", c.committeeA().id));
        // received (or delegated), accepted, and succeeded or failed: three events per case
        assertEquals(3L * ROWS, ImportFlowTest.count("select count(*) from ledger_event e join med_dispute d "
                + "on d.id = e.source_id where d.committee_id = ?1", c.committeeA().id));

        // before: each row cost a region count, two organisation and a staff look-up, a calendar read, a case
        // number, an assignment insert and a closed-period look-up and an insert per ledger event
        // 600 events of a batch of 200 cases: two multi-row inserts of at most 500 (Ledger.INSERT_CHUNK)
        assertEquals(2 + 2 + 1, calls("insert into ledger_event%"), "ledger inserts");
        assertEquals(BATCHES, calls("insert into onboarding_imported_record%"), "marker inserts");
        assertEquals(BATCHES, calls("insert into med_assignment%"), "assignment inserts");
        assertEquals(BATCHES, calls("%nextval%generate_series%"), "case numbers");
        assertFew("%from work_calendar_day%", BATCHES);
        assertFew("%from reporting_closed_period%", BATCHES);
        assertFew("%from region %", BATCHES + 1);
        assertFew("%from organisation %", BATCHES + 2);
        assertFew("%from account %", BATCHES + 2);
        assertFew("%court_case_number in%", BATCHES);
    }

    @Test
    void anAidCaseBookOfNRowsCreatesNCasesInAFewStatementsPerBatch() {
        Fixtures.County c = Fixtures.county();
        Account lawyer = Account.staff("钱律师", Set.of(Roles.LAWYER), c.lawFirm().id, c.county(), TestClock.now());
        Fixtures.run(s -> s.persist(lawyer));
        int year = ImportFlowTest.lastYear();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            LocalDate received = LocalDate.of(year, 1, 2).plusDays(i % 340);
            boolean refused = i % 7 == 0;
            boolean closed = !refused && i % 2 == 0;
            boolean firm = i % 3 != 0;
            rows.add(List.of(received.toString(), i % 2 == 0 ? c.villageA1() : c.villageB1(), "受援人" + i, "",
                    "劳动报酬", "民事行政代理", refused ? "不予" : "给予", received.plusDays(2).toString(),
                    refused ? "不符合经济困难标准" : "", refused ? "" : firm ? c.lawFirm().name : c.aidCentre().name,
                    refused || !firm ? "" : "钱律师", refused ? "" : received.plusDays(3).toString(),
                    closed ? received.plusDays(20).toString() : "", closed ? "调解和解" : "", closed ? "1000.50" : "",
                    "批量案情" + i));
        }
        String id = dryRun(c.aidOfficer(), ImportKind.AID_CASES, rows).getString("id");

        resetStatementCounts();
        confirmed(c.aidOfficer(), id);
        assertEquals(ROWS, ImportFlowTest.count("select count(*) from aid_application where centre_id = ?1",
                c.aidCentre().id));

        // two to four events a case: at most two multi-row inserts of 500 (Ledger.INSERT_CHUNK) per batch of 200
        assertEquals(2 + 2 + 1, calls("insert into ledger_event%"), "ledger inserts");
        assertEquals(BATCHES, calls("insert into onboarding_imported_record%"), "marker inserts");
        assertEquals(BATCHES, calls("%nextval%generate_series%"), "application numbers");
        assertFew("%from work_calendar_day%", BATCHES);
        assertFew("%from reporting_closed_period%", BATCHES);
        assertFew("%from region %", BATCHES + 1);
        assertFew("%from organisation %", 2 * BATCHES + 2);
        assertFew("%from account %", BATCHES + 2);
    }

    private static void assertFew(String like, int atMost) {
        long n = calls(like);
        assertTrue(n <= atMost, () -> like + ": " + n + " calls, at most " + atMost + " expected");
    }
}
