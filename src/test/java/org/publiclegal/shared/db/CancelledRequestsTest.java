package org.publiclegal.shared.db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.LogCapture;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that hang up while their write is in its transaction (issue 16): Quarkus REST used to cancel the
 * resource's Uni on connection close, which closed the Hibernate Reactive session in the middle of the
 * transaction ({@code HR000090: Live transaction detected while closing the connection}, {@code HHH000099 …
 * non-threadsafe access to session}). Resources are {@code @Cancellable(false)}: a started write finishes (or
 * rolls back) as a whole, and nothing is half-written.
 */
@QuarkusTest
class CancelledRequestsTest {

    private static final int REQUESTS = 80;

    @Test
    void hangingUpMidTransactionLeavesNoSessionErrorAndNoHalfWrittenRecord() throws Exception {
        Fixtures.County county = Fixtures.county();
        String token = Fixtures.systemAdminToken(county);
        String run = "挂断" + UUID.randomUUID().toString().substring(0, 8);
        try (LogCapture log = LogCapture.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                pool.submit(() -> hangUp(token, "{\"type\":\"LAW_FIRM\",\"name\":\"" + run + "-" + n
                        + "\",\"regionCode\":\"" + county.county() + "\"}"));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            // every write that started has finished: the count stops moving
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500))
                    .until(new Stable(() -> count(run)));
            List<String> sessionErrors = log.lines().stream()
                    .filter(l -> l.contains("HR000090") || l.contains("HHH000099") || l.contains("non-threadsafe")
                            || l.contains("Live transaction") || l.contains("HR000069"))
                    .toList();
            assertEquals(List.of(), sessionErrors);
        }
        long written = count(run);
        long withAudit = Fixtures.column("select count(*) from organisation o where o.name like ?1 and exists "
                + "(select 1 from audit_log a where a.object_type = 'organisation' and a.object_id = o.id::text "
                + "and a.action = 'ORGANISATION_CREATED')", Long.class, run + "-%").get(0);
        assertEquals(written, withAudit, "every organisation written has its audit record");
        long orphanAudit = Fixtures.column("select count(*) from audit_log a where a.action = 'ORGANISATION_CREATED' "
                + "and a.detail like ?1 and not exists (select 1 from organisation o where o.id::text = a.object_id)",
                Long.class, "%" + run + "-%").get(0);
        assertEquals(0, orphanAudit, "no audit record of an organisation that was not written");
    }

    private static long count(String run) {
        return Fixtures.column("select count(*) from organisation where name like ?1", Long.class, run + "-%").get(0);
    }

    /** Sends the POST and closes the connection after 0–25 ms, without reading the answer. */
    private static void hangUp(String token, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/organisations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            Thread.sleep(ThreadLocalRandom.current().nextInt(26));
            socket.setSoLinger(true, 0); // RST, as a phone losing its network would
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** True once two successive reads agree. */
    private static final class Stable implements java.util.concurrent.Callable<Boolean> {
        private final java.util.function.LongSupplier value;
        private long last = -1;

        Stable(java.util.function.LongSupplier value) {
            this.value = value;
        }

        @Override
        public Boolean call() {
            long now = value.getAsLong();
            boolean same = now == last;
            last = now;
            return same;
        }
    }
}
