package org.publiclegal.education;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The feed's version stamp is read at most once per maxAge: its boundaries. */
class FeedVersionTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    /** A clock the test moves. */
    private static final class Hand extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hand clock = new Hand();
    private final AtomicInteger reads = new AtomicInteger();
    private long version = 7;

    private FeedVersion feed(Duration maxAge) {
        return new FeedVersion(() -> {
            reads.incrementAndGet();
            return Uni.createFrom().item(new FeedVersion.Stamp(version, 3));
        }, clock, maxAge);
    }

    private long versionNow(FeedVersion f) {
        return f.current().await().indefinitely().version();
    }

    @Test
    void reusedUntilJustBeforeMaxAgeAndReadAgainAtMaxAge() {
        FeedVersion f = feed(Duration.ofSeconds(1));
        assertEquals(7, versionNow(f));
        version = 8; // published meanwhile
        clock.now = T0.plusMillis(999);
        assertEquals(7, versionNow(f), "999 ms after the read the stamp is reused");
        assertEquals(1, reads.get());
        clock.now = T0.plusMillis(1000);
        assertEquals(8, versionNow(f), "at maxAge it is read again");
        assertEquals(2, reads.get());
        clock.now = T0.plusMillis(1999);
        assertEquals(8, versionNow(f));
        assertEquals(2, reads.get(), "the new read starts a new period");
    }

    @Test
    void zeroMaxAgeReadsOnEveryRequest() {
        FeedVersion f = feed(Duration.ZERO);
        versionNow(f);
        versionNow(f);
        version = 9;
        assertEquals(9, versionNow(f));
        assertEquals(3, reads.get());
    }

    @Test
    void aFailedReadIsNotRemembered() {
        AtomicInteger calls = new AtomicInteger();
        FeedVersion f = new FeedVersion(() -> calls.incrementAndGet() == 1
                ? Uni.createFrom().failure(new IllegalStateException("database down"))
                : Uni.createFrom().item(new FeedVersion.Stamp(5, 1)), clock, Duration.ofSeconds(1));
        assertThrows(IllegalStateException.class, () -> f.current().await().indefinitely());
        assertEquals(5, f.current().await().indefinitely().version());
        assertEquals(2, calls.get());
    }
}
