package org.publiclegal.reporting.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.reporting.DashboardService;
import org.publiclegal.reporting.DashboardService.Dashboard;
import org.publiclegal.reporting.ReportingScope;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

/** 驾驶舱: the live figures of a 司法所's township or a 司法局's county (the page at /dashboard/ shows them). */
@Cancellable(false)
@Path("/api/dashboard")
@Tag(name = "Reporting", description = "年度报告、指标与驾驶舱")
public class DashboardResource {

    private final DashboardService dashboards;
    private final ReportingScope scope;
    private final CurrentUser user;

    public DashboardResource(DashboardService dashboards, ReportingScope scope, CurrentUser user) {
        this.dashboards = dashboards;
        this.scope = scope;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "驾驶舱：今日、本月、本年数字与逐月走势，法律援助和调解的在办、超期案件及期限，调解员和援助律师的在办量，村（社区）法律顾问覆盖（司法所限本乡镇，司法局限本县）")
    public Uni<Dashboard> dashboard(
            @QueryParam("region") @Pattern(regexp = MetricsResource.CODE, message = MetricsResource.CODE_MESSAGE) String region) {
        return scope.resolve(user.scope(), region).chain(dashboards::dashboard);
    }
}
