package org.publiclegal.shared.db;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

/**
 * Stops the embedded PostgreSQL after the application has closed its connection pools (and so after the
 * graceful shutdown has let the requests in flight finish).
 */
@ApplicationScoped
public class EmbeddedDatabaseLifecycle {

    void onStart(@Observes StartupEvent event) {
        if (EmbeddedDatabase.isRunning()) {
            EmbeddedDatabase.managedByLifecycle();
        }
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDatabase.stop();
    }
}
