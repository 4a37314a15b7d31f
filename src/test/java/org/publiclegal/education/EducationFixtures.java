package org.publiclegal.education;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Columns and episodes made through the API, for the 普法 video tests. */
public final class EducationFixtures {

    private EducationFixtures() {
    }

    /** A column of the county's 司法局, opened by its administrator. */
    public static String column(Fixtures.County c) {
        return given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("name", "律师普法" + UUID.randomUUID().toString().substring(0, 6), "description", "测试栏目"))
                .post("/api/education/columns").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> episode(String title, List<String> topics, String transcript) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("summary", "律师讲解：" + title);
        body.put("topics", topics);
        body.put("lawRefs", List.of("宪法第三十三条"));
        body.put("durationSeconds", 180);
        body.put("coverUrl", "https://video.example.cn/covers/1.jpg");
        body.put("videoPath", "/pufa/test/" + UUID.randomUUID() + ".mp4");
        body.put("presenterName", "杨律师");
        body.put("presenterTitle", "执业律师");
        body.put("presenterOrganisation", "测试律师事务所");
        body.put("transcript", transcript);
        return body;
    }

    public static Response draft(Account author, String column, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.token(author)).contentType(ContentType.JSON).body(body)
                .post("/api/education/columns/" + column + "/episodes");
    }

    public static Response act(Account who, String episode, String action) {
        return given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON)
                .post("/api/education/episodes/" + episode + "/" + action);
    }

    public static Response act(Account who, String episode, String action, String reason) {
        return given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/education/episodes/" + episode + "/" + action);
    }

    /** A draft written by {@code author}, submitted, and approved by the county's administrator. */
    public static String published(Fixtures.County c, Account author, String column, String title, List<String> topics,
                            String transcript) {
        String id = draft(author, column, episode(title, topics, transcript)).then().statusCode(201).extract().path("id");
        act(author, id, "submit").then().statusCode(200);
        act(c.bureauAdmin(), id, "approve").then().statusCode(200);
        return id;
    }

    public static String published(Fixtures.County c, Account author, String column, String title) {
        return published(c, author, column, title, List.of("LABOUR_WAGES"), "字幕文稿");
    }
}
