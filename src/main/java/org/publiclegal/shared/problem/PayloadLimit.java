package org.publiclegal.shared.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body exceeds {@code quarkus.http.limits.max-body-size} with a 413
 * problem before any of the body is read (the HTTP layer's own 413 has no problem body).
 */
@ApplicationScoped
public class PayloadLimit {

    private final long maxBytes;
    private final ObjectMapper mapper;

    public PayloadLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max, ObjectMapper mapper) {
        this.maxBytes = max.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && isOver(length)) {
                ErrorCode code = ErrorCode.PAYLOAD_TOO_LARGE;
                Problem p = new Problem(code.type(), code.title(), code.status(),
                        "请求内容超过 " + (maxBytes / (1024 * 1024)) + " MB 的上限，请压缩图片或分次上传",
                        ctx.request().path(), code.name(), null, null, null);
                try {
                    ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close").end(mapper.writeValueAsString(p));
                } catch (JsonProcessingException e) {
                    ctx.fail(413);
                }
            } else {
                ctx.next();
            }
        });
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
