package org.publiclegal.shared.db;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger refuses updates and deletes with its own message (V40), not the audit log's. */
@QuarkusTest
class LedgerAppendOnlyTest {

    @Test
    void theLedgerRefusesUpdatesAndDeletesInItsOwnName() {
        String region = "99" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        UUID source = UUID.randomUUID();
        Fixtures.run(s -> s.createNativeQuery("insert into ledger_event (kind, region_code, occurred_at, source_type, "
                + "source_id, recorded_at) values ('TEST_APPEND_ONLY', ?1, now(), 'test', ?2, now())")
                .setParameter(1, region).setParameter(2, source).executeUpdate());
        for (String change : new String[] {"update ledger_event set quantity = 2", "delete from ledger_event"}) {
            String message = null;
            try {
                Fixtures.run(s -> s.createNativeQuery(change + " where source_id = ?1").setParameter(1, source)
                        .executeUpdate());
            } catch (RuntimeException e) {
                message = String.valueOf(e.getMessage()) + e.getCause();
            }
            assertTrue(message != null && message.contains("ledger_event is append-only")
                    && !message.contains("audit_log"), change + ": " + message);
        }
    }
}
