package org.publiclegal.reporting.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.reporting.LedgerRollups;
import org.publiclegal.shared.security.Roles;

/**
 * Operating the roll-ups: their state, an immediate catch-up, the rebuild command (recomputes every row from
 * the ledger) and a consistency check. The scheduled job keeps them current on its own.
 */
@Cancellable(false)
@Path("/api/admin/ledger/rollups")
@Tag(name = "Reporting", description = "年度报告、指标与驾驶舱")
@RolesAllowed(Roles.SYSTEM_ADMIN)
public class RollupResource {

    private final LedgerRollups rollups;

    public RollupResource(LedgerRollups rollups) {
        this.rollups = rollups;
    }

    public record Outcome(long events) {
    }

    public record Check(long mismatchedRows, boolean consistent) {
    }

    @GET
    @Operation(summary = "汇总表状态：已汇总事件数、最近重建时间、待汇总事件数（查询时已计入）")
    public Uni<LedgerRollups.Status> status() {
        return rollups.status();
    }

    @POST
    @Path("/catch-up")
    @Operation(summary = "立即把新台账事件计入汇总表（定时任务也会每隔几秒执行）；返回本次计入的事件数")
    public Uni<Outcome> catchUp() {
        return rollups.catchUp().map(Outcome::new);
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "重建：由全部台账事件重新计算汇总表（一个事务内完成，查询不受影响）；返回计入的事件数")
    public Uni<Outcome> rebuild() {
        return rollups.rebuild().map(Outcome::new);
    }

    @GET
    @Path("/verify")
    @Operation(summary = "核对：汇总表与台账逐行重新汇总的结果比较，返回不一致的行数（应为 0）")
    public Uni<Check> verify() {
        return rollups.verify().map(n -> new Check(n, n == 0));
    }
}
