package org.publiclegal.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A local stand-in for WeChat's API server (WireMock on a free loopback port), so the real HTTP client is
 * exercised. Tests register the answer for each code they use.
 */
public class WeChatStub implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.wechat.url", server.baseUrl(),
                "quarkus.rest-client.wechat.read-timeout", "1500");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The running stub, for tests of other WeChat endpoints (e.g. 订阅消息). */
    public static WireMockServer server() {
        return server;
    }

    /** WeChat answers {@code body} (JSON, labelled text/plain as WeChat does) for {@code code}. */
    public static void answer(String code, String body) {
        server.stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", equalTo(code))
                .withQueryParam("appid", equalTo("wx-test-app"))
                .withQueryParam("grant_type", equalTo("authorization_code"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(body)));
    }

    public static void openid(String code, String openid, String unionid) {
        answer(code, "{\"openid\":\"" + openid + "\",\"session_key\":\"sk\""
                + (unionid == null ? "" : ",\"unionid\":\"" + unionid + "\"") + "}");
    }

    public static void error(String code, int errcode) {
        answer(code, "{\"errcode\":" + errcode + ",\"errmsg\":\"stub\"}");
    }

    /** WeChat takes longer than the client's read timeout. */
    public static void slow(String code) {
        server.stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", equalTo(code))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000).withBody("{\"openid\":\"late\"}")));
    }

    public static void httpStatus(String code, int status) {
        server.stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", equalTo(code))
                .willReturn(aResponse().withStatus(status).withBody("busy")));
    }
}
