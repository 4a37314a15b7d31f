package org.publiclegal.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.publiclegal.shared.config.AppConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends 订阅消息 through WeChat. The access token lives in the database: a replica that finds it missing or
 * about to expire locks the row, checks again (another replica may just have refreshed it) and only then asks
 * WeChat, so the token is refreshed once however many replicas need it. A token WeChat rejects (40001, 42001)
 * is forgotten and the message retried. Every failure becomes an {@link WeChatErrors.Outcome}, never an exception.
 */
@ApplicationScoped
public class WeChatMessenger {

    private static final Duration TIMEOUT = Duration.ofSeconds(6);

    private final WeChatMessageApi api;
    private final WeChatTokenRepository tokens;
    private final AppConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public WeChatMessenger(@RestClient WeChatMessageApi api, WeChatTokenRepository tokens, AppConfig config,
                           ObjectMapper mapper, Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** One attempt's result: the outcome and WeChat's code (or a short reason) for the record. */
    public record Result(WeChatErrors.Outcome outcome, String detail) {
    }

    /** What to send: the resident's openid, the template and its fields. */
    public record Outgoing(String openid, String templateId, String page, String title, String body, Instant at) {
    }

    public Uni<Result> send(Outgoing m) {
        return token().chain(token -> api.send(token, payload(m)).ifNoItem().after(TIMEOUT).fail()
                        .map(this::errcode)
                        .chain(code -> {
                            WeChatErrors.Outcome outcome = WeChatErrors.classify(code);
                            Result r = new Result(outcome, code == 0 ? null : "errcode " + code);
                            return outcome == WeChatErrors.Outcome.TOKEN_INVALID
                                    ? Panache.withTransaction(() -> tokens.invalidate(token)).replaceWith(r)
                                    : Uni.createFrom().item(r);
                        }))
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("WeChat subscribeMessage.send failed: %s", e.getClass().getSimpleName());
                    return new Result(WeChatErrors.Outcome.TRANSIENT, cut(e.getClass().getSimpleName() + ": " + e.getMessage()));
                });
    }

    /** The current access token, refreshed (once across replicas) when missing or about to expire. */
    public Uni<String> token() {
        return Panache.withSession(() -> tokens.read()).chain(t -> t != null && t.usable(clock.instant())
                ? Uni.createFrom().item(t.accessToken)
                : Panache.withTransaction(() -> tokens.locked().chain(locked -> locked.usable(clock.instant())
                ? Uni.createFrom().item(locked.accessToken) : refresh(locked))));
    }

    private Uni<String> refresh(WeChatToken row) {
        String appId = config.wechat().appId().orElseThrow(() -> new IllegalStateException("app.wechat.app-id not set"));
        String secret = config.wechat().secret().orElseThrow(() -> new IllegalStateException("app.wechat.secret not set"));
        return api.token("client_credential", appId, secret).ifNoItem().after(TIMEOUT).fail().map(body -> {
            JsonNode json = parse(body);
            if (!json.hasNonNull("access_token")) {
                throw new IllegalStateException("WeChat token errcode " + json.path("errcode").asInt(-1));
            }
            Instant now = clock.instant();
            row.accessToken = json.get("access_token").asText();
            row.expiresAt = now.plusSeconds(json.path("expires_in").asLong(7200));
            row.refreshedAt = now;
            row.refreshes++;
            Log.infof("WeChat access token refreshed (refresh no. %d)", row.refreshes);
            return row.accessToken;
        });
    }

    /**
     * The message: {@code thing1} = title, {@code thing2} = text (WeChat's thing fields take 20 characters),
     * {@code time3} = when. Templates chosen for these kinds must have these three fields.
     */
    String payload(Outgoing m) {
        ObjectNode root = mapper.createObjectNode();
        root.put("touser", m.openid());
        root.put("template_id", m.templateId());
        root.put("page", m.page());
        root.put("miniprogram_state", config.notifications().miniprogramState());
        root.put("lang", "zh_CN");
        ObjectNode data = root.putObject("data");
        data.putObject("thing1").put("value", Notifier.cut(m.title(), 20));
        data.putObject("thing2").put("value", Notifier.cut(m.body(), 20));
        data.putObject("time3").put("value", MatterRules.time(m.at()));
        return root.toString();
    }

    private int errcode(String body) {
        return parse(body).path("errcode").asInt(0);
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("WeChat answered something that is not JSON");
        }
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
