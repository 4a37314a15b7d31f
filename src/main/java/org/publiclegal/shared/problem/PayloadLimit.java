package org.publiclegal.shared.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body exceeds {@code quarkus.http.limits.max-body-size} with a 413
 * problem before any of the body is read (the HTTP layer's own 413 has no problem body). Checked by
 * {@link HttpEdge} as the first thing after the request id.
 */
@ApplicationScoped
public class PayloadLimit {

    private final long maxBytes;

    public PayloadLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    /** The detail of the refusal when the declared body is too large, else {@code null}. */
    String refusal(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            ctx.response().putHeader("Connection", "close");
            return "请求内容超过 " + (maxBytes / (1024 * 1024)) + " MB 的上限，请压缩图片或分次上传";
        }
        return null;
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
