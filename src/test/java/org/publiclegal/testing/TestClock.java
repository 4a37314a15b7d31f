package org.publiclegal.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.publiclegal.shared.domain.TimeSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Replaces the application's clock in tests: time is fully controlled, never the wall clock. It starts at the
 * instant the test JVM first reads it and then moves only when a test moves it ({@link #advance}, {@link #set})
 * and by one microsecond per reading, so that records made one after the other keep their order (the database
 * stores microseconds). Tests take "now" and "today" from here ({@link #now()}, {@link #today()}), never from
 * {@code Instant.now()} or {@code LocalDate.now()}, so the application and the test agree on the date even when
 * a run crosses midnight China time.
 *
 * <p>{@link #reset()} removes what tests added with {@link #advance} (the offset). Before each {@code @QuarkusTest}
 * method ({@link TestClockCallback}) the base is brought up to the wall clock if it fell behind, never back: the
 * signed tokens the application issues are checked by SmallRye JWT against the wall clock (15-minute access
 * tokens), so test time may not lag a long suite by more than one test; within a test it stays controlled.
 */
public class TestClock {

    private static final Duration TICK = Duration.of(1, ChronoUnit.MICROS);

    private static Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static Duration offset = Duration.ZERO;

    /** The current test instant; every reading moves the base on by one microsecond. */
    public static synchronized Instant now() {
        base = base.plus(TICK);
        return base.plus(offset);
    }

    /** Today in China time, as the application sees it. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), TimeSource.CHINA);
    }

    /** Moves time forward (to pass a deadline); {@link #reset()} takes it back. */
    public static synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Puts the clock at an instant (the offset is cleared). */
    public static synchronized void set(Instant at) {
        base = at;
        offset = Duration.ZERO;
    }

    /** Brings the base up to the wall clock if it fell behind (never back); called before each test. */
    public static synchronized void catchUp() {
        Instant wall = Instant.now();
        if (wall.isAfter(base)) {
            base = wall;
        }
    }

    public static synchronized void reset() {
        offset = Duration.ZERO;
    }

    @Produces
    @Singleton
    Clock clock() {
        // a demo loader run in a test may set it back for its own context, as it does the real clock
        return org.publiclegal.shared.domain.BackdatedClock.over(new Clock() {
            @Override
            public ZoneId getZone() {
                return TimeSource.CHINA;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        });
    }
}
