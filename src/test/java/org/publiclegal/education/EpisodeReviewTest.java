package org.publiclegal.education;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.publiclegal.education.EducationFixtures.act;
import static org.publiclegal.education.EducationFixtures.draft;
import static org.publiclegal.education.EducationFixtures.episode;

/** Four-eyes publishing through the API: drafts, review, refusal with reason, numbering, withdrawal. */
@QuarkusTest
class EpisodeReviewTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Account secondAdmin(Fixtures.County c) {
        Account a = Account.staff("局二号", Set.of(Roles.BUREAU_ADMIN), c.bureau().id, c.county(), TestClock.now());
        Fixtures.run(s -> s.persist(a));
        return a;
    }

    @Test
    void aReviewerCannotApproveTheirOwnEpisodeAndAColleagueCanWhichNumbersItAndCountsIt() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        String id = draft(c.bureauAdmin(), column, episode("签订劳动合同要注意什么", List.of("LABOUR_WAGES"), "字幕"))
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("episodeNo", nullValue())
                .body("allowed", contains("edit", "submit")).extract().path("id");
        act(c.bureauAdmin(), id, "submit").then().statusCode(200).body("status", equalTo("IN_REVIEW"));

        act(c.bureauAdmin(), id, "approve").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
        assertEquals(0L, published(id), "nothing counted for a refused own approval");

        act(secondAdmin(c), id, "approve").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("episodeNo", equalTo(1));
        assertEquals(1L, published(id));
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        String next = EducationFixtures.published(c, lawyer, column, "第二期");
        given().auth().oauth2(Fixtures.token(lawyer)).get("/api/education/episodes/" + next).then().statusCode(200)
                .body("episodeNo", equalTo(2)).body("steps.action", contains("create", "submit", "approve"));
    }

    @Test
    void aRefusalNeedsAReasonAndSendsTheEpisodeBackToItsAuthor() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        String id = draft(lawyer, column, episode("离婚时彩礼要不要退", List.of("MARRIAGE_FAMILY"), "字幕"))
                .then().statusCode(201).extract().path("id");
        act(lawyer, id, "submit").then().statusCode(200);
        act(c.bureauAdmin(), id, "refusal", " ").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("reason"));
        act(c.bureauAdmin(), id, "refusal", "请补充《民法典》条文").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("refusalReason", equalTo("请补充《民法典》条文"));
        given().auth().oauth2(Fixtures.token(lawyer)).get("/api/education/episodes/" + id).then().statusCode(200)
                .body("steps.action", contains("create", "submit", "refuse"))
                .body("steps[2].note", equalTo("请补充《民法典》条文"));
        given().auth().oauth2(Fixtures.token(lawyer)).contentType(ContentType.JSON)
                .body(episode("离婚时彩礼要不要退（修订）", List.of("MARRIAGE_FAMILY", "CIVIL_CODE"), "字幕"))
                .put("/api/education/episodes/" + id).then().statusCode(200).body("title", equalTo("离婚时彩礼要不要退（修订）"));
        given().auth().oauth2(Fixtures.token(lawyer)).queryParam("status", "DRAFT").queryParam("column", column)
                .get("/api/education/episodes").then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void anIllegalStepIsA409NamingTheAllowedOnes() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        String id = draft(c.bureauAdmin(), column, episode("题", List.of("OTHER"), null)).then().statusCode(201)
                .extract().path("id");
        act(c.bureauAdmin(), id, "withdrawal", "下架").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION")).body("allowed", contains("edit", "submit"));
    }

    @Test
    void rolesAndScopeDecideWhoWritesReviewsAndSees() {
        Fixtures.County c = Fixtures.county();
        Fixtures.County other = Fixtures.county();
        String column = EducationFixtures.column(c);
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        Account otherLawyer = Fixtures.lawyer(other.lawFirm());
        draft(otherLawyer, column, episode("题", List.of("OTHER"), null)).then().statusCode(403);
        draft(Fixtures.resident(), column, episode("题", List.of("OTHER"), null)).then().statusCode(403);
        String id = draft(lawyer, column, episode("题", List.of("OTHER"), null)).then().statusCode(201).extract().path("id");
        act(lawyer, id, "submit").then().statusCode(200);
        act(lawyer, id, "approve").then().statusCode(403);
        act(other.bureauAdmin(), id, "approve").then().statusCode(404);
        act(c.officeStaffA(), id, "approve").then().statusCode(404);
        given().auth().oauth2(Fixtures.token(otherLawyer)).get("/api/education/episodes/" + id).then().statusCode(404);
        draft(lawyer, column, Map.of("title", "缺字段")).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Map<String, Object> fullUrl = episode("题", List.of("OTHER"), null);
        fullUrl.put("videoPath", "https://video.example.cn/pufa/1.mp4");
        draft(lawyer, column, fullUrl).then().statusCode(400).body("errors.field", hasItem("videoPath"));
    }

    @Test
    void concurrentApprovalsInOneColumnGetConsecutiveNumbers() throws Exception {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = draft(lawyer, column, episode("并发" + i, List.of("OTHER"), null)).then().statusCode(201)
                    .extract().path("id");
            act(lawyer, id, "submit").then().statusCode(200);
            ids.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (String id : ids) {
                Callable<Integer> approve = () -> act(c.bureauAdmin(), id, "approve").then().statusCode(200)
                        .extract().path("episodeNo");
                numbers.add(pool.submit(approve));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : numbers) {
                got.add(f.get());
            }
            assertEquals(List.of(1, 2, 3, 4, 5, 6), got.stream().sorted().toList());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aWithdrawnEpisodeLeavesTheFeedButKeepsItsPublicationCounted() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        String id = EducationFixtures.published(c, Fixtures.lawyer(c.lawFirm()), column, "过时的一期");
        given().queryParam("column", column).get("/api/videos").then().statusCode(200).body("items.id", contains(id));
        act(c.bureauAdmin(), id, "withdrawal", "法律已修订").then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("episodeNo", equalTo(1));
        given().queryParam("column", column).get("/api/videos").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().get("/api/videos/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(1L, published(id), "the ledger keeps the publication: no negative twin");
    }

    private static long published(String id) {
        return Fixtures.column("select coalesce(sum(quantity), 0) from ledger_event where kind = ?1 and source_id = cast(?2 as uuid)",
                Long.class, EducationEvents.EPISODE_PUBLISHED, id).get(0);
    }
}
