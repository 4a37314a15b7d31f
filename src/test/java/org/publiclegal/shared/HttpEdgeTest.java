package org.publiclegal.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The HTTP edge (issue 16): request ids, errors raised before any resource as problem+json (414, 431, 404,
 * 405 with Allow, 406 naming the type offered), JSON-only bodies (415) and strict JSON reading.
 */
@QuarkusTest
class HttpEdgeTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String ORGANISATION = "{\"type\":\"LAW_FIRM\",\"name\":\"edge\",\"regionCode\":\"610110000000\"}";

    @Test
    void aSafeRequestIdIsKeptAndReturnedAndIsTheProblemsInstance() {
        given().header("X-Request-Id", "mp-7f3a.9_b:1").get("/api/organisations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .header("X-Request-Id", "mp-7f3a.9_b:1")
                .body("instance", equalTo("urn:request:mp-7f3a.9_b:1"));
        given().header("X-Request-Id", "ok-1").get("/api/regions/610000000000").then()
                .header("X-Request-Id", "ok-1");
    }

    @Test
    void aMissingLongOrUnsafeRequestIdIsReplacedByANewOne() {
        String created = given().get("/api/regions/610000000000").then().header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .extract().header("X-Request-Id");
        String second = given().get("/api/regions/610000000000").then().extract().header("X-Request-Id");
        assertNotEquals(created, second);
        for (String unsafe : new String[] {"a".repeat(65), "id with space", "<script>", "ä-umlaut", "x\"y"}) {
            given().header("X-Request-Id", unsafe).get("/api/no-such-thing").then().statusCode(404)
                    .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                    .body("instance", matchesPattern("urn:request:" + UUID_PATTERN));
        }
    }

    @Test
    void anOverlongUrlIs414Problem() {
        given().header("X-Request-Id", "long-url").get("/api/regions?q=" + "a".repeat(4200)).then().statusCode(414)
                .contentType("application/problem+json").header("X-Request-Id", "long-url")
                .body("code", equalTo("URI_TOO_LONG")).body("status", equalTo(414))
                .body("type", equalTo("https://publiclegal.example.org/problems/uri-too-long"))
                .body("instance", equalTo("urn:request:long-url"));
        // just under the limit still reaches the resource
        given().get("/api/regions/610000000000?pad=" + "a".repeat(4000)).then().statusCode(200);
    }

    @Test
    void oversizedHeadersAre431Problem() {
        given().header("X-Padding", "p".repeat(24 * 1024)).get("/api/regions/610000000000").then().statusCode(431)
                .contentType("application/problem+json").body("code", equalTo("HEADERS_TOO_LARGE"))
                .body("status", equalTo(431));
    }

    @Test
    void unknownPathsAre404ProblemsEverywhere() {
        for (String path : new String[] {"/api/no-such-thing", "/no-such-page", "/dashboard/no-such-file.js",
                "/q/no-such-endpoint"}) {
            given().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("NOT_FOUND"));
        }
    }

    @Test
    void aWrongMethodIs405WithItsAllowHeader() {
        given().delete("/api/regions/610000000000").then().statusCode(405).contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"))
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
        given().post("/api/regions/610000000000/children").then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void theWordExportAskedForAsJsonIs406NamingTheTypeOffered() {
        Fixtures.County county = Fixtures.county();
        String token = Fixtures.token(county.bureauAdmin());
        given().auth().oauth2(token).accept(ContentType.JSON)
                .get("/api/reports/annual/docx?year=2026&region=" + county.county()).then().statusCode(406)
                .contentType("application/problem+json").body("code", equalTo("NOT_ACCEPTABLE"))
                .body("detail", containsString("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        given().auth().oauth2(token).accept(ContentType.JSON)
                .get("/api/reports/annual/xlsx?year=2026&region=" + county.county()).then().statusCode(406)
                .body("detail", containsString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @Test
    void aJsonEndpointRefusesBodiesThatAreNotDeclaredJson() {
        Fixtures.County county = Fixtures.county();
        String token = Fixtures.systemAdminToken(county);
        for (String type : new String[] {"text/plain", "*/*", "application/x-yaml", "application/xml"}) {
            given().auth().oauth2(token).contentType(type).body(ORGANISATION.getBytes()).post("/api/organisations")
                    .then().statusCode(415).contentType("application/problem+json")
                    .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                    .body("detail", containsString("application/json"));
        }
        // no Content-Type at all
        Response none = given().auth().oauth2(token).noContentType().body(ORGANISATION.getBytes())
                .post("/api/organisations");
        assertEquals(415, none.statusCode(), none.asString());
        // a body-less state change needs no type; application/json with a charset is fine
        given().auth().oauth2(token).contentType("application/json; charset=UTF-8")
                .body("{\"type\":\"LAW_FIRM\",\"name\":\"edge json\",\"regionCode\":\"" + county.county()
                        + "\"}").post("/api/organisations").then().statusCode(201);
    }

    @Test
    void enumsAreReadByNameOnly() {
        String token = Fixtures.systemAdminToken(Fixtures.county());
        for (String type : new String[] {"0", "2", "\"2\""}) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"type\":" + type + ",\"name\":\"x\",\"regionCode\":\"610110000000\"}")
                    .post("/api/organisations").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("type"));
        }
    }

    @Test
    void scalarsAreNotCoerced() {
        String token = Fixtures.systemAdminToken(Fixtures.county());
        for (String name : new String[] {"123", "1.5", "true"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"type\":\"LAW_FIRM\",\"name\":" + name + ",\"regionCode\":\"610110000000\"}")
                    .post("/api/organisations").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("name"));
        }
        given().contentType(ContentType.JSON).body("{\"deviceId\":\"d-1\",\"progressPercent\":\"50\"}")
                .post("/api/videos/" + UUID.randomUUID() + "/views").then().statusCode(400)
                .body("errors[0].field", equalTo("progressPercent"));
    }

    @Test
    void anythingAfterTheJsonBodyIsRefused() {
        String token = Fixtures.systemAdminToken(Fixtures.county());
        for (String trailing : new String[] {" garbage", " {}", "}", " 1"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(ORGANISATION + trailing)
                    .post("/api/organisations").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("MALFORMED_JSON"));
        }
    }
}
