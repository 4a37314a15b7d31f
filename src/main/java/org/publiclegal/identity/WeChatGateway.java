package org.publiclegal.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Exchanges a {@code wx.login} code for the user's openid (and unionid when the app is bound to an open
 * platform account). WeChat's failures become problems the mini-program can act on: a bad or used code is
 * 401 (log in again), WeChat's rate limit 429, WeChat busy, unreachable or too slow 503.
 * <p>
 * In {@code fake} mode (demo only; refused in prod) no call is made: the code itself names the user,
 * whose openid is {@code fake-<code>}.
 */
@ApplicationScoped
public class WeChatGateway {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");
    private static final Duration TIMEOUT = Duration.ofSeconds(6);

    private final WeChatApi api;
    private final AppConfig config;
    private final ObjectMapper mapper;

    public WeChatGateway(@RestClient WeChatApi api, AppConfig config, ObjectMapper mapper) {
        this.api = api;
        this.config = config;
        this.mapper = mapper;
    }

    /** The WeChat identity behind a login code. */
    public record WeChatIdentity(String openid, String unionid) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Code2SessionResponse(String openid, String unionid, @JsonProperty("session_key") String sessionKey,
                                Integer errcode, String errmsg) {
    }

    public Uni<WeChatIdentity> exchange(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw DomainException.invalidField("code", "微信登录 code 格式不正确");
        }
        if (config.wechat().mode() == AppConfig.Wechat.Mode.FAKE) {
            return Uni.createFrom().item(new WeChatIdentity("fake-" + code, null));
        }
        String appId = config.wechat().appId().orElseThrow(() -> unavailable("未配置小程序 appid"));
        String secret = config.wechat().secret().orElseThrow(() -> unavailable("未配置小程序 secret"));
        return api.jscode2session(appId, secret, code, "authorization_code")
                .ifNoItem().after(TIMEOUT).fail()
                .onFailure(e -> !(e instanceof DomainException)).transform(e -> {
                    Log.warnf("WeChat jscode2session failed: %s", e.getClass().getSimpleName());
                    return new DomainException(ErrorCode.UPSTREAM_UNAVAILABLE, "微信登录服务暂时不可用，请稍后重试");
                })
                .map(this::parse);
    }

    private WeChatIdentity parse(String body) {
        Code2SessionResponse r;
        try {
            r = mapper.readValue(body, Code2SessionResponse.class);
        } catch (JsonProcessingException e) {
            Log.warn("WeChat jscode2session answered something that is not JSON");
            throw new DomainException(ErrorCode.UPSTREAM_UNAVAILABLE, "微信登录服务返回异常，请稍后重试");
        }
        int err = r.errcode() == null ? 0 : r.errcode();
        switch (err) {
            case 0 -> {
                if (r.openid() == null || r.openid().isBlank()) {
                    throw new DomainException(ErrorCode.UPSTREAM_UNAVAILABLE, "微信登录服务返回异常，请稍后重试");
                }
                return new WeChatIdentity(r.openid(), r.unionid());
            }
            case 40029, 40163 -> throw new DomainException(ErrorCode.WECHAT_CODE_INVALID,
                    "微信登录凭证无效或已使用，请重新进入小程序登录");
            case 40226 -> throw new DomainException(ErrorCode.FORBIDDEN, "该微信账号被微信判定为高风险，暂不能登录");
            case 45011 -> throw new DomainException(ErrorCode.RATE_LIMITED, "登录过于频繁，请一分钟后再试");
            default -> {
                Log.warnf("WeChat jscode2session error %d", err);
                throw new DomainException(ErrorCode.UPSTREAM_UNAVAILABLE, "微信登录服务暂时不可用，请稍后重试");
            }
        }
    }

    private static DomainException unavailable(String why) {
        Log.error("WeChat login is misconfigured: " + why);
        return new DomainException(ErrorCode.UPSTREAM_UNAVAILABLE, "微信登录暂不可用（服务配置不完整）");
    }
}
