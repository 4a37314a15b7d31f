package org.publiclegal.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Real replicas for Failsafe tests (run after {@code package}): one embedded PostgreSQL and any number of
 * {@code java -jar target/quarkus-app/quarkus-run.jar} processes of the packaged service pointed at it, each
 * logging to {@code <logs>/<name>.log}. The test passes what differs per test as {@code key=value} properties.
 */
public final class Replicas implements AutoCloseable {

    /** One running instance of the service. */
    public record Instance(String name, int port, Process process, Path logFile) {

        /** Its log so far. */
        public String log() throws IOException {
            return Files.readString(logFile);
        }

        /**
         * The lines of its log that must not appear after a clean run: ERROR and blocked-thread warnings. The
         * packaged service runs in the prod profile, whose log lines are JSON ({@code "level":"ERROR"}); the plain
         * format ({@code " ERROR "}) is matched too.
         */
        public List<String> alarms() throws IOException {
            return log().lines().filter(l -> l.contains(" ERROR ") || l.contains("\"level\":\"ERROR\"")
                    || l.contains("has been blocked")).toList();
        }
    }

    private static final String KEYS = "src/test/resources/test-keys/";

    private final EmbeddedPostgres pg;
    private final Path logs;
    private final List<Instance> instances = new ArrayList<>();

    private Replicas(EmbeddedPostgres pg, Path logs) {
        this.pg = pg;
        this.logs = logs;
    }

    /**
     * Starts the database; instances log into {@code logs}. Ports are free ones, or those given as
     * {@code -Dreplicas.pg-port=} and {@code -Dreplicas.http-ports=} (comma-separated, one per instance in launch
     * order) where a machine assigns ports.
     */
    public static Replicas start(Path logs) throws IOException {
        Files.createDirectories(logs);
        return new Replicas(EmbeddedPostgres.builder().setPort(Integer.getInteger("replicas.pg-port", freePort()))
                .start(), logs);
    }

    /** Applies the service's Flyway migrations from this JVM, so rows can be planted before any instance starts. */
    public void migrate() {
        Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    /** Starts an instance (without waiting for it); {@code properties} are {@code key=value} system properties. */
    public Instance launch(String name, List<String> properties) throws IOException {
        String[] given = System.getProperty("replicas.http-ports", "").split(",");
        int port = instances.size() < given.length && !given[instances.size()].isBlank()
                ? Integer.parseInt(given[instances.size()].trim()) : freePort();
        List<String> cmd = new ArrayList<>(List.of("java",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=postgresql://localhost:" + pg.getPort() + "/postgres",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                "-Dsmallrye.jwt.sign.key.location=" + Path.of(KEYS, "private.pem").toAbsolutePath(),
                "-Dmp.jwt.verify.publickey.location=" + Path.of(KEYS, "public.pem").toAbsolutePath(),
                "-Dapp.crypto.keys=local1:islKhK3tZGeoqdI6wcJKe7OTQj1/ha34PbRAFrncPa4=", "-Dapp.crypto.active-key-id=local1",
                "-Dapp.wechat.app-id=wx-it", "-Dapp.wechat.secret=it-secret"));
        properties.forEach(p -> cmd.add("-D" + p));
        cmd.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instance instance = new Instance(name, port, process, log);
        instances.add(instance);
        return instance;
    }

    /** Waits until the instance answers its readiness check with 200. */
    public void awaitReady(Instance instance, Duration max) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(max);
        while (Instant.now().isBefore(until)) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port()
                        + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!instance.process().isAlive()) {
                throw new IllegalStateException("instance " + instance.name() + " exited; see " + instance.logFile());
            }
            Thread.sleep(500); // polling another process; nothing to await in this JVM
        }
        throw new IllegalStateException("instance " + instance.name() + " did not become ready; see " + instance.logFile());
    }

    /** The sum of a Prometheus series (all label sets starting with {@code series}) on an instance's /q/metrics. */
    public static long metric(Instance instance, String series) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + instance.port() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(series))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** A connection to the shared database (the caller closes it). */
    public Connection connection() throws SQLException {
        return pg.getPostgresDatabase().getConnection();
    }

    /** The first column of the first row of a query, as a long. */
    public long scalar(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stops the instances (SIGTERM, then waits) and the database. */
    @Override
    public void close() throws Exception {
        for (Instance i : instances) {
            i.process().destroy();
        }
        for (Instance i : instances) {
            i.process().waitFor();
        }
        pg.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
