package org.publiclegal.shared.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HTTP edge, before any resource: gives every request its id ({@link RequestIds}), refuses an over-long
 * URL (414) or oversized headers (431), and makes the errors raised outside Quarkus REST (an unknown path of
 * no route, a failure of a plain Vert.x route) problem+json like every other error.
 */
@ApplicationScoped
public class HttpEdge {

    /** Statuses that can reach the failure handler without an exception, and their codes. */
    private static final Map<Integer, ErrorCode> CODES = Map.of(
            400, ErrorCode.VALIDATION_FAILED, 401, ErrorCode.UNAUTHENTICATED, 403, ErrorCode.FORBIDDEN,
            404, ErrorCode.NOT_FOUND, 405, ErrorCode.METHOD_NOT_ALLOWED, 406, ErrorCode.NOT_ACCEPTABLE,
            413, ErrorCode.PAYLOAD_TOO_LARGE, 414, ErrorCode.URI_TOO_LONG, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            431, ErrorCode.HEADERS_TOO_LARGE);

    private final ObjectMapper mapper;
    private final EdgeLimits limits;
    private final PayloadLimit payload;

    public HttpEdge(ObjectMapper mapper, EdgeLimits limits, PayloadLimit payload) {
        this.mapper = mapper;
        this.limits = limits;
        this.payload = payload;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::begin);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        // nothing else answered: an unknown path (Quarkus REST answers its own paths, this is the rest)
        router.route().order(Integer.MAX_VALUE).handler(ctx -> write(ctx, ErrorCode.NOT_FOUND, "请求的地址或资源不存在"));
    }

    void begin(RoutingContext ctx) {
        String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.put(RequestIds.MDC_KEY, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        String uri = ctx.request().uri();
        if (uri != null && uri.length() > limits.maxUrlLength()) {
            write(ctx, ErrorCode.URI_TOO_LONG, "请求地址过长（超过 " + limits.maxUrlLength() + " 个字符），请缩短查询条件");
            return;
        }
        if (headerBytes(ctx.request().headers()) > limits.maxHeaderBytes()) {
            write(ctx, ErrorCode.HEADERS_TOO_LARGE, "请求头过大（超过 " + limits.maxHeaderBytes() / 1024 + " KB）");
            return;
        }
        String tooLarge = payload.refusal(ctx);
        if (tooLarge != null) {
            write(ctx, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge);
            return;
        }
        ctx.next();
    }

    static int headerBytes(MultiMap headers) {
        int total = 0;
        for (Map.Entry<String, String> h : headers) {
            total += h.getKey().getBytes(StandardCharsets.UTF_8).length
                    + h.getValue().getBytes(StandardCharsets.UTF_8).length + 4;
        }
        return total;
    }

    void failure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        ErrorCode code = CODES.get(ctx.statusCode());
        if (code == null) {
            String id = RequestIds.accept((String) ctx.get(RequestIds.MDC_KEY));
            Log.errorf(ctx.failure(), "Unhandled failure on %s [requestId=%s]", ctx.request().path(), id);
            write(ctx, ErrorCode.INTERNAL_ERROR, "服务器处理请求时出错，请稍后重试；如持续出现请提供请求编号 " + id);
            return;
        }
        write(ctx, code, code == ErrorCode.NOT_FOUND ? "请求的地址或资源不存在" : code.title());
    }

    private void write(RoutingContext ctx, ErrorCode code, String detail) {
        String id = ctx.get(RequestIds.MDC_KEY);
        Problem p = new Problem(code.type(), code.title(), code.status(), detail, RequestIds.instance(id),
                code.name(), null, null, code == ErrorCode.INTERNAL_ERROR ? id : null);
        try {
            ctx.response().setStatusCode(code.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(code.status()).end();
        }
    }
}
