package org.publiclegal.shared.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16, HTTP conventions: compression, ETag/304, Cache-Control, CORS — all through HTTP. */
@QuarkusTest
class HttpConventionsTest {

    private static final String ECHARTS = "/_static/echarts/5.6.0/dist/echarts.min.js";
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    // ------------------------------------------------------------------------------------------ compression

    @Test
    void jsonTheContractAndStaticFilesGoOutCompressed() {
        for (String path : new String[]{"/q/openapi", ECHARTS, "/api/regions?q=测试"}) {
            Response gzip = given().config(RAW).header("Accept-Encoding", "gzip").get(path);
            gzip.then().statusCode(200).header("Content-Encoding", "gzip");
            Response br = given().config(RAW).header("Accept-Encoding", "br").get(path);
            br.then().statusCode(200).header("Content-Encoding", "br");
            Response plain = given().config(RAW).header("Accept-Encoding", "identity").get(path);
            plain.then().statusCode(200).header("Content-Encoding", nullValue());
            if (!path.startsWith("/api")) {
                int full = plain.asByteArray().length;
                assertTrue(gzip.asByteArray().length * 2 < full, path + ": gzip should at least halve " + full + " bytes");
                assertTrue(br.asByteArray().length * 2 < full, path + ": brotli should at least halve " + full + " bytes");
                System.out.printf("compression %s: %d bytes plain, %d gzip, %d brotli%n", path, full,
                        gzip.asByteArray().length, br.asByteArray().length);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ ETag / 304

    @Test
    void anAuthenticatedReadHasAWeakEtagAndIsNeverStored() {
        Fixtures.County c = Fixtures.county();
        String token = Fixtures.token(c.officeStaffA());
        Response first = given().auth().oauth2(token).get("/api/residents");
        first.then().statusCode(200)
                .header("ETag", startsWith("W/\""))
                .header("Cache-Control", "no-store");
        String etag = first.header("ETag");

        given().auth().oauth2(token).header("If-None-Match", etag).get("/api/residents")
                .then().statusCode(304).header("ETag", etag).header("Cache-Control", "no-store")
                .body(emptyString());
        // a list of tags, the strong form of the same tag, and * match too (weak comparison)
        given().auth().oauth2(token).header("If-None-Match", "W/\"other\", " + etag.substring(2)).get("/api/residents")
                .then().statusCode(304);
        given().auth().oauth2(token).header("If-None-Match", "W/\"other\"").get("/api/residents")
                .then().statusCode(200).header("ETag", etag);
    }

    @Test
    void theDashboardAnswers304WhenUnchangedAndANewTagWhenItChanges() {
        Fixtures.County c = Fixtures.county();
        String token = Fixtures.token(c.bureauAdmin());
        String etag = given().auth().oauth2(token).get("/api/dashboard").then().statusCode(200)
                .header("ETag", startsWith("W/\"")).extract().header("ETag");
        given().auth().oauth2(token).header("If-None-Match", etag).get("/api/dashboard").then().statusCode(304);
        // another county's dashboard is another body, so another tag
        Fixtures.County other = Fixtures.county();
        given().auth().oauth2(Fixtures.token(other.bureauAdmin())).header("If-None-Match", etag).get("/api/dashboard")
                .then().statusCode(200).header("ETag", not(etag));
    }

    @Test
    void publicReadsRevalidateAndWritesAndTokensAreNeverStored() {
        Response regions = given().get("/api/regions?q=测试");
        regions.then().statusCode(200).header("Cache-Control", "no-cache").header("ETag", startsWith("W/"));
        given().header("If-None-Match", regions.header("ETag")).get("/api/regions?q=测试").then().statusCode(304);

        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), "JUDICIAL_OFFICE");
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", Fixtures.STAFF_PASSWORD))
                .post("/api/auth/staff")
                .then().statusCode(200).header("Cache-Control", "no-store").header("ETag", nullValue());
        // errors too
        given().get("/api/regions/999999999999").then().statusCode(404).header("Cache-Control", "no-store");
    }

    @Test
    void theVideoFeedKeepsItsOwnPublicCachingWhenAnonymous() {
        given().get("/api/videos").then().statusCode(200).header("Cache-Control", containsString("public"));
    }

    // ------------------------------------------------------------------------------------------ CORS

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        given().header("Origin", "https://admin.example.gov.cn")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/aid/applications")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://admin.example.gov.cn")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        given().header("Origin", "https://admin.example.gov.cn").get("/api/regions?q=测试")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://admin.example.gov.cn")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefused() {
        given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/aid/applications")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.com").get("/api/regions?q=测试")
                .then().header("Access-Control-Allow-Origin", not(equalTo("https://evil.example.com")));
    }
}
