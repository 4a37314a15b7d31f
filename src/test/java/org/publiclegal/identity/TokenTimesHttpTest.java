package org.publiclegal.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.testing.Fixtures;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tokens signed with the real key but with impossible times (issue 16): issued in the future beyond the clock
 * skew, or living longer than the configured access-token lifetime (15 minutes), are 401 problems; a token
 * within the rules is accepted, also the second time (when it comes from the verified-token cache).
 */
@QuarkusTest
class TokenTimesHttpTest {

    private static String signed(Account a, Instant issuedAt, Instant expiresAt) {
        return Jwt.subject(a.id.toString()).upn(a.id.toString()).groups(a.roleSet())
                .claim(CurrentUser.CLAIM_KIND, a.kind.name()).issuedAt(issuedAt).expiresAt(expiresAt).sign();
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Account a = Fixtures.resident();
        Instant ahead = Instant.now().plus(Duration.ofMinutes(5));
        given().auth().oauth2(signed(a, ahead, ahead.plus(Duration.ofMinutes(10)))).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenLivingLongerThanConfiguredIsRefused() {
        Account a = Fixtures.resident();
        Instant now = Instant.now();
        given().auth().oauth2(signed(a, now, now.plus(Duration.ofDays(30)))).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(signed(a, now, now.plus(Duration.ofMinutes(15)).plusSeconds(5))).get("/api/me")
                .then().statusCode(401);
    }

    @Test
    void aTokenWithinTheRulesIsAcceptedAgainAndAgain() {
        Account a = Fixtures.resident();
        Instant now = Instant.now();
        String token = signed(a, now.plusSeconds(30), now.plus(Duration.ofMinutes(15)));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("id", equalTo(a.id.toString()));
        }
    }
}
