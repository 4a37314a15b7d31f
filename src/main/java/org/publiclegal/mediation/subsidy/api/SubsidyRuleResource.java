package org.publiclegal.mediation.subsidy.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.mediation.subsidy.SubsidyRuleService;
import org.publiclegal.mediation.subsidy.api.SubsidyViews.RuleView;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.util.List;
import java.util.UUID;

/** 以案奖补标准: amounts per case by region, difficulty tier and period, with their conditions. */
@Cancellable(false)
@Path("/api/mediation/subsidy-rules")
@Tag(name = "Mediation", description = "掌上调解")
public class SubsidyRuleResource {

    private final SubsidyRuleService rules;
    private final CurrentUser user;

    public SubsidyRuleResource(SubsidyRuleService rules, CurrentUser user) {
        this.rules = rules;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.MEDIATOR, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "某地区适用的以案奖补标准（含上级地区的标准及历次版本，下级地区优先）")
    public Uni<List<RuleView>> list(
            @QueryParam("region") @NotNull(message = "请指定 region（12 位行政区划代码）")
            @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String region) {
        return rules.list(region).map(rows -> rows.stream().map(RuleView::of).toList());
    }

    @POST
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @ResponseStatus(201)
    @Operation(summary = "新增以案奖补标准（司法局在本辖区内，或系统管理员）：县或乡镇、难易档次、每件金额、是否要求书面协议和协议履行、有效期；同一地区同一档次有效期不能重叠")
    public Uni<RuleView> add(@Valid @NotNull(message = "请求内容不能为空") SubsidyRequests.CreateRule request) {
        return rules.add(request.toTerms(), user.scope(), user.actor()).map(RuleView::of);
    }

    @POST
    @Path("/{id}/expiry")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "设定以案奖补标准的失效日期（新标准从该日起施行）")
    public Uni<RuleView> expire(@PathParam("id") UUID id,
                                @Valid @NotNull(message = "请求内容不能为空") SubsidyRequests.ExpireRule request) {
        return rules.expire(id, request.effectiveTo(), user.scope(), user.actor()).map(RuleView::of);
    }
}
