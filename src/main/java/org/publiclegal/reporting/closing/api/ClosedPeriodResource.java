package org.publiclegal.reporting.closing.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.reporting.Period;
import org.publiclegal.reporting.ReportingScope;
import org.publiclegal.reporting.closing.Adjustment;
import org.publiclegal.reporting.closing.ClosedFigures;
import org.publiclegal.reporting.closing.ClosedPeriod;
import org.publiclegal.reporting.closing.PeriodClosing;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.DateBounds;
import org.publiclegal.shared.validation.EnteredDate;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 关账: a county's finished year or month closed with a snapshot of its figures; reopened only by a system administrator. */
@Cancellable(false)
@Path("/api/reports/closed-periods")
@Tag(name = "Reporting", description = "年度报告、指标与驾驶舱")
public class ClosedPeriodResource {

    private final PeriodClosing closing;
    private final CurrentUser user;

    private final ClosedFigures figures;
    private final ReportingScope scope;

    public ClosedPeriodResource(PeriodClosing closing, ClosedFigures figures, ReportingScope scope, CurrentUser user) {
        this.closing = closing;
        this.figures = figures;
        this.scope = scope;
        this.user = user;
    }

    @GET
    @Path("/adjustments")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "关账期间的调整清单（更正、补录），按记录时间游标分页；第一页即报告、指标所列的前 100 项，"
            + "其 adjustmentsNextCursor 接着翻页；未关账的期间返回 404（司法所限本乡镇，司法局限本县）")
    public Uni<CursorPage<Adjustment>> adjustments(
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String region,
            @QueryParam("from") @NotNull(message = "请指定期间首日 from") @EnteredDate(DateBounds.Kind.PLANNED) LocalDate from,
            @QueryParam("to") @NotNull(message = "请指定期间末日 to") @EnteredDate(DateBounds.Kind.PLANNED) LocalDate to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        if (to.isBefore(from)) {
            throw DomainException.invalidField("to", "结束日期不能早于开始日期");
        }
        return scope.resolve(user.scope(), region).chain(r -> figures.adjustmentPage(r.code(), new Period(from, to),
                cursor, CursorPage.limit(limit)));
    }

    /** A year, or one month of it when {@code month} is given, of the county {@code region} (default: the caller's). */
    public record ClosePeriod(
            @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String region,
            @NotNull(message = "请填写年份") @Min(value = 2000, message = "年份不早于 2000") @Max(value = 2100, message = "年份不晚于 2100") Integer year,
            @Min(value = 1, message = "月份为 1 至 12") @Max(value = 12, message = "月份为 1 至 12") Integer month) {
    }

    public record Reopen(@NotBlank(message = "请填写重新开放的原因") @Size(max = 500, message = "原因最多 500 字") String reason) {
    }

    public record ClosedPeriodView(UUID id, String regionCode, LocalDate from, LocalDate to, ClosedPeriod.Status status,
                                   UUID closedBy, Instant closedAt, UUID reopenedBy, Instant reopenedAt,
                                   String reopenReason) {
        static ClosedPeriodView of(ClosedPeriod c) {
            return new ClosedPeriodView(c.id, c.regionCode, c.periodFrom, c.periodTo, c.status, c.closedBy,
                    c.closedAt, c.reopenedBy, c.reopenedAt, c.reopenReason);
        }
    }

    @POST
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(summary = "关账：司法局关闭本县已结束的年度（或某月），保存本县及各乡镇每项指标的快照；此后该期间的报告、指标和导出显示快照及调整清单")
    @APIResponse(responseCode = "201", description = "已关账",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClosedPeriodView.class)))
    public Uni<Response> close(@Valid @NotNull(message = "请求内容不能为空") ClosePeriod request) {
        String county = request.region() != null ? request.region() : user.scope().regionCode();
        return closing.close(new PeriodClosing.CloseCommand(county, request.year(), request.month()), user.scope(),
                        user.actor())
                .map(c -> Response.created(URI.create("/api/reports/closed-periods/" + c.id))
                        .entity(ClosedPeriodView.of(c)).build());
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed(Roles.SYSTEM_ADMIN)
    @Operation(summary = "重新开放已关账的期间（须说明原因，记入审计日志）；再次关账时生成新的快照，调整随之计入")
    public Uni<ClosedPeriodView> reopen(@PathParam("id") UUID id,
                                        @Valid @NotNull(message = "请求内容不能为空") Reopen request) {
        return closing.reopen(id, request.reason().strip(), user.scope(), user.actor()).map(ClosedPeriodView::of);
    }

    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "本县（系统管理员：全部）关账记录（含已重新开放的），按关账时间倒序，游标分页")
    public Uni<CursorPage<ClosedPeriodView>> list(
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return closing.list(user.scope(), cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(ClosedPeriodView::of).toList(), p.nextCursor()));
    }
}
