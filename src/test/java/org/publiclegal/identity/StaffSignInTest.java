package org.publiclegal.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.testing.Fixtures;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class StaffSignInTest {

    private static ValidatableResponse signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/staff").then();
    }

    @Test
    void staffSignInCarriesRolesOrganisationAndRegionScope() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        String access = signIn(username, Fixtures.STAFF_PASSWORD).statusCode(200)
                .body("kind", equalTo("STAFF")).body("roles", hasItem("JUDICIAL_OFFICE"))
                .body("expiresIn", org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(880)).and(org.hamcrest.Matchers.lessThanOrEqualTo(900)))
                .extract().path("accessToken");
        given().auth().oauth2(access).get("/api/me").then().statusCode(200)
                .body("organisationId", equalTo(c.officeA().id.toString()))
                .body("regionCode", equalTo(c.townshipA()));
    }

    @Test
    void oneAccountSignedInFromSeveralDevicesAtTheSameMomentAlwaysSucceeds() throws Exception {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                codes.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON)
                            .body(Map.of("username", username, "password", Fixtures.STAFF_PASSWORD))
                            .post("/api/auth/staff").statusCode();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> code : codes) {
                org.junit.jupiter.api.Assertions.assertEquals(200, code.get());
            }
        } finally {
            pool.shutdownNow();
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, Fixtures.column(
                "select count(*) from account a join staff_credential c on c.account_id = a.id "
                        + "where c.username = ?1 and a.last_login_at is not null", Long.class, username).get(0));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsABadRequestNotAServerError() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        signIn(username, "a1" + "b".repeat(71)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("password"));
        signIn(username, "a1" + "密".repeat(24)).statusCode(400).body("errors[0].field", equalTo("password"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("username", "long-" + username, "password", "a1" + "密".repeat(24), "displayName", "测试",
                        "organisationId", c.officeA().id.toString(), "roles", java.util.List.of("JUDICIAL_OFFICE")))
                .post("/api/staff").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("password"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("72 字节"));
        // exactly 72 bytes is a password like any other: wrong here, so 401
        signIn(username, "a1" + "b".repeat(70)).statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        signIn(username, "wrong-password-1").statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("BAD_CREDENTIALS"));
        signIn("nobody-" + username, "wrong-password-1").statusCode(401)
                .body("code", equalTo("BAD_CREDENTIALS"));
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPasswordUntilUnlocked() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        for (int i = 0; i < 5; i++) {
            signIn(username, "wrong-password-" + i).statusCode(401);
        }
        signIn(username, Fixtures.STAFF_PASSWORD).statusCode(423).contentType("application/problem+json")
                .body("code", equalTo("ACCOUNT_LOCKED"));

        String accountId = Fixtures.column("select cast(account_id as varchar) from staff_credential where username = ?1",
                String.class, username).get(0);
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).post("/api/staff/" + accountId + "/unlock")
                .then().statusCode(204);
        signIn(username, Fixtures.STAFF_PASSWORD).statusCode(200).body("accessToken", notNullValue());
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        for (int i = 0; i < 4; i++) {
            signIn(username, "wrong-password-" + i).statusCode(401);
        }
        signIn(username, Fixtures.STAFF_PASSWORD).statusCode(200);
        for (int i = 0; i < 4; i++) {
            signIn(username, "wrong-password-" + i).statusCode(401);
        }
        signIn(username, Fixtures.STAFF_PASSWORD).statusCode(200);
    }

    @Test
    void failedAttemptsAreAudited() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        signIn(username, "wrong-password-x").statusCode(401);
        String accountId = Fixtures.column("select cast(account_id as varchar) from staff_credential where username = ?1",
                String.class, username).get(0);
        given().auth().oauth2(Fixtures.systemAdminToken(c))
                .queryParam("objectType", "account").queryParam("objectId", accountId)
                .get("/api/audit").then().statusCode(200)
                .body("items.action", hasItem("STAFF_SIGN_IN_FAILED"))
                .body("items.action", not(hasItem("STAFF_SIGNED_IN")));
    }
}
