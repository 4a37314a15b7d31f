package org.publiclegal.shared.ledger;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.DomainException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * 补录原因: why a record is dated inside a closed period, sent by the client in the {@value #HEADER} request header
 * (UTF-8, percent-encoded: {@code Adjustment-Reason: %E8%A1%A5%E5%BD%95...}). Any create that writes a ledger event
 * may carry it; it is needed only when the event's date lies in a closed period.
 */
@ApplicationScoped
public class AdjustmentReason {

    public static final String HEADER = "Adjustment-Reason";
    static final int MAX_LENGTH = 500;
    private static final String LOCAL_KEY = "ledger.adjustment-reason";

    private final CurrentVertxRequest request;

    public AdjustmentReason(CurrentVertxRequest request) {
        this.request = request;
    }

    /**
     * The reason of the current work: the one set by {@link #during} (a background job such as an import), else the
     * current request's header, else null (none given, or no HTTP request: a scheduler, the demo seeding).
     */
    public String current() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        String set = context != null && VertxContext.isDuplicatedContext(context)
                ? ContextLocals.<String>get(LOCAL_KEY).orElse(null) : null;
        if (set != null) {
            return set;
        }
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext ctx = request.getCurrent();
        return ctx == null ? null : parse(ctx.request().getHeader(HEADER));
    }

    /**
     * Runs {@code work} with {@code reason} as the reason of every ledger event it dates inside a closed period
     * (work without an HTTP request, e.g. 历史台账导入). Call it on the duplicated Vert.x context the work runs on.
     */
    public static <T> Uni<T> during(String reason, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            ContextLocals.put(LOCAL_KEY, reason);
            return work.get().eventually(() -> ContextLocals.remove(LOCAL_KEY));
        });
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
