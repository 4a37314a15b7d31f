package org.publiclegal.shared.db;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.time.Instant;

/**
 * Liveness of the embedded PostgreSQL: UP while it runs or while the watchdog is bringing it back; DOWN once it
 * has stayed down for {@link EmbeddedDatabase#GIVE_UP_AFTER}, so the supervisor (systemd, Kubernetes) restarts the
 * service. Always UP with an external database (its outages are readiness matters).
 */
@Liveness
@ApplicationScoped
public class EmbeddedDatabaseLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        boolean embedded = EmbeddedDatabase.isRunning();
        boolean down = embedded && EmbeddedDatabase.givenUp(Instant.now());
        return HealthCheckResponse.named("embedded-postgresql").status(!down)
                .withData("embedded", embedded)
                .withData("watchdogRestarts", EmbeddedDatabase.restarts())
                .build();
    }
}
