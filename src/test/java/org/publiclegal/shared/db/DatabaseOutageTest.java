package org.publiclegal.shared.db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.LogCapture;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL going away under the running service (issue 16): writes answer 503 problem+json with
 * {@code Retry-After} while it is down, readiness is DOWN and comes back once it runs again; a {@code kill -9} of
 * the postmaster is repaired by the watchdog (crash recovery on the same data folder) without restarting the
 * service, and what was committed before is still there.
 */
@QuarkusTest
class DatabaseOutageTest {

    @AfterEach
    void databaseRunsAgain() {
        EmbeddedDatabase.releaseWatchdog();
        awaitReady(Duration.ofSeconds(90));
    }

    @Test
    void writesAre503WithRetryAfterWhileTheDatabaseIsStoppedAndWorkAgainOnceItIsBack() throws Exception {
        Fixtures.County county = Fixtures.county();
        String token = Fixtures.systemAdminToken(county);
        String requestId = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        try (LogCapture log = LogCapture.start()) {
            EmbeddedDatabase.stopAndHold();
            given().auth().oauth2(token).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                    .body(organisation(county, "停机时"))
                    .post("/api/organisations").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").header("X-Request-Id", requestId)
                    .body("code", equalTo("DATABASE_UNAVAILABLE")).body("status", equalTo(503))
                    .body("instance", equalTo("urn:request:" + requestId))
                    .body("detail", containsString("重试"));
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            // the service itself is alive: liveness stays UP while the database is being brought back
            given().get("/q/health/live").then().statusCode(200);
            ExtLogRecord warning = log.records().stream()
                    .filter(r -> r.getFormattedMessage().startsWith("Database unreachable")).findFirst().orElseThrow();
            assertEquals(requestId, warning.getMdc("requestId"), "the log line carries the request id");
        }
        long released = System.nanoTime();
        EmbeddedDatabase.releaseWatchdog();
        awaitReady(Duration.ofSeconds(60));
        long seconds = Duration.ofNanos(System.nanoTime() - released).toSeconds();
        assertTrue(seconds < 30, "readiness back after " + seconds + " s");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(organisation(county, "恢复后"))
                .post("/api/organisations").then().statusCode(201);
    }

    @Test
    void aKilledPostmasterIsRestartedWithItsDataAndTheServiceRecoversWithoutARestart() {
        Fixtures.County county = Fixtures.county();
        String token = Fixtures.systemAdminToken(county);
        String before = given().auth().oauth2(token).contentType(ContentType.JSON).body(organisation(county, "崩溃前"))
                .post("/api/organisations").then().statusCode(201).extract().path("id");
        long pid = EmbeddedDatabase.postmasterPid();
        assertTrue(pid > 0, "the embedded postmaster runs");
        int restarts = EmbeddedDatabase.restarts();
        // tests run the embedded server with synchronous_commit off: give the WAL writer (wal_writer_delay 200 ms)
        // time to hand the commits above to the operating system, which keeps them across a kill -9 of PostgreSQL
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        // kill -9 of the postmaster
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        awaitReady(Duration.ofSeconds(90));
        assertTrue(EmbeddedDatabase.restarts() > restarts, "the watchdog restarted it");
        assertTrue(EmbeddedDatabase.postmasterPid() > 0 && EmbeddedDatabase.postmasterPid() != pid);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).contentType(ContentType.JSON).body(organisation(county, "崩溃后"))
                        .post("/api/organisations").then().statusCode(201));
        given().get("/api/organisations/" + before).then().statusCode(200).body("name", equalTo("律所崩溃前"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String organisation(Fixtures.County county, String name) {
        return "{\"type\":\"LAW_FIRM\",\"name\":\"律所" + name + "\",\"regionCode\":\"" + county.county() + "\"}";
    }

    static void awaitReady(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }
}
