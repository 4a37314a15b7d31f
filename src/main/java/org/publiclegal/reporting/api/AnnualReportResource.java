package org.publiclegal.reporting.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.reporting.AnnualReport;
import org.publiclegal.reporting.AnnualReports;
import org.publiclegal.reporting.DrillDown;
import org.publiclegal.reporting.Metric;
import org.publiclegal.reporting.MetricService;
import org.publiclegal.reporting.Period;
import org.publiclegal.reporting.ReportDocuments;
import org.publiclegal.reporting.ReportingScope;
import org.publiclegal.reporting.ReportingScope.RegionRef;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** 法治政府建设情况报告: the 公共法律服务 figures of a year, the records behind each, and Word/Excel exports. */
@Cancellable(false)
@Path("/api/reports/annual")
@Tag(name = "Reporting", description = "年度报告、指标与驾驶舱")
@RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
public class AnnualReportResource {

    private final AnnualReports reports;
    private final DrillDown drillDown;
    private final MetricService metrics;
    private final ReportingScope scope;
    private final CurrentUser user;

    public AnnualReportResource(AnnualReports reports, DrillDown drillDown, MetricService metrics,
                                ReportingScope scope, CurrentUser user) {
        this.reports = reports;
        this.drillDown = drillDown;
        this.metrics = metrics;
        this.scope = scope;
        this.user = user;
    }

    /** The records behind one figure of one year. {@code value} is the figure they add up to. */
    public record FigureRecords(String key, String label, String unit, RegionRef region, int year, BigDecimal value,
                                List<String> eventKinds, List<DrillDown.Item> items, String nextCursor) {
    }

    @GET
    @Operation(summary = "年度公共法律服务数据：每项指标的本年值、单位、上年值和增减，以及报告体例的文字（司法所限本乡镇，司法局限本县）")
    public Uni<AnnualReport> annual(
            @QueryParam("region") @Pattern(regexp = MetricsResource.CODE, message = MetricsResource.CODE_MESSAGE) String region,
            @QueryParam("year") @NotNull(message = "请指定年份 year") @Min(value = 2000, message = "年份不早于 2000") @Max(value = 2100, message = "年份不晚于 2100") Integer year) {
        return scope.resolve(user.scope(), region).chain(r -> reports.annual(r, year));
    }

    @GET
    @Path("/{key}/records")
    @Operation(summary = "下钻：某项指标背后的记录（台账事件及其案件、或所计的调委会、调解员），按时间游标分页；更正事件指向被更正的事件")
    public Uni<FigureRecords> records(
            @PathParam("key") String key,
            @QueryParam("region") @Pattern(regexp = MetricsResource.CODE, message = MetricsResource.CODE_MESSAGE) String region,
            @QueryParam("year") @NotNull(message = "请指定年份 year") @Min(value = 2000, message = "年份不早于 2000") @Max(value = 2100, message = "年份不晚于 2100") Integer year,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        Metric metric = Metric.byKey(key).orElseThrow(() -> new NotFound("指标", key));
        Period period = Period.year(year);
        return scope.resolve(user.scope(), region).chain(r -> metrics.values(r.code(), period, List.of(metric))
                .chain(values -> drillDown.records(metric, r.code(), period, cursor, CursorPage.limit(limit))
                        .map(page -> new FigureRecords(metric.key(), metric.label(), metric.unit(), r, year,
                                values.get(metric), metric.kinds(), page.items(), page.nextCursor()))));
    }

    @GET
    @Path("/docx")
    @Produces(ReportDocuments.DOCX)
    @Operation(summary = "年度公共法律服务数据（Word .docx）：报告文字和指标表")
    @APIResponse(responseCode = "200", description = "Word 文档",
            content = @Content(mediaType = ReportDocuments.DOCX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Uni<Response> docx(
            @QueryParam("region") @Pattern(regexp = MetricsResource.CODE, message = MetricsResource.CODE_MESSAGE) String region,
            @QueryParam("year") @NotNull(message = "请指定年份 year") @Min(value = 2000, message = "年份不早于 2000") @Max(value = 2100, message = "年份不晚于 2100") Integer year) {
        return export(region, year, ReportDocuments::docx, ReportDocuments.DOCX, "docx");
    }

    @GET
    @Path("/xlsx")
    @Produces(ReportDocuments.XLSX)
    @Operation(summary = "年度公共法律服务数据（Excel .xlsx）：指标表（本年、上年、增减、口径）和报告文字")
    @APIResponse(responseCode = "200", description = "Excel 工作簿",
            content = @Content(mediaType = ReportDocuments.XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Uni<Response> xlsx(
            @QueryParam("region") @Pattern(regexp = MetricsResource.CODE, message = MetricsResource.CODE_MESSAGE) String region,
            @QueryParam("year") @NotNull(message = "请指定年份 year") @Min(value = 2000, message = "年份不早于 2000") @Max(value = 2100, message = "年份不晚于 2100") Integer year) {
        return export(region, year, ReportDocuments::xlsx, ReportDocuments.XLSX, "xlsx");
    }

    private Uni<Response> export(String region, int year, Function<AnnualReport, byte[]> render, String type,
                                 String extension) {
        return scope.resolve(user.scope(), region).chain(r -> reports.annual(r, year))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(report -> {
                    String name = report.region().name() + year + "年公共法律服务数据." + extension;
                    return Response.ok(render.apply(report), type)
                            .header("Content-Disposition", "attachment; filename=\"report-" + report.region().code()
                                    + "-" + year + "." + extension + "\"; filename*=UTF-8''"
                                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                            .build();
                });
    }
}
