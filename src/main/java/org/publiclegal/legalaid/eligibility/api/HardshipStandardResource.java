package org.publiclegal.legalaid.eligibility.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.legalaid.eligibility.EligibilityService;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.util.List;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/** 经济困难标准: published for everyone; versions are added by administrators. */
@Cancellable(false)
@Path("/api/aid/hardship-standards")
@Tag(name = "Legal aid", description = "法律援助")
public class HardshipStandardResource {

    private final EligibilityService service;
    private final CurrentUser user;

    public HardshipStandardResource(EligibilityService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @PermitAll
    @Operation(summary = "某地区适用的经济困难标准（含上级地区的标准及历年版本）")
    public Uni<List<HardshipStandardView>> list(
            @QueryParam("region") @NotNull(message = "请指定 region（12 位行政区划代码）")
            @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String region) {
        return service.list(region).map(rows -> rows.stream().map(HardshipStandardView::of).toList());
    }

    @POST
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.BUREAU_ADMIN})
    @ResponseStatus(201)
    @Operation(summary = "新增经济困难标准版本（系统管理员，或司法局在本辖区内）；有效期不能与同一地区已有版本重叠")
    public Uni<HardshipStandardView> add(@Valid @NotNull(message = "请求内容不能为空") CreateHardshipStandardRequest request) {
        return service.addStandard(request.toTerms(), user.scope(), user.actor()).map(HardshipStandardView::of);
    }

    /** When a version stops applying. */
    public record Expire(@EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写失效日期") java.time.LocalDate effectiveTo) {
    }

    @POST
    @jakarta.ws.rs.Path("/{id}/expiry")
    @RolesAllowed({Roles.SYSTEM_ADMIN, Roles.BUREAU_ADMIN})
    @Operation(summary = "设定某版本经济困难标准的失效日期（新年度标准从该日起施行）")
    public Uni<HardshipStandardView> expire(@jakarta.ws.rs.PathParam("id") java.util.UUID id,
                                            @Valid @NotNull(message = "请求内容不能为空") Expire request) {
        return service.expire(id, request.effectiveTo(), user.scope(), user.actor()).map(HardshipStandardView::of);
    }
}
