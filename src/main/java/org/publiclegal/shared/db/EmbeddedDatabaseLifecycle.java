package org.publiclegal.shared.db;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;

/** Stops the embedded PostgreSQL after the application has closed its connection pools. */
@ApplicationScoped
public class EmbeddedDatabaseLifecycle {

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDatabase.stop();
    }
}
