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
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class RefreshTokenTest {

    private static ValidatableResponse refresh(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/auth/refresh").then();
    }

    private static String signIn() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Fixtures.STAFF_PASSWORD))
                .post("/api/auth/staff").then().statusCode(200).extract().path("refreshToken");
    }

    @Test
    void everyRefreshRotatesTheToken() {
        String first = signIn();
        String second = refresh(first).statusCode(200).extract().path("refreshToken");
        assertNotEquals(first, second);
        String third = refresh(second).statusCode(200).extract().path("refreshToken");
        assertNotEquals(second, third);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        String first = signIn();
        String second = refresh(first).statusCode(200).extract().path("refreshToken");
        refresh(first).statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("INVALID_REFRESH_TOKEN"));
        // the legitimate holder's newer token is gone too: the thief and the victim must both sign in again
        refresh(second).statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void logoutEndsTheSignIn() {
        String first = signIn();
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", first)).post("/api/auth/logout")
                .then().statusCode(204);
        refresh(first).statusCode(401);
    }

    @Test
    void unknownTokenIs401AndOtherFamiliesAreUntouched() {
        String mine = signIn();
        refresh("not-a-real-token").statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        refresh(mine).statusCode(200);
    }

    @Test
    void onlyTheRefreshTokenHashIsStored() {
        String token = signIn();
        long plain = Fixtures.column("select count(*) from refresh_token where encode(token_hash, 'escape') = ?1",
                Long.class, token).get(0);
        org.junit.jupiter.api.Assertions.assertEquals(0, plain);
    }
}
