package org.publiclegal.reporting.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.reporting.ReportingScope;
import org.publiclegal.reporting.reconcile.Reconciliation;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

/** 台账核对: the ledger against the case records, figure by figure and record by record. */
@Cancellable(false)
@Path("/api/admin/ledger/reconcile")
@Tag(name = "Reporting", description = "年度报告、指标与驾驶舱")
public class ReconcileResource {

    private final Reconciliation reconciliation;
    private final ReportingScope scope;
    private final CurrentUser user;

    public ReconcileResource(Reconciliation reconciliation, ReportingScope scope, CurrentUser user) {
        this.reconciliation = reconciliation;
        this.scope = scope;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "台账核对：由案件记录重新统计有来源表的各项指标，与台账逐条比较，列出每处差异（记录编号、两边的数量和台账事件编号）；司法局限本县")
    public Uni<Reconciliation.Result> reconcile(
            @QueryParam("region") @Pattern(regexp = MetricsResource.CODE, message = MetricsResource.CODE_MESSAGE) String region,
            @QueryParam("year") @NotNull(message = "请指定年份 year") @Min(value = 2000, message = "年份不早于 2000") @Max(value = 2100, message = "年份不晚于 2100") Integer year) {
        return scope.resolve(user.scope(), region).chain(r -> reconciliation.reconcile(r, year));
    }

    @GET
    @Path("/{key}/differences")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "台账核对：某项指标的全部差异记录，按记录编号游标分页（第一页即核对结果所列的前 100 项，其 nextCursor 接着翻页）")
    public Uni<CursorPage<Reconciliation.Difference>> differences(
            @PathParam("key") String key,
            @QueryParam("region") @Pattern(regexp = MetricsResource.CODE, message = MetricsResource.CODE_MESSAGE) String region,
            @QueryParam("year") @NotNull(message = "请指定年份 year") @Min(value = 2000, message = "年份不早于 2000") @Max(value = 2100, message = "年份不晚于 2100") Integer year,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return scope.resolve(user.scope(), region).chain(r -> reconciliation.differences(key, r.code(), year, cursor,
                CursorPage.limit(limit)));
    }
}
