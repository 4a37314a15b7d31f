package org.publiclegal.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.shared.problem.ErrorCode;
import org.publiclegal.testing.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The first system administrator of an empty database, created at start-up from APP_BOOTSTRAP_ADMIN_*
 * (here with a password file), over the real sign-in and change-password endpoints. Own profile: a fresh
 * embedded PostgreSQL in which no administrator exists before the start-up.
 */
@QuarkusTest
@TestProfile(AdminBootstrapTest.FirstStart.class)
class AdminBootstrapTest {

    static final String USERNAME = "first-admin";
    static final String INITIAL = "Initial-pass-2026";

    public static class FirstStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path file = Files.createTempFile("bootstrap-admin", ".txt");
                Files.writeString(file, INITIAL + "\n");
                file.toFile().deleteOnExit();
                return Map.of("app.bootstrap-admin.username", USERNAME,
                        "app.bootstrap-admin.password-file", file.toString(),
                        "app.bootstrap-admin.region-code", "530000000000",
                        "app.bootstrap-admin.region-name", "云南省",
                        "app.bootstrap-admin.organisation-name", "云南省司法厅");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    AdminBootstrap bootstrap;

    private static ValidatableResponse signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/staff").then();
    }

    private static ValidatableResponse change(String current, String next) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", USERNAME, "currentPassword", current, "newPassword", next))
                .post("/api/auth/password").then();
    }

    @Test
    void theBootstrappedAdministratorMustChangeThePasswordBeforeSigningIn() {
        signIn(USERNAME, INITIAL).statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("PASSWORD_CHANGE_REQUIRED"))
                .body("type", equalTo(ErrorCode.PASSWORD_CHANGE_REQUIRED.type()));
        change("wrong-pass-2026", "Chosen-pass-2026").statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        change(INITIAL, "short1").statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
        change(INITIAL, INITIAL).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        // still the initial password, still refused
        signIn(USERNAME, INITIAL).statusCode(403).body("code", equalTo("PASSWORD_CHANGE_REQUIRED"));

        change(INITIAL, "Chosen-pass-2026").statusCode(204);
        signIn(USERNAME, INITIAL).statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        String access = signIn(USERNAME, "Chosen-pass-2026").statusCode(200)
                .body("roles", hasItem("SYSTEM_ADMIN")).extract().path("accessToken");
        // the administrator can set up the county: everything is in scope
        given().auth().oauth2(access).get("/api/me").then().statusCode(200);

        assertEquals(java.util.List.of("云南省司法厅 JUSTICE_BUREAU 530000000000"), Fixtures.column(
                "select o.name || ' ' || o.type || ' ' || a.region_code from account a join organisation o "
                        + "on o.id = a.organisation_id join staff_credential c on c.account_id = a.id where c.username = ?1",
                String.class, USERNAME));
        assertEquals(java.util.List.of("SYSTEM_ADMIN_BOOTSTRAPPED", "STAFF_PASSWORD_CHANGED"), Fixtures.column(
                "select action from audit_log where action in ('SYSTEM_ADMIN_BOOTSTRAPPED', 'STAFF_PASSWORD_CHANGED') "
                        + "order by occurred_at, id", String.class));
    }

    @Test
    void onceAnAdministratorExistsTheBootstrapIsRefusedAndChangesNothing() throws Throwable {
        AdminBootstrapSettings second = new AdminBootstrapSettings("second-admin", "Another-pass-2026",
                "530000000000", "云南省", "云南省司法厅");
        assertEquals(AdminBootstrap.Outcome.ADMINISTRATOR_EXISTS,
                VertxContextSupport.subscribeAndAwait(() -> bootstrap.run(second)));
        assertEquals(java.util.List.of(1L), Fixtures.column(
                "select count(*) from account where roles like '%SYSTEM_ADMIN%'", Long.class));
        assertEquals(java.util.List.of(1L), Fixtures.column(
                "select count(*) from audit_log where action = 'SYSTEM_ADMIN_BOOTSTRAPPED'", Long.class));
        signIn("second-admin", "Another-pass-2026").statusCode(401);
    }
}
