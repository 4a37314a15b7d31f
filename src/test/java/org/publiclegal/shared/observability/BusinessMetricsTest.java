package org.publiclegal.shared.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.reporting.ops.CaseGauges;
import org.publiclegal.testing.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16, observability: the business metrics as a Prometheus scrape of /q/metrics shows them. */
@QuarkusTest
class BusinessMetricsTest {

    @Inject
    CaseGauges gauges;

    @Inject
    Event<SuccessfulExecution> succeeded;

    @Inject
    Event<FailedExecution> failed;

    @Inject
    MeterRegistry registry;

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one sample line, e.g. {@code legal_auth_lockouts_total} or {@code name{tag="v"}}; 0 if absent. */
    private static double value(String scrape, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void failedSignInsAndLockoutsAreCounted() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), "JUDICIAL_OFFICE");
        String before = scrape();
        double failures = value(before, "legal_auth_signin_failures_total{reason=\"bad_credentials\"}");
        double locked = value(before, "legal_auth_signin_failures_total{reason=\"locked\"}");
        double lockouts = value(before, "legal_auth_lockouts_total");
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "wrong-pass-123"))
                    .post("/api/auth/staff").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "wrong-pass-123"))
                .post("/api/auth/staff").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "x-pass-123"))
                .post("/api/auth/staff").then().statusCode(401);
        String after = scrape();
        assertEquals(failures + 6, value(after, "legal_auth_signin_failures_total{reason=\"bad_credentials\"}"));
        assertEquals(locked + 1, value(after, "legal_auth_signin_failures_total{reason=\"locked\"}"));
        assertEquals(lockouts + 1, value(after, "legal_auth_lockouts_total"));
    }

    @Test
    void idempotentReplaysAreCounted() {
        Fixtures.County c = Fixtures.county();
        String token = Fixtures.systemAdminToken(c);
        double before = value(scrape(), "legal_idempotency_replays_total");
        String key = UUID.randomUUID().toString();
        Map<String, Object> firm = Map.of("type", "LAW_FIRM", "name", "计量律所" + key.substring(0, 6), "regionCode", c.county());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(firm)
                    .post("/api/organisations").then().statusCode(201);
        }
        assertEquals(before + 2, value(scrape(), "legal_idempotency_replays_total"));
    }

    @Test
    void casesByStatusOverdueAndRollupLagComeFromTheDatabase() {
        gauges.refresh().await().atMost(Duration.ofSeconds(30));
        long submitted = Fixtures.column("select count(*) from aid_application where status = 'SUBMITTED'", Long.class).get(0);
        long disputes = Fixtures.column("select count(*) from med_dispute where status = 'SUBMITTED'", Long.class).get(0);
        long pending = Fixtures.column("select count(*) from ledger_event e join ledger_rollup_state s on s.id "
                + "where e.tx_id >= s.watermark", Long.class).get(0);
        String scrape = scrape();
        assertEquals(submitted, value(scrape, "legal_aid_applications{status=\"SUBMITTED\"}"));
        assertEquals(disputes, value(scrape, "legal_mediation_disputes{status=\"SUBMITTED\"}"));
        assertTrue(scrape.contains("legal_aid_applications{status=\"CLOSED\"}"), "every status, zero included");
        assertTrue(scrape.contains("legal_cases_overdue{kind=\"legal_aid\"}"));
        assertTrue(scrape.contains("legal_cases_overdue{kind=\"mediation\"}"));
        assertEquals(pending, value(scrape, "legal_ledger_rollup_pending_events"));
        assertTrue(scrape.contains("legal_ledger_rollup_oldest_pending_seconds"));
    }

    @Test
    void scheduledJobRunsAndFailuresAreCountedPerJob() {
        double ok = registry.counter("legal.jobs.runs", "job", "LedgerRollups.scheduledCatchUp", "outcome", "success").count();
        double ko = registry.counter("legal.jobs.runs", "job", "LedgerRollups.scheduledCatchUp", "outcome", "failure").count();
        ScheduledExecution run = execution("org.publiclegal.reporting.LedgerRollups#scheduledCatchUp");
        succeeded.fire(new SuccessfulExecution(run));
        failed.fire(new FailedExecution(run, new IllegalStateException("database away")));
        String scrape = scrape();
        assertEquals(ok + 1, value(scrape, "legal_jobs_runs_total{job=\"LedgerRollups.scheduledCatchUp\",outcome=\"success\"}"));
        assertEquals(ko + 1, value(scrape, "legal_jobs_runs_total{job=\"LedgerRollups.scheduledCatchUp\",outcome=\"failure\"}"));
    }

    @Test
    void everyMeterOfTheServiceSharesOnePrefixAndTheDuplicateGaugeIsGone() {
        registry.counter("notify.notices", "kind", "TEST").increment();
        String scrape = scrape();
        assertTrue(scrape.contains("legal_notify_notices_total{kind=\"TEST\"}"), "notify.* renamed into legal_*");
        assertFalse(scrape.contains("postgresql_queue_size"), "per-connection gauge dropped");
    }

    @Test
    void jobNamesAreClassAndMethod() {
        assertEquals("LedgerRollups.scheduledCatchUp", OperationalMetrics.jobName("org.publiclegal.reporting.LedgerRollups#scheduledCatchUp"));
        assertEquals("Plain.run", OperationalMetrics.jobName("Plain#run"));
        assertEquals("run", OperationalMetrics.jobName("run"));
        assertEquals("unknown", OperationalMetrics.jobName(null));
    }

    private static ScheduledExecution execution(String method) {
        Trigger trigger = new Trigger() {
            @Override
            public String getId() {
                return "test";
            }

            @Override
            public Instant getNextFireTime() {
                return null;
            }

            @Override
            public Instant getPreviousFireTime() {
                return null;
            }

            @Override
            public boolean isOverdue() {
                return false;
            }

            @Override
            public String getMethodDescription() {
                return method;
            }
        };
        return new ScheduledExecution() {
            @Override
            public Trigger getTrigger() {
                return trigger;
            }

            @Override
            public Instant getFireTime() {
                return Instant.now();
            }

            @Override
            public Instant getScheduledFireTime() {
                return Instant.now();
            }
        };
    }
}
