package org.publiclegal.shared.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Meter filters: meters of this service registered under older names ({@code notify.*}) get the common
 * {@code legal.} prefix, so the naming scheme of {@link OperationalMetrics} holds without every module knowing it;
 * and the SQL client's per-connection gauges are dropped (see {@link #noPerConnectionGauges()}).
 */
@Singleton
public class MeterNaming {

    @Produces
    @Singleton
    static MeterFilter commonPrefix() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith("notify.") ? id.withName(OperationalMetrics.PREFIX + id.getName()) : id;
            }
        };
    }

    /**
     * Quarkus' Vert.x binder registers the gauges {@code postgresql.queue.size} and {@code postgresql.current}
     * once per client metrics object, and the reactive PostgreSQL client makes one per connection: from the second
     * connection on, Micrometer warned at start-up ("Gauge already registered postgresql.queue.size") and the
     * gauge kept showing only the first connection. They are dropped; the pool is watched through
     * {@code postgresql_queue_delay_seconds} (time waiting for a connection), {@code postgresql_processing_seconds}
     * and {@code postgresql_completed_total}, which add up over every connection.
     */
    @Produces
    @Singleton
    static MeterFilter noPerConnectionGauges() {
        return MeterFilter.deny(id -> id.getType() == Meter.Type.GAUGE
                && (id.getName().equals("postgresql.queue.size") || id.getName().equals("postgresql.current")));
    }
}
