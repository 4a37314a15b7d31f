package org.publiclegal.education;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Views by device under concurrent reports, exact totals after aggregation, likes, and the figures. */
@QuarkusTest
class ViewCountingTest {

    @Inject
    ViewAggregation aggregation;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void concurrentReportsCountOnePlayPerDeviceAndDayAndAggregationIsExactOnce() throws Exception {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        String episode = EducationFixtures.published(c, Fixtures.lawyer(c.lawFirm()), column, "农民工欠薪怎么办");
        int devices = 30;
        int reportsEach = 4;
        // device d reports progress 10, 40, 70 and then 95 (if d is even) or 80: even devices complete
        List<Map<String, Object>> reports = new ArrayList<>();
        for (int r = 0; r < reportsEach; r++) {
            for (int d = 0; d < devices; d++) {
                int progress = r < 3 ? 10 + 30 * r : (d % 2 == 0 ? 95 : 80);
                reports.add(Map.of("deviceId", "device-count-" + episode.substring(0, 8) + "-" + d, "progressPercent", progress));
            }
        }
        java.util.Collections.shuffle(reports, new java.util.Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Map<String, Object>> answers = new ArrayList<>();
        try {
            List<Future<Map<String, Object>>> futures = new ArrayList<>();
            for (Map<String, Object> body : reports) {
                futures.add(pool.submit(() -> given().contentType(ContentType.JSON).body(body)
                        .post("/api/videos/" + episode + "/views").then().statusCode(200).extract().jsonPath().getMap("")));
            }
            for (Future<Map<String, Object>> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(devices, answers.stream().filter(a -> Boolean.TRUE.equals(a.get("play"))).count(),
                "one counted play per device");
        assertEquals(devices / 2, answers.stream().filter(a -> Boolean.TRUE.equals(a.get("completed"))).count(),
                "each even device completes once, whatever the order of its reports");
        assertEquals(List.of((long) devices, (long) devices / 2), ledger(episode));

        aggregation.run().await().atMost(Duration.ofSeconds(30));
        assertEquals(List.of((long) devices, (long) devices / 2), counters(episode));
        assertEquals(0L, aggregation.run().await().atMost(Duration.ofSeconds(30)), "a second run adds nothing");
        assertEquals(List.of((long) devices, (long) devices / 2), counters(episode));

        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county()).get("/api/videos/stats")
                .then().statusCode(200)
                .body("total.plays", equalTo(devices)).body("total.viewers", equalTo(devices))
                .body("total.completions", equalTo(devices / 2)).body("total.completionRate", equalTo(50.0f))
                .body("total.episodesPublished", equalTo(1))
                .body("columns[0].columnId", equalTo(column)).body("columns[0].figures.plays", equalTo(devices))
                .body("organisations[0].organisationId", equalTo(c.bureau().id.toString()));
        Map<String, Object> body = new HashMap<>();
        body.put("region", c.county());
        body.put("keys", "education.video_plays,education.video_viewers,education.video_completion_rate");
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParams(body).get("/api/metrics").then().statusCode(200)
                .body("values.find { it.key == 'education.video_plays' }.value", equalTo(devices))
                .body("values.find { it.key == 'education.video_viewers' }.value", equalTo(devices))
                .body("values.find { it.key == 'education.video_completion_rate' }.value", equalTo(50.0f));
    }

    @Test
    void laterReportsOfTheSameDayOnlyRaiseProgress() {
        Fixtures.County c = Fixtures.county();
        String episode = EducationFixtures.published(c, Fixtures.lawyer(c.lawFirm()), EducationFixtures.column(c), "进度");
        String device = "device-progress-0123456789";
        report(episode, device, 60).then().body("play", equalTo(true)).body("completed", equalTo(false)).body("progress", equalTo(60));
        report(episode, device, 20).then().body("play", equalTo(false)).body("progress", equalTo(60));
        report(episode, device, 90).then().body("play", equalTo(false)).body("completed", equalTo(true));
        report(episode, device, 100).then().body("completed", equalTo(false)).body("progress", equalTo(100));
        assertEquals(List.of(1L, 1L), ledger(episode));
    }

    @Test
    void badReportsAreRefusedAndOnlyPublishedEpisodesCount() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        String episode = EducationFixtures.published(c, Fixtures.lawyer(c.lawFirm()), column, "校验");
        report(episode, "short", 10).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("deviceId"));
        report(episode, "device-bad-progress-000", 101).then().statusCode(400).body("errors.field", hasItem("progressPercent"));
        report(java.util.UUID.randomUUID().toString(), "device-unknown-episode-0", 10).then().statusCode(404);
        EducationFixtures.act(c.bureauAdmin(), episode, "withdrawal", "下架").then().statusCode(200);
        report(episode, "device-withdrawn-000000", 10).then().statusCode(404);
    }

    @Test
    void likesAreIdempotentPerAccountAndNeedASignIn() {
        Fixtures.County c = Fixtures.county();
        String episode = EducationFixtures.published(c, Fixtures.lawyer(c.lawFirm()), EducationFixtures.column(c), "点赞");
        Account resident = Fixtures.resident();
        Account another = Fixtures.resident();
        given().put("/api/videos/" + episode + "/like").then().statusCode(401).contentType("application/problem+json");
        like(resident, episode, true).then().statusCode(200).body("liked", equalTo(true)).body("likes", equalTo(1));
        like(resident, episode, true).then().statusCode(200).body("likes", equalTo(1));
        like(another, episode, true).then().statusCode(200).body("likes", equalTo(2));
        like(resident, episode, false).then().statusCode(200).body("liked", equalTo(false)).body("likes", equalTo(1));
        like(resident, episode, false).then().statusCode(200).body("likes", equalTo(1));
        given().get("/api/videos/" + episode).then().body("likes", equalTo(1));
    }

    private static io.restassured.response.Response like(Account who, String episode, boolean like) {
        var r = given().auth().oauth2(Fixtures.token(who));
        return like ? r.put("/api/videos/" + episode + "/like") : r.delete("/api/videos/" + episode + "/like");
    }

    private static io.restassured.response.Response report(String episode, String device, int progress) {
        return given().contentType(ContentType.JSON).body(Map.of("deviceId", device, "progressPercent", progress))
                .post("/api/videos/" + episode + "/views");
    }

    private static List<Long> ledger(String episode) {
        Object[] row = Fixtures.sql("""
                select coalesce(sum(quantity) filter (where kind = ?1), 0), coalesce(sum(quantity) filter (where kind = ?2), 0)
                from ledger_event where source_id = cast(?3 as uuid)""", EducationEvents.PLAY, EducationEvents.COMPLETED, episode).get(0);
        return List.of(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private static List<Long> counters(String episode) {
        Object[] row = Fixtures.sql("select plays, completions from edu_episode_stats where episode_id = cast(?1 as uuid)", episode).get(0);
        return List.of(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
