package org.publiclegal.education;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public feed: filters, stable cursors, 304s, popular order, the detail with its signed playback URL. */
@QuarkusTest
class VideoFeedTest {

    @Inject
    ViewAggregation aggregation;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static List<String> ids(Response r) {
        return r.then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void filtersByTopicAndColumnAndPagesStayStableWhileNewEpisodesPublish() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        String otherColumn = EducationFixtures.column(c);
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(EducationFixtures.published(c, lawyer, column, "第" + i + "期", List.of(i % 2 == 0 ? "ANTI_FRAUD" : "LABOUR_WAGES"), "字幕"));
        }
        String elsewhere = EducationFixtures.published(c, lawyer, otherColumn, "别的栏目", List.of("ANTI_FRAUD"), "字幕");
        List<String> newestFirst = new ArrayList<>(published);
        java.util.Collections.reverse(newestFirst);

        Response first = given().queryParam("column", column).queryParam("limit", 2).get("/api/videos");
        assertEquals(newestFirst.subList(0, 2), ids(first));
        first.then().body("items[0].episodeNo", equalTo(5)).body("items[0].columnName", startsWith("律师普法"))
                .body("items[0].topics", contains("ANTI_FRAUD")).body("items[0].plays", equalTo(0))
                .body("items[0].durationSeconds", equalTo(180));
        String cursor = first.path("nextCursor");

        String later = EducationFixtures.published(c, lawyer, column, "翻页时新发布的一期");
        Response second = given().queryParam("column", column).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/videos");
        assertEquals(newestFirst.subList(2, 4), ids(second), "a new publication does not shift later pages");
        Response third = given().queryParam("column", column).queryParam("limit", 2)
                .queryParam("cursor", (String) second.path("nextCursor")).get("/api/videos");
        assertEquals(newestFirst.subList(4, 5), ids(third));
        third.then().body("nextCursor", nullValue());
        assertEquals(later, ids(given().queryParam("column", column).queryParam("limit", 1).get("/api/videos")).get(0));

        List<String> fraud = ids(given().queryParam("column", column).queryParam("topic", "ANTI_FRAUD").get("/api/videos"));
        assertEquals(List.of(published.get(4), published.get(2), published.get(0)), fraud);
        assertTrue(!fraud.contains(elsewhere));
    }

    @Test
    void anUnchangedFeedIs304AndAPublicationMakesIt200Again() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        EducationFixtures.published(c, lawyer, column, "第一期");
        Response first = given().queryParam("column", column).get("/api/videos");
        first.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=60"));
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\""), etag);

        given().queryParam("column", column).header("If-None-Match", etag).get("/api/videos").then().statusCode(304)
                .header("ETag", equalTo(etag));
        given().queryParam("column", column).queryParam("sort", "popular").header("If-None-Match", etag)
                .get("/api/videos").then().statusCode(200);

        String second = EducationFixtures.published(c, lawyer, column, "第二期");
        Response after = given().queryParam("column", column).header("If-None-Match", etag).get("/api/videos");
        after.then().statusCode(200).body("items[0].id", equalTo(second));
        assertNotEquals(etag, after.header("ETag"));
    }

    @Test
    void popularSortsOnTheAggregatedPlaysAndAnAggregationChangesItsEtagButNotTheEpisodeRow() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        String quiet = EducationFixtures.published(c, lawyer, column, "冷门");
        String hot = EducationFixtures.published(c, lawyer, column, "热门");
        String older = EducationFixtures.published(c, lawyer, column, "一般");
        for (int d = 0; d < 3; d++) {
            view(hot, "device-popular-hot-" + d + "-xxxxxxxx", 50);
        }
        view(older, "device-popular-old-0-xxxxxxxx", 50);
        List<String> byIdDesc = new ArrayList<>(List.of(quiet, hot, older));
        byIdDesc.sort(java.util.Comparator.reverseOrder());
        Response before = given().queryParam("column", column).queryParam("sort", "popular").get("/api/videos");
        assertEquals(byIdDesc, ids(before), "before aggregation every count is 0: ties by id");
        String etag = before.header("ETag");
        given().queryParam("column", column).queryParam("sort", "popular").header("If-None-Match", etag).get("/api/videos")
                .then().statusCode(304);
        String episodeRow = Fixtures.column("select xmin::text from edu_episode where id = cast(?1 as uuid)", String.class, hot).get(0);
        aggregation.run().await().atMost(Duration.ofSeconds(30));
        assertEquals(episodeRow, Fixtures.column("select xmin::text from edu_episode where id = cast(?1 as uuid)", String.class, hot).get(0),
                "the aggregation writes the counter row, not the episode row");
        given().queryParam("column", column).queryParam("sort", "popular").header("If-None-Match", etag).get("/api/videos")
                .then().statusCode(200);
        Response page = given().queryParam("column", column).queryParam("sort", "popular").queryParam("limit", 2).get("/api/videos");
        assertEquals(List.of(hot, older), ids(page));
        page.then().body("items[0].plays", equalTo(3));
        assertEquals(List.of(quiet), ids(given().queryParam("column", column).queryParam("sort", "popular")
                .queryParam("cursor", (String) page.path("nextCursor")).get("/api/videos")));
    }

    @Test
    void theDetailCarriesASignedPlaybackUrlThatExpiresAndRelatedEpisodes() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        String fraud1 = EducationFixtures.published(c, lawyer, column, "刷单返利都是诈骗", List.of("ANTI_FRAUD"), "所有刷单都是诈骗");
        String fraud2 = EducationFixtures.published(c, lawyer, column, "冒充公检法", List.of("ANTI_FRAUD", "CIVIL_CODE"), "字幕");
        Instant before = TestClock.now();
        Response r = given().get("/api/videos/" + fraud1);
        r.then().statusCode(200).body("title", equalTo("刷单返利都是诈骗")).body("episodeNo", equalTo(1))
                .body("transcript", equalTo("所有刷单都是诈骗")).body("lawRefs", contains("宪法第三十三条"))
                .body("likes", equalTo(0)).body("related.id", hasItem(fraud2)).body("related.id", not(hasItem(fraud1)));
        String url = r.path("playback.url");
        Instant expires = Instant.parse(r.path("playback.expiresAt"));
        assertTrue(url.startsWith("https://video.example.cn/pufa/test/") && url.contains(".mp4?auth_key="), url);
        assertTrue(!expires.isBefore(before.plus(Duration.ofMinutes(30)).minusSeconds(2))
                && !expires.isAfter(TestClock.now().plus(Duration.ofMinutes(30))), expires.toString());
        PlaybackSigner cdn = new PlaybackSigner(PlaybackSigner.Scheme.ALIYUN_A, "https://video.example.cn",
                "local-playback-key-2026", Duration.ofMinutes(30), null);
        assertTrue(cdn.verify(url, TestClock.now()));
        assertTrue(!cdn.verify(url, expires), "the CDN refuses it from its expiry on");
        given().auth().oauth2(Fixtures.token(lawyer)).get("/api/education/episodes/" + fraud1).then()
                .body("videoPath", startsWith("/pufa/test/"));
    }

    @Test
    void badFeedParametersAreProblemsNot500s() {
        given().queryParam("topic", "GOSSIP").get("/api/videos").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("topic"));
        given().queryParam("sort", "random").get("/api/videos").then().statusCode(400).body("errors.field", hasItem("sort"));
        given().queryParam("column", "not-a-uuid").get("/api/videos").then().statusCode(400);
        given().queryParam("cursor", "garbage").get("/api/videos").then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        given().queryParam("q", "？！").get("/api/videos").then().statusCode(400).body("errors.field", hasItem("q"));
        given().queryParam("limit", 500).get("/api/videos").then().statusCode(400);
        given().get("/api/videos/" + java.util.UUID.randomUUID()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void columnsArePublic() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        given().queryParam("region", c.county()).get("/api/videos/columns").then().statusCode(200)
                .body("items.id", contains(column));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).contentType(ContentType.JSON)
                .body(Map.of("name", "")).post("/api/education/columns").then().statusCode(400);
        given().auth().oauth2(Fixtures.token(Fixtures.lawyer(c.lawFirm()))).contentType(ContentType.JSON)
                .body(Map.of("name", "律所栏目")).post("/api/education/columns").then().statusCode(403);
        given().queryParam("column", column).get("/api/videos").then().statusCode(200).body("items", empty());
    }

    static void view(String episode, String device, int progress) {
        given().contentType(ContentType.JSON).body(Map.of("deviceId", device, "progressPercent", progress))
                .post("/api/videos/" + episode + "/views").then().statusCode(200);
    }
}
