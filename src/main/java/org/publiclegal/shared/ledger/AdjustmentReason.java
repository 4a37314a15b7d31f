package org.publiclegal.shared.ledger;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.DomainException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * 补录原因: why a record is dated inside a closed period, sent by the client in the {@value #HEADER} request header
 * (UTF-8, percent-encoded: {@code Adjustment-Reason: %E8%A1%A5%E5%BD%95...}). Any create that writes a ledger event
 * may carry it; it is needed only when the event's date lies in a closed period.
 */
@ApplicationScoped
public class AdjustmentReason {

    public static final String HEADER = "Adjustment-Reason";
    static final int MAX_LENGTH = 500;

    private final CurrentVertxRequest request;

    public AdjustmentReason(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The current request's reason, or null (none given, or no HTTP request: a scheduler, the demo seeding). */
    public String current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext ctx = request.getCurrent();
        return ctx == null ? null : parse(ctx.request().getHeader(HEADER));
    }

    /** The decoded, stripped reason; null when absent or blank; 400 when not decodable or too long. */
    static String parse(String raw) {
        if (raw == null) {
            return null;
        }
        String reason;
        try {
            reason = URLDecoder.decode(raw, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField(HEADER, "补录原因须为 UTF-8 百分号编码");
        }
        if (reason.isEmpty()) {
            return null;
        }
        if (reason.length() > MAX_LENGTH) {
            throw DomainException.invalidField(HEADER, "补录原因最多 " + MAX_LENGTH + " 字");
        }
        return reason;
    }
}
