package org.publiclegal.shared.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The business counters of {@code /q/metrics} (issue 16). Every meter of this service is named
 * {@code legal.<area>.<what>} (Prometheus: {@code legal_<area>_<what>[_total]}), so one Grafana folder can select
 * them with {@code {__name__=~"legal_.*"}}; the gauges read from PostgreSQL are in
 * {@code reporting.ops.CaseGauges}.
 *
 * <ul>
 *   <li>{@code legal_auth_signin_failures_total{reason}}: staff sign-ins refused ({@code bad_credentials},
 *       {@code locked});</li>
 *   <li>{@code legal_auth_lockouts_total}: accounts locked by too many wrong passwords;</li>
 *   <li>{@code legal_idempotency_replays_total}: creates answered from the stored response of an earlier
 *       request with the same {@code Idempotency-Key} (counted in {@code ReplayCounting});</li>
 *   <li>{@code legal_jobs_runs_total{job, outcome}}: scheduled-job runs, {@code outcome} = {@code success} or
 *       {@code failure}, from the scheduler's own events, so every {@code @Scheduled} method is counted.</li>
 * </ul>
 * Counters are per replica (Prometheus sums them); what must agree across replicas comes from the database.
 */
@ApplicationScoped
public class OperationalMetrics {

    /** The prefix of every meter name of this service. */
    public static final String PREFIX = "legal.";

    private final MeterRegistry registry;
    private final Counter badCredentials;
    private final Counter refusedLocked;
    private final Counter lockouts;
    private final Counter replays;

    public OperationalMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.badCredentials = Counter.builder(PREFIX + "auth.signin.failures").tag("reason", "bad_credentials")
                .description("Staff sign-ins refused: wrong username or password").register(registry);
        this.refusedLocked = Counter.builder(PREFIX + "auth.signin.failures").tag("reason", "locked")
                .description("Staff sign-ins refused: wrong username or password").register(registry);
        this.lockouts = Counter.builder(PREFIX + "auth.lockouts")
                .description("Staff accounts locked after too many wrong passwords").register(registry);
        this.replays = Counter.builder(PREFIX + "idempotency.replays")
                .description("Creates answered with the stored response of an earlier request with the same Idempotency-Key")
                .register(registry);
    }

    /** A wrong password or an unknown username. */
    public void signInFailed() {
        badCredentials.increment();
    }

    /** A sign-in refused because the account is locked. */
    public void signInRefusedLocked() {
        refusedLocked.increment();
    }

    /** A failed attempt that locked the account. */
    public void lockedOut() {
        lockouts.increment();
    }

    void idempotentReplay() {
        replays.increment();
    }

    void jobSucceeded(@Observes SuccessfulExecution event) {
        job(event.getExecution().getTrigger().getMethodDescription(), "success");
    }

    void jobFailed(@Observes FailedExecution event) {
        job(event.getExecution().getTrigger().getMethodDescription(), "failure");
    }

    private void job(String method, String outcome) {
        registry.counter(PREFIX + "jobs.runs", "job", jobName(method), "outcome", outcome).increment();
    }

    /** {@code org.publiclegal.reporting.LedgerRollups#scheduledCatchUp} → {@code LedgerRollups.scheduledCatchUp}. */
    static String jobName(String methodDescription) {
        if (methodDescription == null) {
            return "unknown";
        }
        String m = methodDescription.replace('#', '.');
        int method = m.lastIndexOf('.');
        int type = method < 0 ? -1 : m.lastIndexOf('.', method - 1);
        return type < 0 ? m : m.substring(type + 1);
    }
}
