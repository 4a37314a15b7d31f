package org.publiclegal.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.WeChatStub;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class WeChatSignInTest {

    private static String signIn(String code, int status) {
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/api/auth/wechat").then().statusCode(status).extract().asString();
    }

    @Test
    void aResidentOpeningTheMiniProgramOnTwoPhonesAtOnceIsSignedInOnBoth() throws Exception {
        String openid = "o-" + UUID.randomUUID();
        WeChatStub.openid("code-c-" + openid.hashCode(), openid, null);
        WeChatStub.openid("code-d-" + openid.hashCode(), openid, "union-2");
        signIn("code-c-" + openid.hashCode(), 200);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                codes.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body("{\"code\":\"code-d-" + openid.hashCode() + "\"}")
                            .post("/api/auth/wechat").statusCode();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> code : codes) {
                assertEquals(200, code.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("union-2", Fixtures.column("select wechat_unionid from account where wechat_openid = ?1",
                String.class, openid).get(0), "a unionid learnt later is stored");
    }

    @Test
    void firstSignInCreatesAResidentAndASecondFindsTheSameAccount() {
        String openid = "o-" + UUID.randomUUID();
        WeChatStub.openid("code-a-" + openid.hashCode(), openid, "union-1");
        WeChatStub.openid("code-b-" + openid.hashCode(), openid, null);

        String first = given().contentType(ContentType.JSON).body("{\"code\":\"code-a-" + openid.hashCode() + "\"}")
                .post("/api/auth/wechat").then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("kind", equalTo("RESIDENT"))
                .body("roles[0]", equalTo("RESIDENT"))
                .body("refreshToken", notNullValue())
                .extract().path("accountId");
        String access = given().contentType(ContentType.JSON).body("{\"code\":\"code-b-" + openid.hashCode() + "\"}")
                .post("/api/auth/wechat").then().statusCode(200)
                .body("accountId", equalTo(first))
                .extract().path("accessToken");

        given().auth().oauth2(access).get("/api/me").then().statusCode(200)
                .body("id", equalTo(first)).body("kind", equalTo("RESIDENT")).body("profileComplete", equalTo(false));
        assertEquals(1L, Fixtures.column("select count(*) from account where wechat_openid = ?1", Long.class, openid).get(0));
        assertEquals("union-1", Fixtures.column("select wechat_unionid from account where wechat_openid = ?1",
                String.class, openid).get(0), "the unionid of the first sign-in is kept");
    }

    @Test
    void invalidOrUsedCodeIs401ProblemAndCreatesNoAccount() {
        WeChatStub.error("bad-code-1", 40029);
        WeChatStub.error("used-code-1", 40163);
        given().contentType(ContentType.JSON).body("{\"code\":\"bad-code-1\"}").post("/api/auth/wechat")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("WECHAT_CODE_INVALID"))
                .body("type", equalTo("https://publiclegal.example.org/problems/wechat-code-invalid"));
        given().contentType(ContentType.JSON).body("{\"code\":\"used-code-1\"}").post("/api/auth/wechat")
                .then().statusCode(401).body("code", equalTo("WECHAT_CODE_INVALID"));
    }

    @Test
    void weChatRateLimitIs429AndBusyOrDownIs503() {
        WeChatStub.error("limited-code", 45011);
        WeChatStub.error("busy-code", -1);
        WeChatStub.httpStatus("down-code", 502);
        WeChatStub.answer("garbage-code", "<html>oops</html>");
        given().contentType(ContentType.JSON).body("{\"code\":\"limited-code\"}").post("/api/auth/wechat")
                .then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        for (String code : new String[]{"busy-code", "down-code", "garbage-code"}) {
            given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/api/auth/wechat")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("UPSTREAM_UNAVAILABLE"));
        }
    }

    @Test
    void weChatTimeoutIs503() {
        WeChatStub.slow("slow-code");
        given().contentType(ContentType.JSON).body("{\"code\":\"slow-code\"}").post("/api/auth/wechat")
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void malformedCodeIsRejectedBeforeCallingWeChat() {
        given().contentType(ContentType.JSON).body("{\"code\":\"\"}").post("/api/auth/wechat")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body("{\"code\":\"a b/../c\"}").post("/api/auth/wechat")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void differentWeChatUsersGetDifferentAccounts() {
        WeChatStub.openid("u1-code", "openid-u1-" + UUID.randomUUID(), null);
        WeChatStub.openid("u2-code", "openid-u2-" + UUID.randomUUID(), null);
        String a = given().contentType(ContentType.JSON).body("{\"code\":\"u1-code\"}").post("/api/auth/wechat")
                .then().statusCode(200).extract().path("accountId");
        String b = given().contentType(ContentType.JSON).body("{\"code\":\"u2-code\"}").post("/api/auth/wechat")
                .then().statusCode(200).extract().path("accountId");
        assertNotEquals(a, b);
    }
}
