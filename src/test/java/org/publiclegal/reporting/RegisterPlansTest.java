package org.publiclegal.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register reads at scale: a province of ten counties, each with 300 villages, 150 mediation committees and
 * 1,500 mediators, every mediator with five years of earlier memberships (one a year, the last in another committee:
 * 90,000 membership rows), and a tenth of the rows with a span before a reactivation. The plans of {@code register_committees}, {@code register_mediators} and
 * {@code register_villages} (inlined into the query, so their tables show) for a county and for a township read
 * the big tables through their indexes, never a sequential scan. Everything is written in one transaction that is
 * rolled back (the ANALYZE too), so no other test sees it.
 */
@QuarkusTest
class RegisterPlansTest {

    private static final String PROVINCE = "46";
    private static final String CITY = "4690";
    private static final String COUNTY = "469003";

    private static final List<String> SETUP = List.of(
            "insert into region (code, parent_code, level, name) values ('460000000000', null, 'PROVINCE', '计划省'),"
                    + " ('469000000000', '460000000000', 'CITY', '计划市')",
            "insert into region (code, parent_code, level, name) select '4690' || lpad(c::text, 2, '0') || '000000', "
                    + "'469000000000', 'COUNTY', '计划县' || c from generate_series(1, 10) c",
            "insert into region (code, parent_code, level, name) select '4690' || lpad(c::text, 2, '0') || t || '000', "
                    + "'4690' || lpad(c::text, 2, '0') || '000000', 'TOWNSHIP', '镇' || c || '-' || t "
                    + "from generate_series(1, 10) c, generate_series(101, 110) t",
            "insert into region (code, parent_code, level, name) select '4690' || lpad(c::text, 2, '0') || t || v, "
                    + "'4690' || lpad(c::text, 2, '0') || t || '000', 'VILLAGE', '村' || c || '-' || t || '-' || v "
                    + "from generate_series(1, 10) c, generate_series(101, 110) t, generate_series(201, 230) v",
            // per township: its committee and fourteen village committees
            "insert into organisation (id, type, committee_kind, name, region_code, created_at, valid_from) "
                    + "select gen_random_uuid(), 'MEDIATION_COMMITTEE', case when v = 0 then 'TOWNSHIP' else 'VILLAGE' end, "
                    + "'调委会' || c || '-' || t || '-' || v, '4690' || lpad(c::text, 2, '0') || t || "
                    + "case when v = 0 then '000' else (200 + v)::text end, now(), date '2015-01-01' "
                    + "from generate_series(1, 10) c, generate_series(101, 110) t, generate_series(0, 14) v",
            // ten mediators per committee (the trigger writes each one's membership)
            "insert into account (id, kind, display_name, roles, organisation_id, region_code, created_at, valid_from) "
                    + "select gen_random_uuid(), 'STAFF', '调解员' || n, 'MEDIATOR', o.id, o.region_code, now(), "
                    + "date '2024-01-01' from organisation o, generate_series(1, 10) n "
                    + "where o.type = 'MEDIATION_COMMITTEE' and o.region_code like '4690%'",
            // history: each mediator served a one-year membership in its committee each year 2019-2022, and 2023 in
            // its township's committee
            "insert into committee_membership (id, account_id, organisation_id, valid_from, valid_to, reason) "
                    + "select gen_random_uuid(), a.id, a.organisation_id, make_date(y, 1, 1), make_date(y + 1, 1, 1), "
                    + "'历史' from account a, generate_series(2019, 2022) y where a.region_code like '4690%'",
            "insert into committee_membership (id, account_id, organisation_id, valid_from, valid_to, reason) "
                    + "select gen_random_uuid(), a.id, t.id, date '2023-01-01', date '2024-01-01', '历史' "
                    + "from account a join organisation t on t.type = 'MEDIATION_COMMITTEE' "
                    + "and t.region_code = substr(a.region_code, 1, 9) || '000' where a.region_code like '4690%'",
            "update account set valid_from = date '2019-01-01' where region_code like '4690%'",
            // a tenth of each register reactivated once
            "insert into register_past_span (register, object_id, valid_from, valid_to, deactivation_reason) "
                    + "select 'ORGANISATION', id::text, date '2010-01-01', date '2012-01-01', '历史' from organisation "
                    + "where region_code like '4690%' and type = 'MEDIATION_COMMITTEE' and random() < 0.1",
            "insert into register_past_span (register, object_id, valid_from, valid_to, deactivation_reason) "
                    + "select 'ACCOUNT', id::text, date '2018-01-01', date '2019-01-01', '历史' from account "
                    + "where region_code like '4690%' and random() < 0.1",
            "insert into register_past_span (register, object_id, valid_from, valid_to, deactivation_reason) "
                    + "select 'REGION', code, date '2000-01-01', date '2001-01-01', '历史' from region "
                    + "where code like '4690%' and level = 'VILLAGE' and random() < 0.1",
            "update region set valid_from = date '2001-06-01' where code in (select object_id from register_past_span "
                    + "where register = 'REGION' and object_id like '4690%')",
            "analyze region", "analyze organisation", "analyze account", "analyze committee_membership",
            "analyze register_past_span");

    @Inject
    Pool pool;

    /** A rollback carrying what was read inside the transaction. */
    private static final class Result extends RuntimeException {
        final transient Map<String, String> plans;
        final transient Map<String, Long> counts;

        Result(Map<String, String> plans, Map<String, Long> counts) {
            super("rollback", null, false, false);
            this.plans = plans;
            this.counts = counts;
        }
    }

    private static String bounds(String region) {
        String prefix = region.replaceAll("(000)+$", "");
        return "'" + prefix + "', '" + prefix + ":'";
    }

    @Test
    void theRegisterReadsUseIndexesAtProvinceScale() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String region : List.of(COUNTY + "000000", COUNTY + "105000")) {
            for (String fn : List.of("register_committees", "register_mediators", "register_villages")) {
                queries.put(fn + " " + region, "select count(*) from " + fn + "(" + bounds(region) + ", date '"
                        + java.time.LocalDate.now().getYear() + "-12-31')");
                queries.put(fn + " " + region + " 2022", "select count(*) from " + fn + "(" + bounds(region)
                        + ", date '2022-12-31')");
            }
        }
        Result result;
        try {
            pool.getConnection().chain(conn -> conn.begin().chain(tx -> run(conn, queries)
                            .onFailure().call(e -> tx.rollback()))
                    .eventually(conn::close)).await().indefinitely();
            throw new AssertionError("the transaction should have rolled back");
        } catch (Result r) {
            result = r;
        }
        // the figures: 150 committees and 1,500 mediators a county, 15 and 150 a township; 300 and 30 villages
        assertEquals(150L, result.counts.get("register_committees " + COUNTY + "000000"));
        assertEquals(1500L, result.counts.get("register_mediators " + COUNTY + "000000"));
        assertEquals(300L, result.counts.get("register_villages " + COUNTY + "000000"));
        assertEquals(15L, result.counts.get("register_committees " + COUNTY + "105000"));
        assertEquals(150L, result.counts.get("register_mediators " + COUNTY + "105000"));
        assertEquals(30L, result.counts.get("register_villages " + COUNTY + "105000"));
        // in 2022 every mediator served in its own committee, in 2023 all in the township's
        assertEquals(1500L, result.counts.get("register_mediators " + COUNTY + "000000 2022"));
        assertEquals(150L, result.counts.get("register_mediators " + COUNTY + "105000 2022"));
        for (Map.Entry<String, String> e : result.plans.entrySet()) {
            String plan = e.getValue();
            assertFalse(plan.contains("Function Scan"), "the function is inlined: " + e.getKey() + "\n" + plan);
            assertTrue(plan.contains("Index"), e.getKey() + "\n" + plan);
            for (String table : List.of("region", "organisation", "account", "committee_membership")) {
                assertFalse(plan.contains("Seq Scan on " + table + " "), "seq scan of " + table + " in " + e.getKey()
                        + "\n" + plan);
            }
        }
    }

    private static Uni<Void> run(SqlConnection conn, Map<String, String> queries) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String sql : SETUP) {
            chain = chain.chain(() -> conn.query(sql).execute()).replaceWithVoid();
        }
        Map<String, String> plans = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            chain = chain.chain(() -> conn.query("explain " + q.getValue()).execute()).invoke(rows -> {
                List<String> lines = new ArrayList<>();
                for (Row r : rows) {
                    lines.add(r.getString(0));
                }
                plans.put(q.getKey(), String.join("\n", lines));
            }).chain(() -> conn.query(q.getValue()).execute())
                    .invoke(rows -> counts.put(q.getKey(), rows.iterator().next().getLong(0))).replaceWithVoid();
        }
        return chain.invoke(() -> {
            throw new Result(plans, counts);
        });
    }
}
