package org.publiclegal.mediation.subsidy.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.publiclegal.mediation.subsidy.SubsidyStatement;
import org.publiclegal.mediation.subsidy.SubsidyStatementService;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.time.YearMonth;
import java.util.UUID;

/** 以案奖补月度结算 of a committee. */
@Path("/api/mediation/subsidy-statements")
@Tag(name = "Mediation", description = "掌上调解")
public class SubsidyStatementResource {

    private final SubsidyStatementService statements;
    private final CurrentUser user;

    public SubsidyStatementResource(SubsidyStatementService statements, CurrentUser user) {
        this.statements = statements;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.MEDIATOR, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "以案奖补月度结算：某调委会当月（北京时间）调解成功的案件，按调解员列出适用标准、金额或不符合的原因，"
            + "及每名调解员和调委会的合计（多名调解员的案件在每名调解员名下全额列出，调委会合计只计一次）")
    public Uni<SubsidyStatement.MonthlyStatement> statement(
            @QueryParam("committee") @NotNull(message = "请指定 committee（调委会 ID）") UUID committee,
            @QueryParam("month") @NotNull(message = "请指定 month（如 2026-05）")
            @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "月份格式应为 YYYY-MM") String month) {
        return statements.statement(committee, YearMonth.parse(month), user.scope());
    }
}
