package org.publiclegal.shared.audit;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes audit records in the caller's session, so they commit or roll back with the change they describe.
 * Call it inside the service method's transaction.
 */
@ApplicationScoped
@WithSession
public class AuditTrail implements PanacheRepository<AuditEntry> {

    private final Clock clock;

    public AuditTrail(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(Actor actor, String action, String objectType, Object objectId, String regionCode,
                            String detail) {
        AuditEntry e = new AuditEntry();
        e.occurredAt = Instant.now(clock);
        e.actorId = actor.accountId();
        e.actorRoles = actor.roles();
        e.action = action;
        e.objectType = objectType;
        e.objectId = String.valueOf(objectId);
        e.regionCode = regionCode;
        e.clientIp = actor.clientIp();
        e.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        return persist(e).replaceWithVoid();
    }

    /** Newest first, limited to the records of the caller's region scope. */
    public Uni<CursorPage<AuditView>> page(AccessScope scope, String objectType, String objectId, String cursor,
                                           int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        AccessScope.Filter filter = scope.filter(null, "regionCode");
        StringBuilder q = new StringBuilder("(").append(filter.predicate());
        if (scope.isSystemAdmin()) {
            q.append(" or regionCode is null");
        }
        q.append(")");
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (objectType != null) {
            q.append(" and objectType = :type");
            params.put("type", objectType);
        }
        if (objectId != null) {
            q.append(" and objectId = :oid");
            params.put("oid", objectId);
        }
        if (!after.isEmpty()) {
            try {
                params.put("after", Long.parseLong(after.get(0)));
            } catch (NumberFormatException e) {
                throw Cursor.invalid();
            }
            q.append(" and id < :after");
        }
        return find(q + " order by id desc", params).range(0, limit).list()
                .map(rows -> CursorPage.of(rows, limit, r -> Cursor.encode(r.id), AuditView::of));
    }

    /** An audit record as shown to administrators. */
    public record AuditView(long id, Instant occurredAt, String actorId, String actorRoles, String action,
                            String objectType, String objectId, String regionCode, String clientIp, String detail) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.occurredAt, e.actorId == null ? null : e.actorId.toString(), e.actorRoles,
                    e.action, e.objectType, e.objectId, e.regionCode, e.clientIp, e.detail);
        }
    }
}
