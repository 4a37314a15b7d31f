package org.publiclegal.education;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chinese keyword search: what it finds, in which order, and that it uses the GIN index at 100,000 episodes. */
@QuarkusTest
class ChineseSearchTest {

    private static final int EPISODES = 100_000;
    private static final int TEMPLATES = 200;
    private static final String[] FILLER = {"宅基地", "交通事故", "消费者", "电信诈骗", "遗嘱", "赡养", "工伤", "借条", "宪法",
            "未成年人", "土地承包", "网购", "彩礼", "养老", "校园", "邻里", "物业", "医疗", "保险", "继承"};

    @Inject
    VideoFeed feed;
    @Inject
    Pool pool;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void findsAWordInsideLongerTextRanksTitleHitsFirstAndPagesByCursor() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        String inTitle = EducationFixtures.published(c, lawyer, column, "签订劳动合同要注意什么", List.of("LABOUR_WAGES"), "试用期");
        String inTranscript = EducationFixtures.published(c, lawyer, column, "入职第一天", List.of("LABOUR_WAGES"),
                "入职一个月内应当签订书面劳动合同");
        String divorce = EducationFixtures.published(c, lawyer, column, "离婚时彩礼要不要退", List.of("MARRIAGE_FAMILY"), "彩礼");
        EducationFixtures.published(c, lawyer, column, "劳动与合同", List.of("OTHER"), "不相邻的两个词");

        var first = given().queryParam("column", column).queryParam("q", "劳动合同").queryParam("limit", 1).get("/api/videos");
        first.then().statusCode(200).body("items.id", contains(inTitle));
        given().queryParam("column", column).queryParam("q", "劳动合同").queryParam("limit", 1)
                .queryParam("cursor", (String) first.path("nextCursor")).get("/api/videos")
                .then().statusCode(200).body("items.id", contains(inTranscript)).body("nextCursor", equalTo(null));
        given().queryParam("column", column).queryParam("q", "离婚").get("/api/videos").then().body("items.id", contains(divorce));
        given().queryParam("column", column).queryParam("q", "婚").get("/api/videos").then().body("items.id", contains(divorce));
        given().queryParam("column", column).queryParam("q", "欠薪").get("/api/videos").then()
                .body("items.id", contains(inTranscript, inTitle)).body("items.size()", equalTo(2));
        given().queryParam("column", column).queryParam("q", "入职 劳动合同").get("/api/videos").then()
                .body("items.id", contains(inTranscript));
        given().queryParam("column", column).queryParam("q", "签订劳动合同要注意什么").get("/api/videos").then()
                .body("items.id", contains(inTitle));
    }

    @Test
    void twoAndFourCharacterQueriesUseTheGramIndexAt100000Episodes() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        try {
            seed(column, c.county());
            // a rare word (抛物, 高空抛物: in none of them) is looked up in the gram index, in each phase of the search
            for (String q : List.of("抛物", "高空抛物")) {
                for (VideoFeed.Phase phase : VideoFeed.Phase.values()) {
                    String plan = explain(feed.statement(new VideoFeed.FeedQuery(null, null, q, VideoFeed.Sort.LATEST, null, 20), phase, 21));
                    assertTrue(plan.contains("Bitmap Index Scan on edu_episode_grams_idx"), q + " " + phase + ":\n" + plan);
                }
            }
            // 离婚, 劳动合同 (0.5% of them): an index either way (the gram index, or the latest index walked to
            // the page's last match, whichever the planner costs lower), never a scan of the table
            for (String q : List.of("离婚", "劳动合同")) {
                for (VideoFeed.Phase phase : VideoFeed.Phase.values()) {
                    String plan = explain(feed.statement(new VideoFeed.FeedQuery(null, null, q, VideoFeed.Sort.LATEST, null, 20), phase, 21));
                    assertTrue((plan.contains("Bitmap Index Scan on edu_episode_grams_idx")
                            || plan.contains("Index Scan using edu_episode_latest_idx")) && !plan.contains("Seq Scan on edu_episode"),
                            q + " " + phase + ":\n" + plan);
                }
            }
            // a common one (工伤 in about a tenth of them) walks the latest index and stops at the page: no sort
            String common = explain(feed.statement(new VideoFeed.FeedQuery(null, null, "工伤", VideoFeed.Sort.LATEST, null, 20),
                    VideoFeed.Phase.TITLE, 21));
            assertTrue(common.contains("Index Scan using edu_episode_latest_idx") && !common.contains("Sort Key"), common);
            // popular: the narrow counter row's index in order, the episode by primary key, also after a cursor
            for (String cursor : new String[]{null, org.publiclegal.shared.persistence.Cursor.encode(0L, java.util.UUID.randomUUID())}) {
                String popular = explain(feed.statement(new VideoFeed.FeedQuery(null, null, null, VideoFeed.Sort.POPULAR, cursor, 20)));
                assertTrue(popular.contains("Index Only Scan using edu_episode_stats_popular_idx")
                        && popular.contains("Index Scan using edu_episode_pkey") && !popular.contains("Sort Key"), popular);
            }
            given().queryParam("column", column).queryParam("q", "劳动合同").queryParam("limit", 3).get("/api/videos")
                    .then().statusCode(200).body("items.title", contains("签订劳动合同要注意什么", "签订劳动合同要注意什么",
                            "签订劳动合同要注意什么"));
            long found = pool.preparedQuery("select count(*) from edu_episode where column_id = $1::uuid and search_grams @> $2::text[]")
                    .execute(Tuple.of(column, new String[]{"离婚"})).await().atMost(Duration.ofSeconds(30))
                    .iterator().next().getLong(0);
            assertEquals(EPISODES / TEMPLATES, found);
        } finally {
            pool.preparedQuery("delete from edu_episode_stats where episode_id in (select id from edu_episode where column_id = $1::uuid)")
                    .execute(Tuple.of(column)).await().atMost(Duration.ofMinutes(1));
            pool.preparedQuery("delete from edu_episode where column_id = $1::uuid").execute(Tuple.of(column))
                    .await().atMost(Duration.ofMinutes(1));
        }
    }

    /** 100,000 published episodes in one column: 200 texts, one INSERT … SELECT generate_series. */
    private void seed(String column, String region) {
        Random random = new Random(10);
        List<String> titles = new ArrayList<>();
        List<String> transcripts = new ArrayList<>();
        for (int t = 0; t < TEMPLATES; t++) {
            String title = switch (t) {
                case 0 -> "签订劳动合同要注意什么";
                case 1 -> "离婚时彩礼要不要退";
                default -> FILLER[random.nextInt(FILLER.length)] + "怎么办" + t;
            };
            titles.add(title);
            transcripts.add(FILLER[random.nextInt(FILLER.length)] + "的规定，" + FILLER[random.nextInt(FILLER.length)] + "要留证据");
        }
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int t = 0; t < TEMPLATES; t++) {
            String text = titles.get(t) + "\n" + transcripts.get(t);
            values.append(t == 0 ? "" : ",").append("(").append(t).append(", $").append(params.size() + 1)
                    .append(", $").append(params.size() + 2).append(", $").append(params.size() + 3)
                    .append(", $").append(params.size() + 4).append("::text[])");
            params.add(titles.get(t));
            params.add(SearchGrams.normalize(titles.get(t)));
            params.add(SearchGrams.normalize(text));
            params.add(SearchGrams.grams(text).toArray(String[]::new));
        }
        String sql = """
                insert into edu_episode (id, column_id, episode_no, status, title, summary, topics, law_refs,
                    duration_seconds, video_path, presenter_name, presenter_title, region_code, search_title,
                    search_text, search_grams, author_id, created_at, updated_at, published_at, version)
                select gen_random_uuid(), $%d::uuid, g, 'PUBLISHED', t.title, '基准数据', '{OTHER}', '{}', 60,
                       '/bench/' || g || '.mp4', '测试律师', '执业律师', $%d, t.search_title, t.search_text, t.grams,
                       gen_random_uuid(), now(), now(), now() - g * interval '1 second', 0
                from generate_series(1, %d) g
                join (values %s) as t(n, title, search_title, search_text, grams) on t.n = g %% %d
                """.formatted(params.size() + 1, params.size() + 2, EPISODES, values, TEMPLATES);
        params.add(column);
        params.add(region);
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofMinutes(3));
        pool.query("analyze edu_episode").execute().await().atMost(Duration.ofMinutes(1));
        pool.query("analyze edu_episode_stats").execute().await().atMost(Duration.ofMinutes(1));
    }

    private String explain(VideoFeed.Statement st) {
        Uni<List<String>> plan = pool.preparedQuery("explain " + st.sql()).execute(st.params()).map(rows -> {
            List<String> lines = new ArrayList<>();
            for (Row r : rows) {
                lines.add(r.getString(0));
            }
            return lines;
        });
        return String.join("\n", plan.await().atMost(Duration.ofSeconds(30)));
    }


}
