package org.publiclegal.shared.db;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test run itself uses the embedded server: it starts, the migrations apply, readiness checks it. */
@QuarkusTest
class EmbeddedDatabaseTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Reactive PostgreSQL")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void migrationsAppliedAndExtensionsCreated() {
        List<String> versions = Fixtures.column(
                "select version from flyway_schema_history where success order by installed_rank", String.class);
        assertTrue(versions.contains("1"), versions.toString());
        List<String> extensions = Fixtures.column("select extname from pg_extension", String.class);
        assertTrue(extensions.containsAll(List.of("pg_trgm", "btree_gist")), extensions.toString());
        assertEquals("17", Fixtures.column("show server_version", String.class).get(0).split("\\.")[0]);
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() {
        Fixtures.run(s -> s.createNativeQuery("insert into audit_log (occurred_at, action, object_type, object_id) "
                + "values (now(), 'TEST', 'test', 'x')").executeUpdate());
        String message = null;
        try {
            Fixtures.run(s -> s.createNativeQuery("delete from audit_log where action = 'TEST'").executeUpdate());
        } catch (RuntimeException e) {
            message = String.valueOf(e.getMessage()) + e.getCause();
        }
        assertTrue(message != null && message.contains("append-only"), String.valueOf(message));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title",
                org.hamcrest.Matchers.startsWith("公共法律服务"));
    }
}
