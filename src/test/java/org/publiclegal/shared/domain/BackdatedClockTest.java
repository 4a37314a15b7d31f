package org.publiclegal.shared.domain;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The clock a demo loader sets back: only in its own duplicated context, never elsewhere. */
class BackdatedClockTest {

    private static final Instant REAL = Instant.parse("2026-12-02T01:00:00Z");
    private static final Instant BACK = Instant.parse("2025-12-03T02:30:00Z");

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static Clock clock() {
        return BackdatedClock.over(Clock.fixed(REAL, TimeSource.CHINA));
    }

    @Test
    void outsideAnyContextTheClockIsTheRealOneAndCannotBeSetBack() {
        assertEquals(REAL, clock().instant());
        assertThrows(IllegalStateException.class, () -> BackdatedClock.setFor(BACK));
        assertEquals(REAL, clock().instant());
    }

    @Test
    void wrappingTwiceKeepsOneLayer() {
        Clock once = clock();
        assertSame(once, BackdatedClock.over(once));
    }

    @Test
    void setBackOnlyInTheContextThatSetItUntilCleared() throws Exception {
        Clock clock = clock();
        Context root = vertx.getOrCreateContext();
        Context demo = VertxContext.createNewDuplicatedContext(root);
        Context request = VertxContext.createNewDuplicatedContext(root);
        CompletableFuture<List<Instant>> seen = new CompletableFuture<>();
        List<Instant> instants = new ArrayList<>();
        demo.runOnContext(v -> {
            BackdatedClock.setFor(BACK);
            instants.add(clock.instant());
            instants.add(clock.withZone(ZoneId.of("UTC")).instant());
            request.runOnContext(w -> {
                instants.add(clock.instant());
                root.runOnContext(x -> {
                    instants.add(clock.instant());
                    demo.runOnContext(y -> {
                        instants.add(clock.instant());
                        BackdatedClock.setFor(null);
                        instants.add(clock.instant());
                        seen.complete(instants);
                    });
                });
            });
        });
        assertEquals(List.of(BACK, BACK, REAL, REAL, BACK, REAL), seen.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theRootContextIsNeverSetBack() throws Exception {
        Context root = vertx.getOrCreateContext();
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        root.runOnContext(v -> {
            try {
                BackdatedClock.setFor(BACK);
                refused.complete(null);
            } catch (IllegalStateException e) {
                refused.complete(e);
            }
        });
        assertEquals(IllegalStateException.class, refused.get(10, TimeUnit.SECONDS).getClass());
    }
}
