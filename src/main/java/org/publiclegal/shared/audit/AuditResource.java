package org.publiclegal.shared.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.shared.audit.AuditTrail.AuditView;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

/** The audit log, for the 司法局 (its county) and the system administrator. */
@Cancellable(false)
@Path("/api/audit")
@Tag(name = "Audit", description = "审计日志")
public class AuditResource {

    private final AuditTrail audit;
    private final CurrentUser user;

    public AuditResource(AuditTrail audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "审计记录（新到旧），可按对象筛选，游标分页")
    public Uni<CursorPage<AuditView>> list(
            @QueryParam("objectType") @Size(max = 64, message = "objectType 过长") String objectType,
            @QueryParam("objectId") @Size(max = 64, message = "objectId 过长") String objectId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return audit.page(user.scope(), objectType, objectId, cursor, CursorPage.limit(limit));
    }
}
