package org.publiclegal.onboarding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A confirmed 台账 import of N rows creates exactly N records, N ledger events and N source markers, and costs a
 * bounded number of statements per batch, not per row (counted by pg_stat_statements, loaded in the test profile).
 */
@QuarkusTest
class ImportBatchTest {

    /** 450 rows at the default batch size of 200: batches of 200, 200 and 50. */
    static final int ROWS = 450;
    static final int BATCHES = 3;

    static long calls(String like) {
        return Fixtures.column("select coalesce(sum(calls), 0)::bigint from pg_stat_statements where query ilike ?1",
                Long.class, like).get(0);
    }

    @Test
    void aBatchOfNRowsCreatesNRecordsNLedgerEventsAndNMarkersInAFewStatementsPerBatch() {
        Fixtures.County c = Fixtures.county();
        List<String> regions = List.of(c.villageA1(), c.villageA2(), c.villageB1(), c.townshipA(), c.townshipB());
        int year = ImportFlowTest.lastYear();
        StringBuilder csv = new StringBuilder("排查日期,排查地区代码,排查地点,走访户数,发现纠纷数,风险等级,备注\r\n");
        for (int i = 0; i < ROWS; i++) {
            LocalDate day = LocalDate.of(year, 1, 1).plusDays(i % 365);
            csv.append(day).append(',').append(regions.get(i % regions.size())).append(",村委会,")
                    .append(10 + i % 40).append(',').append(i % 3).append(',').append(List.of("低", "中", "高").get(i % 3))
                    .append(",第").append(i + 1).append("行\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        String id = ImportFlowTest.upload(c.bureauAdmin(), ImportKind.SCREENINGS, file).getString("id");
        JsonPath checked = ImportFlowTest.settled(c.bureauAdmin(), id);
        assertEquals("VALIDATED", checked.getString("status"), checked::prettify);
        assertEquals(ROWS, checked.getInt("rowsNew"));

        Fixtures.run(s -> s.createNativeQuery("create extension if not exists pg_stat_statements").executeUpdate());
        Fixtures.column("select 1 from (select pg_stat_statements_reset()) r", Integer.class);
        ImportFlowTest.confirm(c.bureauAdmin(), id);
        JsonPath done = ImportFlowTest.settled(c.bureauAdmin(), id);
        assertEquals("DONE", done.getString("status"), done::prettify);
        assertEquals(ROWS, done.getInt("rowsDone"));

        long records = ImportFlowTest.count("select count(*) from med_screening where organisation_id = ?1", c.bureau().id);
        long events = ImportFlowTest.count("select count(*) from ledger_event e join med_screening s on s.id = e.source_id "
                + "where s.organisation_id = ?1 and e.kind = 'MEDIATION_SCREENING'", c.bureau().id);
        long markers = ImportFlowTest.count("select count(*) from onboarding_imported_record where import_id = ?1",
                java.util.UUID.fromString(id));
        long marked = ImportFlowTest.count("select count(*) from onboarding_imported_record m join med_screening s "
                + "on s.id::text = m.record_id where m.import_id = ?1", java.util.UUID.fromString(id));
        assertEquals(ROWS, records);
        assertEquals(ROWS, events);
        assertEquals(ROWS, markers);
        assertEquals(ROWS, marked);

        // before: one ledger insert, one marker insert, one region count and one closed-period look-up per row
        long ledgerInserts = calls("insert into ledger_event%");
        long markerInserts = calls("insert into onboarding_imported_record%");
        long closedLookUps = calls("%from reporting_closed_period%");
        long regionLookUps = calls("%from region %");
        assertEquals(BATCHES, ledgerInserts, "ledger inserts");
        assertEquals(BATCHES, markerInserts, "marker inserts");
        assertTrue(closedLookUps <= BATCHES, () -> "closed-period look-ups: " + closedLookUps);
        assertTrue(regionLookUps <= BATCHES + 1, () -> "region look-ups: " + regionLookUps);
    }
}
