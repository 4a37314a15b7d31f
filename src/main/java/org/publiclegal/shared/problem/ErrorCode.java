package org.publiclegal.shared.problem;

/**
 * Stable machine codes of every problem the API returns. Mobile clients switch on {@link #name()};
 * the problem {@code type} URI is derived from it and never changes once published.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "请求参数不符合要求"),
    MALFORMED_JSON(400, "请求内容不是有效的 JSON"),
    INVALID_CURSOR(400, "分页游标无效"),
    INVALID_IDEMPOTENCY_KEY(400, "Idempotency-Key 格式无效"),
    BUSINESS_RULE(400, "请求不符合业务规则"),
    UNAUTHENTICATED(401, "未登录或登录已失效"),
    BAD_CREDENTIALS(401, "用户名或密码错误"),
    INVALID_REFRESH_TOKEN(401, "刷新令牌无效"),
    WECHAT_CODE_INVALID(401, "微信登录凭证无效或已过期"),
    FORBIDDEN(403, "无权执行此操作"),
    PASSWORD_CHANGE_REQUIRED(403, "须先修改初始密码"),
    ACCOUNT_LOCKED(423, "账号已临时锁定"),
    SIGN_IN_LINK_UNKNOWN(400, "登录链接无效"),
    SIGN_IN_LINK_USED(410, "登录链接已使用"),
    SIGN_IN_LINK_EXPIRED(410, "登录链接已过期"),
    NOT_FOUND(404, "资源不存在"),
    METHOD_NOT_ALLOWED(405, "不支持的请求方法"),
    NOT_ACCEPTABLE(406, "无法提供所要求的响应格式"),
    CONFLICT(409, "与当前状态冲突"),
    ILLEGAL_TRANSITION(409, "当前状态下不能执行此操作"),
    CONCURRENT_MODIFICATION(409, "记录已被他人修改，请刷新后重试"),
    IDEMPOTENCY_IN_PROGRESS(409, "相同请求正在处理中"),
    PERIOD_CLOSED(409, "所属期间已关账"),
    PAYLOAD_TOO_LARGE(413, "请求内容过大"),
    URI_TOO_LONG(414, "请求地址过长"),
    UNSUPPORTED_MEDIA_TYPE(415, "不支持的内容类型"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key 已用于另一个请求"),
    RATE_LIMITED(429, "请求过于频繁，请稍后再试"),
    HEADERS_TOO_LARGE(431, "请求头过大"),
    UPSTREAM_UNAVAILABLE(503, "外部服务暂时不可用，请稍后再试"),
    DATABASE_UNAVAILABLE(503, "服务暂时不可用，请稍后重试"),
    INTERNAL_ERROR(500, "服务器内部错误");

    public static final String TYPE_BASE = "https://publiclegal.example.org/problems/";

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return TYPE_BASE + name().toLowerCase().replace('_', '-');
    }
}
