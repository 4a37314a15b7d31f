package org.publiclegal.identity.api;

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
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.identity.StaffService;
import org.publiclegal.region.api.RegisterChangeRequest;
import org.publiclegal.identity.api.StaffViews.ChangeMobileRequest;
import org.publiclegal.identity.api.StaffViews.CreateStaffRequest;
import org.publiclegal.identity.api.StaffViews.DeactivateStaffRequest;
import org.publiclegal.identity.api.StaffViews.StaffContactView;
import org.publiclegal.identity.api.StaffViews.StaffView;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.util.UUID;

/** Staff accounts, managed by the 司法局 within its county (and the system administrator everywhere). */
@Cancellable(false)
@Path("/api/staff")
@Tag(name = "Staff", description = "工作人员账号")
public class StaffResource {

    private final StaffService staff;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public StaffResource(StaffService staff, Idempotency idempotency, CurrentUser user) {
        this.staff = staff;
        this.idempotency = idempotency;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.AID_OFFICER})
    @Operation(summary = "辖区内工作人员，可按机构、角色筛选，游标分页")
    public Uni<CursorPage<StaffView>> list(
            @QueryParam("organisation") UUID organisation,
            @QueryParam("role") @Pattern(regexp = "MEDIATOR|AID_OFFICER|LAWYER|JUDICIAL_OFFICE|BUREAU_ADMIN|SYSTEM_ADMIN",
                    message = "未知角色") String role,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return staff.list(user.scope(), organisation, role, cursor, CursorPage.limit(limit))
                .map(page -> new CursorPage<>(page.items().stream().map(StaffView::of).toList(), page.nextCursor()));
    }

    @POST
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "开设工作人员账号（本辖区机构），可附手机号（加密保存，列表中打码显示）；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已创建",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StaffView.class)))
    public Uni<Response> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull(message = "请求内容不能为空") CreateStaffRequest request) {
        // the request fingerprint leaves the password and the mobile out, so no unsalted hash of them is ever stored
        CreateStaffRequest fingerprint = new CreateStaffRequest(request.username(), null, request.displayName(),
                request.organisationId(), request.roles(), null);
        return idempotency.create(user.id(), idempotencyKey, "staff.create", fingerprint,
                () -> staff.create(request.username(), request.password(), request.displayName(),
                                request.organisationId(), request.roles(), request.mobile(), user.scope(), user.actor())
                        .map(m -> new Idempotency.Created(URI.create("/api/staff/" + m.account().id), StaffView.of(m))));
    }

    @POST
    @Path("/{id}/deactivation")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "停用工作人员账号（自停用日期起不再计入名册，不能再登录）；已停用的返回 409")
    public Uni<StaffView> deactivate(@PathParam("id") UUID id,
                                     @Valid @NotNull(message = "请求内容不能为空") DeactivateStaffRequest request) {
        return staff.deactivate(new StaffService.Deactivate(id, request.on(), request.reason()), user.scope(),
                user.actor()).map(StaffView::of);
    }

    @POST
    @Path("/{id}/reactivation")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "重新启用已停用的工作人员账号：可再登录，自该日起重新计入名册（新的在册区间，原区间保留）；未停用的返回 409")
    public Uni<StaffView> reactivate(@PathParam("id") UUID id,
                                     @Valid @NotNull(message = "请求内容不能为空") RegisterChangeRequest request) {
        return staff.reactivate(new StaffService.Reactivate(id, request.on(), request.reason()), user.scope(),
                user.actor()).map(StaffView::of);
    }

    @PUT
    @Path("/{id}/mobile")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "更改（或删除）工作人员的手机号：加密保存，列表中打码显示；记入审计日志（不含号码）")
    public Uni<StaffView> changeMobile(@PathParam("id") UUID id,
                                       @Valid @NotNull(message = "请求内容不能为空") ChangeMobileRequest request) {
        return staff.changeMobile(new StaffService.ChangeMobile(id, request.mobile()), user.scope(), user.actor())
                .map(StaffView::of);
    }

    @GET
    @Path("/{id}/personal-data")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "查看工作人员未打码的手机号：须说明事由，每次查看均记入审计日志")
    public Uni<StaffContactView> unmasked(@PathParam("id") UUID id,
                                          @QueryParam("reason") @NotBlank(message = "请说明查看事由")
                                          @Size(max = 200, message = "事由最多 200 字") String reason) {
        return staff.unmaskedContact(id, reason, user.scope(), user.actor()).map(StaffContactView::of);
    }

    @POST
    @Path("/{id}/unlock")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @ResponseStatus(204)
    @Operation(summary = "解除因密码错误导致的账号锁定")
    public Uni<Void> unlock(@PathParam("id") UUID id) {
        return staff.unlock(id, user.scope(), user.actor());
    }
}
