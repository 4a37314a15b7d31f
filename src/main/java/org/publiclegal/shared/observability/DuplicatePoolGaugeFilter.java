package org.publiclegal.shared.observability;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops Micrometer's start-up warning "This Gauge has been already registered (postgresql.queue.size …)" and
 * nothing else. Its cause: Quarkus' Vert.x binder registers the reactive client's {@code postgresql.queue.size}
 * and {@code postgresql.current} gauges once per connection, and the first connection is opened while the
 * application starts, before the meter filters are in place, so the second connection meets the first
 * registration and Micrometer warns. Those per-connection gauges are dropped ({@link MeterNaming}); the warning
 * says nothing an operator can act on. Other double registrations still warn.
 */
@LoggingFilter(name = "duplicate-pool-gauge")
public final class DuplicatePoolGaugeFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!"io.micrometer.core.instrument.MeterRegistry".equals(record.getLoggerName())) {
            return true;
        }
        String message = record.getMessage();
        return message == null || !(message.contains("already registered") && message.contains("name='postgresql."));
    }
}
