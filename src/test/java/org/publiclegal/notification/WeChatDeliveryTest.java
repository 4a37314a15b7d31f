package org.publiclegal.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.WeChatStub;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 订阅消息 through the real client against the local WeChat stub: sent, refused, token expired, dead letter, retry. */
@QuarkusTest
class WeChatDeliveryTest {

    @Inject
    Notifier notifier;

    @Test
    void eachWeChatAnswerEndsTheMessageTheRightWay() throws Throwable {
        WireMockServer wx = WeChatStub.server();
        wx.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("{\"access_token\":\"TOKEN-1\",\"expires_in\":7200}")));
        Account ok = queued("ok");
        Account refused = queued("refused");
        Account limited = queued("limited");
        Account expired = queued("expired");
        stubSend(ok, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        stubSend(refused, "{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}");
        stubSend(limited, "{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}");
        // the token expires once: WeChat says 42001, the next attempt (fresh token) goes through
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).withRequestBody(containing(expired.wechatOpenid))
                .inScenario("expiry-" + expired.id).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"))
                .willSetStateTo("fresh"));
        wx.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).withRequestBody(containing(expired.wechatOpenid))
                .inScenario("expiry-" + expired.id).whenScenarioStateIs("fresh")
                .willReturn(aResponse().withBody("{\"errcode\":0}")));
        long refreshesBefore = refreshes();

        String admin = Fixtures.systemAdminToken(Fixtures.county());
        for (int i = 0; i < 8 && !settled(ok, refused, limited, expired); i++) {
            given().auth().oauth2(admin).post("/api/admin/notifications/delivery").then().statusCode(200);
        }

        assertEquals("SENT", status(ok));
        assertEquals("REFUSED", status(refused));
        assertEquals("SENT", status(expired));
        assertEquals("DEAD", status(limited));
        assertEquals(3, attempts(limited));
        assertTrue(refreshes() >= refreshesBefore + 1, "the expired token was replaced");
        wx.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withQueryParam("access_token", com.github.tomakehurst.wiremock.client.WireMock.equalTo("TOKEN-1"))
                .withRequestBody(containing("tpl-aid-progress")).withRequestBody(containing(ok.wechatOpenid)));

        // the administrator sees the dead letter and sends it again
        long dead = outboxId(limited);
        given().auth().oauth2(admin).get("/api/admin/notifications/dead-letters").then().statusCode(200)
                .body("items.find { it.id == " + dead + " }.lastError", containsString("45009"));
        given().auth().oauth2(admin).post("/api/admin/notifications/dead-letters/" + dead + "/retry").then()
                .statusCode(200).body("status", equalTo("PENDING")).body("attempts", equalTo(0));
        given().auth().oauth2(admin).post("/api/admin/notifications/dead-letters/" + dead + "/retry").then()
                .statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.token(limited)).get("/api/admin/notifications/dead-letters").then().statusCode(403);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("notify_wechat_delivery_total{outcome=\"sent\"}"))
                .body(containsString("notify_wechat_delivery_total{outcome=\"dead\"}"))
                .body(containsString("notify_wechat_delivery_total{outcome=\"refused\"}"));
    }

    /** A resident with one grant and one notice whose 订阅消息 waits in the outbox. */
    private Account queued(String label) throws Throwable {
        Account a = Fixtures.resident();
        NotificationFlowTest.grant(a, "AID_PROGRESS");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifier.send(a.id,
                new Notifier.Message(NoticeKind.AID_PROGRESS, UUID.randomUUID(), "申请已受理审查", "测试 " + label, "/x"))));
        return a;
    }

    private static void stubSend(Account a, String body) {
        WeChatStub.server().stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(containing(a.wechatOpenid)).willReturn(aResponse().withBody(body)));
    }

    private static boolean settled(Account... accounts) {
        for (Account a : accounts) {
            String s = status(a);
            if ("PENDING".equals(s)) {
                return false;
            }
        }
        return true;
    }

    private static String status(Account a) {
        return Fixtures.column("select o.status from ntf_outbox o join ntf_notice n on n.id = o.notice_id "
                + "where n.recipient_id = ?1", String.class, a.id).get(0);
    }

    private static int attempts(Account a) {
        return Fixtures.column("select o.attempts from ntf_outbox o join ntf_notice n on n.id = o.notice_id "
                + "where n.recipient_id = ?1", Integer.class, a.id).get(0);
    }

    private static long outboxId(Account a) {
        return Fixtures.column("select o.id from ntf_outbox o join ntf_notice n on n.id = o.notice_id "
                + "where n.recipient_id = ?1", Long.class, a.id).get(0);
    }

    private static long refreshes() {
        return Fixtures.column("select refreshes from ntf_wechat_token where id = 1", Long.class).get(0);
    }
}
