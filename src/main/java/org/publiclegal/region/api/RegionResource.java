package org.publiclegal.region.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.RegionRepository;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes.Level;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.util.List;

/** 行政区划: public reference data (the mini-program's village picker needs it before sign-in). */
@Cancellable(false)
@Path("/api/regions")
@Tag(name = "Regions", description = "行政区划")
public class RegionResource {

    private static final String CODE = "\\d{12}";

    private final RegionRepository regions;
    private final OrganisationService service;
    private final CurrentUser user;

    public RegionResource(RegionRepository regions, OrganisationService service, CurrentUser user) {
        this.regions = regions;
        this.service = service;
        this.user = user;
    }

    @GET
    @PermitAll
    @Operation(summary = "按名称搜索在册的行政区划（可限定上级区划与级别；已撤销的不列出）")
    public Uni<List<RegionView>> search(
            @QueryParam("q") @NotNull(message = "请输入要搜索的名称") @Size(min = 1, max = 50, message = "搜索词 1 至 50 字") String q,
            @QueryParam("within") @Pattern(regexp = CODE, message = "行政区划代码应为 12 位数字") String within,
            @QueryParam("level") Level level,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return regions.search(q, within, level, CursorPage.limit(limit))
                .map(list -> list.stream().map(RegionView::of).toList());
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "查询一个行政区划")
    public Uni<RegionView> get(@PathParam("code") @Pattern(regexp = CODE, message = "行政区划代码应为 12 位数字") String code) {
        return regions.findById(code).onItem().ifNull().failWith(() -> new NotFound("行政区划", code))
                .map(RegionView::of);
    }

    @GET
    @Path("/{code}/children")
    @PermitAll
    @Operation(summary = "在册的下一级行政区划（已撤销的不列出，见 subtree）")
    public Uni<List<RegionView>> children(@PathParam("code") @Pattern(regexp = CODE, message = "行政区划代码应为 12 位数字") String code) {
        return regions.findById(code).onItem().ifNull().failWith(() -> new NotFound("行政区划", code))
                .chain(r -> regions.children(code))
                .map(list -> list.stream().map(RegionView::of).toList());
    }

    @GET
    @Path("/{code}/subtree")
    @PermitAll
    @Operation(summary = "整个下辖区划（可按级别筛选，含已撤销的，附在册日期），游标分页")
    public Uni<CursorPage<RegionView>> subtree(
            @PathParam("code") @Pattern(regexp = CODE, message = "行政区划代码应为 12 位数字") String code,
            @QueryParam("level") Level level,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        List<String> after = Cursor.decode(cursor, 1);
        int size = CursorPage.limit(limit);
        return regions.findById(code).onItem().ifNull().failWith(() -> new NotFound("行政区划", code))
                .chain(r -> regions.subtree(code, level, after.isEmpty() ? null : after.get(0), size))
                .map(rows -> CursorPage.of(rows, size, r -> Cursor.encode(r.code), RegionView::of));
    }

    @POST
    @RolesAllowed(Roles.SYSTEM_ADMIN)
    @ResponseStatus(201)
    @Operation(summary = "新增行政区划（系统管理员）")
    public Uni<RegionView> add(@Valid @NotNull(message = "请求内容不能为空") CreateRegionRequest request) {
        return service.addRegion(request.code(), request.name(), request.validFrom(), user.actor()).map(RegionView::of);
    }

    @POST
    @Path("/{code}/deactivation")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "撤销行政区划（如村合并；系统管理员，或司法局限本县的下级区划）：自该日起不再计入名册，此前各期不变；"
            + "已撤销或仍有在册下级区划的返回 409")
    public Uni<RegionView> deactivate(@PathParam("code") @Pattern(regexp = CODE, message = "行政区划代码应为 12 位数字") String code,
                                      @Valid @NotNull(message = "请求内容不能为空") RegisterChangeRequest request) {
        return service.deactivateRegion(new OrganisationService.RegionChange(code, request.on(), request.reason()),
                user.scope(), user.actor()).map(RegionView::of);
    }

    @POST
    @Path("/{code}/reactivation")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "恢复已撤销的行政区划：自该日起重新计入名册（新的在册区间，原区间保留）；未撤销的返回 409")
    public Uni<RegionView> reactivate(@PathParam("code") @Pattern(regexp = CODE, message = "行政区划代码应为 12 位数字") String code,
                                      @Valid @NotNull(message = "请求内容不能为空") RegisterChangeRequest request) {
        return service.reactivateRegion(new OrganisationService.RegionChange(code, request.on(), request.reason()),
                user.scope(), user.actor()).map(RegionView::of);
    }
}
