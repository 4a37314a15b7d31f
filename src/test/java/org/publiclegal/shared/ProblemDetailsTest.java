package org.publiclegal.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure is RFC 9457 problem+json with a stable type and code, never a 500. */
@QuarkusTest
class ProblemDetailsTest {

    private static String adminToken() {
        return Fixtures.systemAdminToken(Fixtures.county());
    }

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body("{\"type\": \"LAW_FIRM\", ")
                .post("/api/organisations").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .body("type", equalTo("https://publiclegal.example.org/problems/malformed-json"))
                .body("title", equalTo("请求内容不是有效的 JSON"))
                .body("status", equalTo(400))
                .body("instance", org.hamcrest.Matchers.startsWith("urn:request:"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body("{\"type\":\"TEA_HOUSE\",\"name\":\"x\",\"regionCode\":\"610110000000\"}")
                .post("/api/organisations").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("LAW_FIRM"));
        given().get("/api/organisations?region=610110000000&type=TEA_HOUSE").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void unknownFieldsAndWrongTypesAre400() {
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body("{\"type\":\"LAW_FIRM\",\"name\":\"x\",\"regionCode\":\"610110000000\",\"admin\":true}")
                .post("/api/organisations").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("admin"));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body("{\"type\":\"LAW_FIRM\",\"name\":{\"a\":1},\"regionCode\":\"610110000000\"}")
                .post("/api/organisations").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void beanValidationListsEveryFieldInChinese() {
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body("{\"name\":\"\",\"regionCode\":\"12\"}")
                .post("/api/organisations").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("regionCode"))
                .body("errors.message", hasItem("行政区划代码应为 12 位数字"));
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body("null")
                .post("/api/organisations").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIs415() {
        given().auth().oauth2(adminToken()).contentType(ContentType.TEXT).body("type=LAW_FIRM")
                .post("/api/organisations").then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void oversizedBodyIs413BeforeItIsRead() throws Exception {
        // a client announces a 13 MB body; the answer comes before a byte of it is sent
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/organisations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + adminToken() + "\r\nContent-Length: " + (13 * 1024 * 1024)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // read the head and the (small) problem body; the server need not close the connection
            java.io.InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            int length = Integer.parseInt(head.toString().replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
            String response = head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("application/problem+json"), response);
            assertTrue(response.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), response);
        }
    }

    @Test
    void missingExpiredTamperedOrForeignTokensAre401Problems() {
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer")).body("code", equalTo("UNAUTHENTICATED"));
        Account a = Fixtures.resident();
        String expired = Jwt.subject(a.id.toString()).groups("RESIDENT")
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
        given().auth().oauth2(expired).get("/api/me").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        String good = Fixtures.token(a);
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).get("/api/me").then().statusCode(401).contentType("application/problem+json");
        String wrongIssuer = Jwt.issuer("https://evil.example").subject(a.id.toString()).groups("RESIDENT").sign();
        given().auth().oauth2(wrongIssuer).get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403Problem() {
        Account resident = Fixtures.resident();
        given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON)
                .body("{\"type\":\"LAW_FIRM\",\"name\":\"x\",\"regionCode\":\"610110000000\"}")
                .post("/api/organisations").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void unknownPathsMethodsAndIdsAre4xxProblems() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/regions/610000000000").then().statusCode(405).contentType("application/problem+json");
        given().get("/api/organisations/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/organisations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void badCursorAndLimitAre400() {
        given().get("/api/regions/610000000000/subtree?cursor=%%%garbage").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_CURSOR"));
        given().get("/api/regions/610000000000/subtree?limit=1000").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().get("/api/regions/610000000000/subtree?limit=abc").then().statusCode(400)
                .contentType("application/problem+json").body("detail", notNullValue());
    }
}
