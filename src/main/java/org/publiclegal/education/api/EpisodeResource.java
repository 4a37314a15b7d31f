package org.publiclegal.education.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.publiclegal.education.CatalogueService;
import org.publiclegal.education.EpisodeStatus;
import org.publiclegal.education.ViewAggregation;
import org.publiclegal.education.api.EducationRequests.CreateColumn;
import org.publiclegal.education.api.EducationRequests.EpisodeRequest;
import org.publiclegal.education.api.EducationRequests.Reason;
import org.publiclegal.education.api.EducationViews.ColumnView;
import org.publiclegal.education.api.EducationViews.EpisodeSummary;
import org.publiclegal.education.api.EducationViews.EpisodeView;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.util.UUID;

/**
 * 普法视频 for staff: columns, drafts, four-eyes review (a reviewer never approves their own episode),
 * publication with its 期 number, withdrawal.
 */
@Cancellable(false)
@Path("/api/education")
@Tag(name = "Education", description = "普法短视频")
public class EpisodeResource {

    private final CatalogueService catalogue;
    private final ViewAggregation aggregation;
    private final Idempotency idempotency;
    private final CurrentUser user;

    /** What an aggregation run added. */
    public record AggregationRun(long events) {
    }

    public EpisodeResource(CatalogueService catalogue, ViewAggregation aggregation, Idempotency idempotency,
                           CurrentUser user) {
        this.catalogue = catalogue;
        this.aggregation = aggregation;
        this.idempotency = idempotency;
        this.user = user;
    }

    @POST
    @Path("/columns")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.JUDICIAL_OFFICE})
    @Operation(summary = "为本单位开设普法视频栏目（如《律师普法》）；本单位所在区域即审核区域；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已开设",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ColumnView.class)))
    public Uni<Response> createColumn(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                      @Valid @NotNull(message = "请求内容不能为空") CreateColumn request) {
        return idempotency.create(user.id(), idempotencyKey, "education.column.create", request,
                () -> catalogue.createColumn(new CatalogueService.NewColumn(request.name().strip(), request.description()),
                                user.scope())
                        .map(c -> new Idempotency.Created(URI.create("/api/videos/columns/" + c.id), ColumnView.of(c))));
    }

    @POST
    @Path("/columns/{columnId}/episodes")
    @RolesAllowed({Roles.LAWYER, Roles.AID_OFFICER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN})
    @Operation(summary = "撰写一期节目（草稿）：栏目所属单位工作人员或本辖区律师；视频只存 CDN 路径；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "草稿已保存",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EpisodeView.class)))
    public Uni<Response> draft(@PathParam("columnId") UUID columnId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @Valid @NotNull(message = "请求内容不能为空") EpisodeRequest request) {
        return idempotency.create(user.id(), idempotencyKey, "education.episode.draft", request,
                () -> catalogue.draft(columnId, request.content(), user.scope())
                        .map(f -> new Idempotency.Created(URI.create("/api/education/episodes/" + f.episode().id),
                                EpisodeView.of(f))));
    }

    @GET
    @Path("/episodes")
    @RolesAllowed({Roles.LAWYER, Roles.AID_OFFICER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "节目工作台：本人撰写、本单位栏目和辖区内的节目（可按状态、栏目筛选，最近修改在前），游标分页")
    public Uni<CursorPage<EpisodeSummary>> list(@QueryParam("status") String status, @QueryParam("column") UUID column,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return catalogue.list(user.scope(), status(status), column, cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(EpisodeSummary::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("/episodes/{id}")
    @RolesAllowed({Roles.LAWYER, Roles.AID_OFFICER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "一期节目（含状态、可执行操作和审核记录）")
    public Uni<EpisodeView> get(@PathParam("id") UUID id) {
        return catalogue.get(id, user.scope()).map(EpisodeView::of);
    }

    @PUT
    @Path("/episodes/{id}")
    @RolesAllowed({Roles.LAWYER, Roles.AID_OFFICER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN})
    @Operation(summary = "修改草稿（被退回的节目回到草稿）")
    public Uni<EpisodeView> edit(@PathParam("id") UUID id, @Valid @NotNull(message = "请求内容不能为空") EpisodeRequest request) {
        return catalogue.edit(id, request.content(), user.scope()).map(EpisodeView::of);
    }

    @POST
    @Path("/episodes/{id}/submit")
    @RolesAllowed({Roles.LAWYER, Roles.AID_OFFICER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN})
    @Operation(summary = "提交审核")
    public Uni<EpisodeView> submit(@PathParam("id") UUID id) {
        return catalogue.submit(id, user.scope()).map(EpisodeView::of);
    }

    @POST
    @Path("/episodes/{id}/approve")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN})
    @Operation(summary = "审核通过并发布：编入栏目下一期（计入“普法宣传短视频 期”）；撰稿人、提交人不能审核自己的节目（403）")
    public Uni<EpisodeView> approve(@PathParam("id") UUID id) {
        return catalogue.approve(id, user.scope()).map(EpisodeView::of);
    }

    @POST
    @Path("/episodes/{id}/refusal")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN})
    @Operation(summary = "退回修改（须写明理由，节目回到草稿）")
    public Uni<EpisodeView> refuse(@PathParam("id") UUID id, @Valid @NotNull(message = "请求内容不能为空") Reason request) {
        return catalogue.refuse(id, request.reason().strip(), user.scope()).map(EpisodeView::of);
    }

    @POST
    @Path("/episodes/{id}/withdrawal")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN})
    @Operation(summary = "下架（退出所有列表，已计入的期数和播放数据保留）")
    public Uni<EpisodeView> withdraw(@PathParam("id") UUID id, @Valid @NotNull(message = "请求内容不能为空") Reason request) {
        return catalogue.withdraw(id, request.reason().strip(), user.scope()).map(EpisodeView::of);
    }

    @POST
    @Path("/aggregation")
    @RolesAllowed(Roles.SYSTEM_ADMIN)
    @Operation(summary = "立即把新的播放、完播事件汇总到各节目的计数（定时任务也会执行；运维用）")
    public Uni<AggregationRun> aggregate() {
        return aggregation.run().map(AggregationRun::new);
    }

    private static EpisodeStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return EpisodeStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("status", "status 应为 DRAFT、IN_REVIEW、PUBLISHED 或 WITHDRAWN");
        }
    }
}
