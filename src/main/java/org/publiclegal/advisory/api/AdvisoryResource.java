package org.publiclegal.advisory.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.publiclegal.advisory.AdvisoryQueries;
import org.publiclegal.advisory.ContractService;
import org.publiclegal.advisory.CoverageService;
import org.publiclegal.advisory.ServiceKind;
import org.publiclegal.advisory.ServiceMode;
import org.publiclegal.advisory.ServiceRecordService;
import org.publiclegal.advisory.api.AdvisoryViews.ContractView;
import org.publiclegal.advisory.api.AdvisoryViews.ServiceRecordView;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/**
 * 村(居)法律顾问 administration and records: contracts (签约, 续签, 解除), coverage on any date, service records
 * (一事一记), the village file (一村一卷) and the service commitments.
 */
@Cancellable(false)
@Path("/api/advisor")
@Tag(name = "Advisory", description = "村（居）法律顾问")
public class AdvisoryResource {

    private static final int UNCOVERED_SHOWN = 500;

    private final ContractService contracts;
    private final CoverageService coverage;
    private final ServiceRecordService records;
    private final AdvisoryQueries queries;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public AdvisoryResource(ContractService contracts, CoverageService coverage, ServiceRecordService records,
                            AdvisoryQueries queries, Idempotency idempotency, CurrentUser user) {
        this.contracts = contracts;
        this.coverage = coverage;
        this.records = records;
        this.queries = queries;
        this.idempotency = idempotency;
        this.user = user;
    }

    /** 签约: an advisor for villages of the caller's area; commitments default to 4 h/month, 1 lecture/quarter. */
    public record SignContract(
            @NotNull(message = "请选择法律顾问") UUID advisorId,
            @NotEmpty(message = "请选择至少一个村（社区）") @Size(max = 30, message = "一份合同最多 30 个村（社区）")
            List<@NotNull @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String> villageCodes,
            @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写合同开始日期") LocalDate startsOn,
            @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写合同截止日期") LocalDate endsOn,
            @Min(value = 1, message = "每月驻村服务至少 1 小时") @Max(value = 200, message = "每月驻村服务最多 200 小时") Integer onsiteHoursPerMonth,
            @Min(value = 0, message = "每季度讲座不能为负数") @Max(value = 30, message = "每季度讲座最多 30 场") Integer lecturesPerQuarter) {
    }

    public record RenewContract(
            @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写续签合同截止日期") LocalDate endsOn,
            @Min(value = 1, message = "每月驻村服务至少 1 小时") @Max(value = 200, message = "每月驻村服务最多 200 小时") Integer onsiteHoursPerMonth,
            @Min(value = 0, message = "每季度讲座不能为负数") @Max(value = 30, message = "每季度讲座最多 30 场") Integer lecturesPerQuarter) {
    }

    public record TerminateContract(
            @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写解除生效日期") LocalDate effectiveOn,
            @NotBlank(message = "请填写解除原因") @Size(max = 500, message = "解除原因最多 500 字") String reason) {
    }

    /** 服务记录: a lecture also needs its topic and attendance. */
    public record RecordService(
            @NotNull(message = "请选择村（社区）") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String villageCode,
            @EnteredDate @NotNull(message = "请填写服务时间") Instant startedAt,
            @NotNull(message = "请填写服务时长") @Min(value = 1, message = "服务时长至少 1 分钟") @Max(value = 1440, message = "服务时长最多 1440 分钟") Integer durationMinutes,
            @NotNull(message = "请选择服务类型") ServiceKind kind,
            @NotNull(message = "请选择服务方式") ServiceMode mode,
            @NotBlank(message = "请填写服务内容摘要") @Size(max = 2000, message = "摘要最多 2000 字，请勿填写身份证号等个人信息") String summary,
            @NotNull(message = "请填写服务人数") @Min(value = 0, message = "服务人数不能为负数") @Max(value = 100000, message = "服务人数最多 100000") Integer personsServed,
            @Size(max = 200, message = "讲座主题最多 200 字") String lectureTopic,
            @Min(value = 0, message = "参加人数不能为负数") @Max(value = 100000, message = "参加人数最多 100000") Integer attendance) {
    }

    public record VoidRecord(@NotBlank(message = "请填写作废原因") @Size(max = 300, message = "作废原因最多 300 字") String reason) {
    }

    public record SyncResult(LocalDate day, int flips) {
    }

    @POST
    @Path("/contracts")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "签订法律顾问合同：一名顾问服务一个或多个村（社区），合同期限和服务承诺（默认每月驻村 4 小时、每季度 1 场讲座）；超过 5 个村（社区）在 warnings 中提示；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已签约",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContractView.class)))
    public Uni<Response> sign(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                              @Valid @NotNull(message = "请求内容不能为空") SignContract r) {
        return idempotency.create(user.id(), idempotencyKey, "advisory.contract.sign", r,
                () -> contracts.sign(new ContractService.Terms(r.advisorId(), r.villageCodes(), r.startsOn(), r.endsOn(),
                                r.onsiteHoursPerMonth(), r.lecturesPerQuarter()), user.scope(), user.actor())
                        .map(s -> new Idempotency.Created(URI.create("/api/advisor/contracts/" + s.contract().id),
                                ContractView.of(s, coverage.today()))));
    }

    @GET
    @Path("/contracts")
    @RolesAllowed({Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "法律顾问合同（顾问：本人的；司法所、司法局：本辖区签订的或涉及本辖区村（社区）的），开始日期新到旧，游标分页")
    public Uni<CursorPage<ContractView>> contracts(@QueryParam("advisor") UUID advisorId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        LocalDate today = coverage.today();
        return contracts.list(user.scope(), advisorId, cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(s -> ContractView.of(s, today)).toList(), p.nextCursor()));
    }

    @GET
    @Path("/contracts/{id}")
    @RolesAllowed({Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "一份法律顾问合同及其村（社区）")
    public Uni<ContractView> contract(@PathParam("id") UUID id) {
        return contracts.get(id, user.scope()).map(s -> ContractView.of(s, coverage.today()));
    }

    @POST
    @Path("/contracts/{id}/renewal")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "续签：自原合同期满次日起的新合同（原合同不变），同样的村（社区）")
    @APIResponse(responseCode = "201", description = "已续签",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContractView.class)))
    public Uni<Response> renew(@PathParam("id") UUID id, @Valid @NotNull(message = "请求内容不能为空") RenewContract r) {
        return contracts.renew(id, r.endsOn(), r.onsiteHoursPerMonth(), r.lecturesPerQuarter(), user.scope(), user.actor())
                .map(s -> Response.created(URI.create("/api/advisor/contracts/" + s.contract().id))
                        .entity(ContractView.of(s, coverage.today())).build());
    }

    @POST
    @Path("/contracts/{id}/termination")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "提前解除合同：自生效日（今天或以后）起不再覆盖，须填写原因")
    public Uni<ContractView> terminate(@PathParam("id") UUID id,
                                       @Valid @NotNull(message = "请求内容不能为空") TerminateContract r) {
        return contracts.terminate(id, r.effectiveOn(), r.reason().strip(), user.scope(), user.actor())
                .map(s -> ContractView.of(s, coverage.today()));
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "法律顾问覆盖情况：某日（默认今天）有有效合同的村（社区）数 / 全部村（社区）数、覆盖率和未覆盖的村（社区）")
    public Uni<AdvisoryQueries.Coverage> coverage(
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String region,
            @EnteredDate(DateBounds.Kind.PLANNED) @QueryParam("date") LocalDate date) {
        return queries.coverage(region(region), date == null ? coverage.today() : date, UNCOVERED_SHOWN);
    }

    @POST
    @Path("/coverage/sync")
    @RolesAllowed({Roles.SYSTEM_ADMIN})
    @Operation(summary = "立即运行覆盖情况同步（通常每天零时后自动运行；可重复运行，不会重复计数）")
    public Uni<SyncResult> sync() {
        LocalDate today = coverage.today();
        return coverage.syncDue(today).map(n -> new SyncResult(today, n));
    }

    @POST
    @Path("/services")
    @RolesAllowed({Roles.LAWYER})
    @Operation(summary = "登记服务记录（一事一记）：村（社区）、时间、时长、类型、方式、摘要、服务人数；法治讲座另填主题和参加人数；审查合同文书、出具法律意见、审查村规民约和重大决策各计 1 条“审查和建议”，讲座计 1 场并计参与人次；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已登记",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceRecordView.class)))
    public Uni<Response> record(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull(message = "请求内容不能为空") RecordService r) {
        return idempotency.create(user.id(), idempotencyKey, "advisory.service.record", r,
                () -> records.record(new ServiceRecordService.Entry(r.villageCode(), r.startedAt(), r.durationMinutes(),
                                r.kind(), r.mode(), r.summary().strip(), r.personsServed(), r.lectureTopic(),
                                r.attendance()), user.scope(), user.actor())
                        .map(x -> new Idempotency.Created(URI.create("/api/advisor/services/" + x.id),
                                ServiceRecordView.of(x))));
    }

    @GET
    @Path("/services/{id}")
    @RolesAllowed({Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "一条服务记录")
    public Uni<ServiceRecordView> service(@PathParam("id") UUID id) {
        return records.get(id, user.scope()).map(ServiceRecordView::of);
    }

    @POST
    @Path("/services/{id}/void")
    @RolesAllowed({Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "作废一条登记错误的服务记录（统计数字以负数冲减，原记录保留）")
    public Uni<ServiceRecordView> voidRecord(@PathParam("id") UUID id,
                                             @Valid @NotNull(message = "请求内容不能为空") VoidRecord r) {
        return records.voidRecord(id, r.reason().strip(), user.scope(), user.actor()).map(ServiceRecordView::of);
    }

    @GET
    @Path("/villages/{code}/file")
    @RolesAllowed({Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "一村一卷：该村（社区）的服务记录和预约，按时间先后，游标分页")
    public Uni<CursorPage<AdvisoryQueries.FileEntry>> villageFile(
            @PathParam("code") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String code,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return queries.villageFile(code, user.scope(), cursor, CursorPage.limit(limit));
    }

    @GET
    @Path("/commitments")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "服务承诺完成情况：某月（默认本月）每位顾问在每个村（社区）的驻村小时数和本季度讲座场次，对照合同承诺，未达标的 behind=true")
    public Uni<List<AdvisoryQueries.Commitment>> commitments(
            @QueryParam("region") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String region,
            @QueryParam("month") @Pattern(regexp = "\\d{4}-\\d{2}", message = "月份格式为 yyyy-MM") String month) {
        YearMonth m;
        try {
            m = month == null ? YearMonth.from(coverage.today()) : YearMonth.parse(month);
        } catch (java.time.DateTimeException e) {
            throw org.publiclegal.shared.domain.DomainException.invalidField("month", "月份格式为 yyyy-MM");
        }
        return queries.commitments(region(region), m);
    }

    /** The requested region (default: the caller's), which must lie in the caller's area, else 404. */
    private String region(String requested) {
        AccessScope scope = user.scope();
        String code = requested != null ? requested : scope.regionCode();
        if (code == null || !scope.covers(code)) {
            throw new NotFound("地区", code);
        }
        return code;
    }
}
