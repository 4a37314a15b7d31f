package org.publiclegal.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Replaces the application's clock in tests: real time shifted by an offset tests may move forward (to pass
 * a deadline) and must reset afterwards.
 */
public class TestClock {

    private static volatile Duration offset = Duration.ZERO;

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Produces
    @Singleton
    Clock clock() {
        // a demo loader run in a test may set it back for its own context, as it does the real clock
        return org.publiclegal.shared.domain.BackdatedClock.over(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("Asia/Shanghai");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        });
    }
}
