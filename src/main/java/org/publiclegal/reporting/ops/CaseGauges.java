package org.publiclegal.reporting.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.publiclegal.legalaid.ApplicationStatus;
import org.publiclegal.mediation.MediationStatus;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.observability.OperationalMetrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business gauges of {@code /q/metrics} (issue 16), read from PostgreSQL so every replica shows the same
 * figures:
 * <ul>
 *   <li>{@code legal_aid_applications{status}}: 法律援助申请 by status (every status, 0 included);</li>
 *   <li>{@code legal_mediation_disputes{status}}: 调解案件 by status;</li>
 *   <li>{@code legal_cases_overdue{kind}}: open cases past their current time limit, {@code kind} =
 *       {@code legal_aid} or {@code mediation} (what the staff queues list with {@code overdue=true});</li>
 *   <li>{@code legal_ledger_rollup_pending_events}: ledger events not yet added to the roll-ups;</li>
 *   <li>{@code legal_ledger_rollup_oldest_pending_seconds}: how long the oldest of them has waited (0 if none).</li>
 * </ul>
 * One query reads them all. A scrape answers from the last reading and, when that is older than
 * {@code app.observability.gauge-max-age}, starts the next one in the background, so scrapes never wait on
 * the database and several scrapers cost one query per period.
 */
@ApplicationScoped
public class CaseGauges {

    private static final String PREFIX = OperationalMetrics.PREFIX;

    private static final String QUERY = """
            select 'aid' as what, status as key, count(*) as n from aid_application group by status
            union all
            select 'mediation', status, count(*) from med_dispute group by status
            union all
            select 'overdue', 'legal_aid', count(*) from aid_application
             where status = any($1) and current_due_at < $3
            union all
            select 'overdue', 'mediation', count(*) from med_dispute
             where status = any($2) and current_due_at < $3
            union all
            select 'rollup', 'pending', count(*) from ledger_event e join ledger_rollup_state s on s.id
             where e.tx_id >= s.watermark
            union all
            select 'rollup', 'oldest', coalesce(floor(extract(epoch from ($3 - min(e.recorded_at)))), 0)::bigint
              from ledger_event e join ledger_rollup_state s on s.id
             where e.tx_id >= s.watermark""";

    private final Pool pool;
    private final Clock clock;
    private final Duration maxAge;
    private final AtomicReference<Reading> last = new AtomicReference<>(new Reading(Map.of(), Instant.EPOCH));
    private final AtomicBoolean reading = new AtomicBoolean();

    public CaseGauges(Pool pool, Clock clock, AppConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.clock = clock;
        this.maxAge = config.observability().gaugeMaxAge();
        for (ApplicationStatus s : ApplicationStatus.values()) {
            gauge(registry, "aid.applications", "status", s.name(), "aid", "法律援助申请 by status");
        }
        for (MediationStatus s : MediationStatus.values()) {
            gauge(registry, "mediation.disputes", "status", s.name(), "mediation", "调解案件 by status");
        }
        gauge(registry, "cases.overdue", "kind", "legal_aid", "overdue", "Open cases past their time limit");
        gauge(registry, "cases.overdue", "kind", "mediation", "overdue", "Open cases past their time limit");
        Gauge.builder(PREFIX + "ledger.rollup.pending.events", this, g -> g.value("rollup", "pending"))
                .description("Ledger events not yet added to the roll-ups").register(registry);
        Gauge.builder(PREFIX + "ledger.rollup.oldest.pending.seconds", this, g -> g.value("rollup", "oldest"))
                .description("Age of the oldest ledger event not yet rolled up (0 if none)").baseUnit("seconds")
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String tag, String value, String what, String description) {
        Gauge.builder(PREFIX + name, this, g -> g.value(what, value)).tag(tag, value).description(description)
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        refresh().subscribe().with(r -> { }, e -> Log.debugf("Business gauges: first reading failed (%s)", e.toString()));
    }

    /** The last reading of one figure; starts a new reading in the background when that one is stale. */
    private double value(String what, String key) {
        Reading r = last.get();
        if (Duration.between(r.at(), clock.instant()).compareTo(maxAge) >= 0) {
            refreshInBackground();
        }
        Long n = r.values().get(what + "/" + key);
        return n == null ? 0 : n;
    }

    private void refreshInBackground() {
        if (reading.compareAndSet(false, true)) {
            refresh().onTermination().invoke(() -> reading.set(false))
                    .subscribe().with(r -> { }, e -> Log.debugf("Business gauges: reading failed (%s)", e.toString()));
        }
    }

    /** Reads every gauge now (tests call it to see the figures at once). */
    public Uni<Reading> refresh() {
        Instant now = clock.instant();
        String[] openAid = ApplicationStatus.OPEN.stream().map(Enum::name).toArray(String[]::new);
        String[] openMediation = MediationStatus.OPEN.stream().map(Enum::name).toArray(String[]::new);
        return pool.preparedQuery(QUERY)
                .execute(Tuple.of(openAid, openMediation, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(rows -> {
                    Map<String, Long> values = new HashMap<>();
                    for (Row row : rows) {
                        values.put(row.getString("what") + "/" + row.getString("key"), row.getLong("n"));
                    }
                    Reading r = new Reading(Map.copyOf(values), now);
                    last.set(r);
                    return r;
                });
    }

    /** @param values {@code what/key} → count, e.g. {@code aid/SUBMITTED} or {@code overdue/mediation} */
    public record Reading(Map<String, Long> values, Instant at) {
    }
}
