package org.publiclegal.mediation.subsidy.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.mediation.subsidy.SubsidyStatement;
import org.publiclegal.mediation.subsidy.SubsidyStatementService;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.time.YearMonth;
import java.util.UUID;

/** 以案奖补月度结算 of a committee. */
@Cancellable(false)
@Path("/api/mediation/subsidy-statements")
@Tag(name = "Mediation", description = "掌上调解")
public class SubsidyStatementResource {

    private final SubsidyStatementService statements;
    private final CurrentUser user;

    public SubsidyStatementResource(SubsidyStatementService statements, CurrentUser user) {
        this.statements = statements;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.JUDICIAL_OFFICE)
    @ResponseStatus(201)
    @Operation(summary = "签发以案奖补月度结算（本辖区调委会的司法所；只能签发已结束的月份，每月一次，再次签发 409）：签发后冻结，"
            + "之后的回访、更正等变化在下月结算中作为调整列出")
    public Uni<SubsidyStatement.MonthlyStatement> issue(
            @Valid @NotNull(message = "请求内容不能为空") SubsidyRequests.IssueStatement request) {
        return statements.issue(new SubsidyStatementService.IssueCommand(request.committeeId(),
                YearMonth.parse(request.month())), user.scope(), user.actor());
    }

    @GET
    @RolesAllowed({Roles.MEDIATOR, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "以案奖补月度结算：某调委会当月（北京时间）调解成功的案件，按调解员列出适用标准、金额或不符合的原因，"
            + "及每名调解员和调委会的合计（多名调解员的案件按标准分摊到分，调解员合计之和等于调委会合计）；"
            + "已签发的月份按签发时冻结的内容返回，未签发的月份附此前已签发月份的调整")
    public Uni<SubsidyStatement.MonthlyStatement> statement(
            @QueryParam("committee") @NotNull(message = "请指定 committee（调委会 ID）") UUID committee,
            @QueryParam("month") @NotNull(message = "请指定 month（如 2026-05）")
            @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "月份格式应为 YYYY-MM") String month) {
        return statements.statement(committee, YearMonth.parse(month), user.scope());
    }
}
