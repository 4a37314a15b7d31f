package org.publiclegal.region.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.publiclegal.region.OrganisationRepository;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** 机构名录: a public directory of service points; creating one is for administrators within their scope. */
@Cancellable(false)
@Path("/api/organisations")
@Tag(name = "Organisations", description = "司法局、司法所、法律援助中心、调委会、律所、法院")
public class OrganisationResource {

    private final OrganisationRepository organisations;
    private final OrganisationService service;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public OrganisationResource(OrganisationRepository organisations, OrganisationService service,
                                Idempotency idempotency, CurrentUser user) {
        this.organisations = organisations;
        this.service = service;
        this.idempotency = idempotency;
        this.user = user;
    }

    @GET
    @PermitAll
    @Operation(summary = "某行政区划下辖范围内的机构，游标分页")
    public Uni<CursorPage<OrganisationView>> list(
            @QueryParam("region") @NotNull(message = "请指定 region（12 位行政区划代码）")
            @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String region,
            @QueryParam("type") OrganisationType type,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        List<String> after = Cursor.decode(cursor, 2);
        int size = CursorPage.limit(limit);
        UUID afterId = after.isEmpty() ? null : parseId(after.get(1));
        return organisations.inSubtree(region, type, after.isEmpty() ? null : after.get(0), afterId, size)
                .map(rows -> CursorPage.of(rows, size, o -> Cursor.encode(o.regionCode, o.id), OrganisationView::of));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "查询一个机构")
    public Uni<OrganisationView> get(@PathParam("id") UUID id) {
        return service.get(id).map(OrganisationView::of);
    }

    @POST
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "设立机构（系统管理员，或司法局在本县范围内）；可填成立日期 validFrom，自该日起在册；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已创建",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganisationView.class)))
    public Uni<Response> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull(message = "请求内容不能为空") CreateOrganisationRequest request) {
        return idempotency.create(user.id(), idempotencyKey, "organisation.create", request,
                () -> service.create(request.type(), request.committeeKind(), request.name(), request.regionCode(),
                                request.address(), request.phone(), request.validFrom(), user.scope(), user.actor())
                        .map(o -> new Idempotency.Created(URI.create("/api/organisations/" + o.id),
                                OrganisationView.of(o))));
    }

    @POST
    @Path("/{id}/deactivation")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "停用机构（自停用日期起不再计入名册）；已停用的返回 409")
    public Uni<OrganisationView> deactivate(@PathParam("id") UUID id,
                                            @Valid @NotNull(message = "请求内容不能为空") DeactivateOrganisationRequest request) {
        return service.deactivate(new OrganisationService.Deactivate(id, request.on(), request.reason()),
                user.scope(), user.actor()).map(OrganisationView::of);
    }

    @POST
    @Path("/{id}/reactivation")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "重新启用已停用的机构：自该日起重新计入名册（新的在册区间，原区间保留）；未停用的返回 409")
    public Uni<OrganisationView> reactivate(@PathParam("id") UUID id,
                                            @Valid @NotNull(message = "请求内容不能为空") RegisterChangeRequest request) {
        return service.reactivate(new OrganisationService.Reactivate(id, request.on(), request.reason()),
                user.scope(), user.actor()).map(OrganisationView::of);
    }

    /** 文书字号前缀: 1 to 10 Chinese characters. */
    public record DocumentPrefix(
            @jakarta.validation.constraints.NotBlank(message = "请填写字号前缀")
            @jakarta.validation.constraints.Pattern(regexp = "^[\\u4e00-\\u9fa5]{1,10}$",
                    message = org.publiclegal.shared.documents.DocumentNumbering.PREFIX_MESSAGE) String prefix) {
    }

    @jakarta.ws.rs.PUT
    @Path("/{id}/document-prefixes/{kind}")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "设置机构某类文书的字号前缀（如 鹤司调 → 鹤司调〔2026〕12号）；已编号的文书不变，新前缀的年度序号从 1 起")
    public Uni<OrganisationView> setDocumentPrefix(@PathParam("id") UUID id,
            @PathParam("kind") @jakarta.validation.constraints.Pattern(
                    regexp = "MEDIATION_AGREEMENT|AID_GRANT|AID_REFUSAL|AID_MATERIALS|AID_ASSIGNMENT",
                    message = "文书类型为 MEDIATION_AGREEMENT、AID_GRANT、AID_REFUSAL、AID_MATERIALS 或 AID_ASSIGNMENT") String kind,
            @Valid @NotNull(message = "请求内容不能为空") DocumentPrefix request) {
        return service.setDocumentPrefix(id, org.publiclegal.shared.documents.DocumentKind.valueOf(kind),
                request.prefix(), user.scope(), user.actor()).map(OrganisationView::of);
    }

    private static UUID parseId(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }
}
