package org.publiclegal.advisory.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
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
import org.publiclegal.advisory.AdvisorService;
import org.publiclegal.advisory.PracticeCategory;
import org.publiclegal.advisory.ServiceMode;
import org.publiclegal.advisory.api.AdvisoryViews.AdvisorView;
import org.publiclegal.advisory.api.AdvisoryViews.AvailabilityView;
import org.publiclegal.advisory.api.AdvisoryViews.ExceptionView;
import org.publiclegal.advisory.api.AdvisoryViews.RuleView;
import org.publiclegal.advisory.api.AdvisoryViews.SlotView;
import org.publiclegal.advisory.booking.AvailabilityException;
import org.publiclegal.advisory.booking.AvailabilityService;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/** 村(居)法律顾问: the directory, advisor details, weekly availability and free slots. */
@Cancellable(false)
@Path("/api/advisors")
@Tag(name = "Advisory", description = "村（居）法律顾问")
public class AdvisorResource {


    private final AdvisorService advisors;
    private final AvailabilityService availability;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public AdvisorResource(AdvisorService advisors, AvailabilityService availability, Idempotency idempotency,
                           CurrentUser user) {
        this.advisors = advisors;
        this.availability = availability;
        this.idempotency = idempotency;
        this.user = user;
    }

    /** 登记法律顾问: the details of a LAWYER account of the county. */
    public record RegisterAdvisor(
            @NotNull(message = "请选择律师账号") UUID accountId,
            @NotNull(message = "请选择执业类别") PracticeCategory practiceCategory,
            @NotBlank(message = "请填写执业证号") @Pattern(regexp = "[0-9A-Za-z-]{6,32}", message = "执业证号应为 6 至 32 位数字或字母") String licenceNumber,
            @NotNull(message = "请填写首次执业年份") @Min(value = 1950, message = "首次执业年份不早于 1950 年") @Max(value = 2100, message = "首次执业年份无效") Integer firstPracticeYear) {
    }

    /** 每周服务时间: weekday, hours (not across midnight), mode, the village's 法律服务室 for on-site, slot length. */
    public record AddRule(
            @NotNull(message = "请选择星期") DayOfWeek dayOfWeek,
            @NotNull(message = "请填写开始时间") LocalTime startsAt,
            @NotNull(message = "请填写结束时间") LocalTime endsAt,
            @NotNull(message = "请选择服务方式") ServiceMode mode,
            @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String villageCode,
            @NotNull(message = "请填写每个时段的分钟数") @Min(value = 10, message = "每个时段至少 10 分钟") @Max(value = 240, message = "每个时段最多 240 分钟") Integer slotMinutes,
            @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写生效日期") LocalDate validFrom,
            @EnteredDate(DateBounds.Kind.PLANNED) LocalDate validTo) {
    }

    /** 请假 (LEAVE) or 加开 (EXTRA, with mode and slot length). */
    public record AddException(
            @NotNull(message = "请选择类型") AvailabilityException.Kind kind,
            @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写开始时间") Instant startsAt,
            @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写结束时间") Instant endsAt,
            ServiceMode mode,
            @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String villageCode,
            @Min(value = 10, message = "每个时段至少 10 分钟") @Max(value = 240, message = "每个时段最多 240 分钟") Integer slotMinutes,
            @Size(max = 200, message = "备注最多 200 字") String note) {
    }

    @POST
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "登记村（居）法律顾问：本县律师（LAWYER）账号的执业类别、执业证号、首次执业年份；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已登记",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AdvisorView.class)))
    public Uni<Response> register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  @Valid @NotNull(message = "请求内容不能为空") RegisterAdvisor r) {
        return idempotency.create(user.id(), idempotencyKey, "advisory.advisor.register", r,
                () -> advisors.register(new AdvisorService.Registration(r.accountId(), r.practiceCategory(),
                                r.licenceNumber().strip(), r.firstPracticeYear()), user.scope(), user.actor())
                        .chain(a -> advisors.names(a.accountId).map(n -> new Idempotency.Created(
                                URI.create("/api/advisors/" + a.accountId),
                                AdvisorView.of(a, n, new AdvisorService.RatingSummary(null, 0, 0))))));
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN,
            Roles.MEDIATOR, Roles.AID_OFFICER})
    @Operation(summary = "法律顾问名录：本村（社区）的签约顾问排在最前，其后为本县其他顾问；居民不填 village 时按个人资料中的所在村（社区）；游标分页")
    public Uni<CursorPage<AdvisorService.Listed>> list(
            @QueryParam("village") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String village,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return advisors.directory(village, user.scope(), cursor, CursorPage.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN,
            Roles.MEDIATOR, Roles.AID_OFFICER})
    @Operation(summary = "一位法律顾问：执业类别、执业机构、好差评（平均分、评价数、差评数）")
    public Uni<AdvisorView> get(@PathParam("id") UUID id) {
        return advisors.get(id).chain(a -> advisors.names(id)
                .chain(n -> advisors.ratings(id).map(r -> AdvisorView.of(a, n, r))));
    }

    @GET
    @Path("/{id}/slots")
    @RolesAllowed({Roles.RESIDENT, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN,
            Roles.MEDIATOR, Roles.AID_OFFICER})
    @Operation(summary = "可预约时段（北京时间，按每周服务时间、请假和加开即时计算，只列未被预约且未开始的时段；一次最多 31 天）")
    public Uni<List<SlotView>> slots(@PathParam("id") UUID id,
                                     @EnteredDate(DateBounds.Kind.PLANNED) @QueryParam("from") @NotNull(message = "请填写开始日期") LocalDate from,
                                     @EnteredDate(DateBounds.Kind.PLANNED) @QueryParam("to") @NotNull(message = "请填写结束日期") LocalDate to,
                                     @QueryParam("mode") ServiceMode mode) {
        return availability.freeSlots(id, from, to, mode).map(s -> s.stream().map(SlotView::of).toList());
    }

    @GET
    @Path("/{id}/availability")
    @RolesAllowed({Roles.RESIDENT, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN,
            Roles.MEDIATOR, Roles.AID_OFFICER})
    @Operation(summary = "每周服务时间和今后的请假、加开")
    public Uni<AvailabilityView> availability(@PathParam("id") UUID id) {
        return availability.availability(id).map(a -> new AvailabilityView(
                a.rules().stream().map(RuleView::of).toList(), a.exceptions().stream().map(ExceptionView::of).toList()));
    }

    @POST
    @Path("/{id}/availability/rules")
    @RolesAllowed({Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "添加每周服务时间（顾问本人或本县司法所、司法局）")
    @APIResponse(responseCode = "201", description = "已添加",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleView.class)))
    public Uni<Response> addRule(@PathParam("id") UUID id, @Valid @NotNull(message = "请求内容不能为空") AddRule r) {
        return availability.addRule(id, new AvailabilityService.WeeklyHours(r.dayOfWeek(), r.startsAt(), r.endsAt(),
                        r.mode(), r.villageCode(), r.slotMinutes(), r.validFrom(), r.validTo()), user.scope())
                .map(rule -> Response.created(URI.create("/api/advisors/" + id + "/availability"))
                        .entity(RuleView.of(rule)).build());
    }

    @DELETE
    @Path("/{id}/availability/rules/{ruleId}")
    @RolesAllowed({Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "删除一条每周服务时间（已有预约不受影响）")
    @APIResponse(responseCode = "204", description = "已删除")
    public Uni<Void> removeRule(@PathParam("id") UUID id, @PathParam("ruleId") UUID ruleId) {
        return availability.removeRule(id, ruleId, user.scope());
    }

    @POST
    @Path("/{id}/availability/exceptions")
    @RolesAllowed({Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "请假（该时间内不开放预约）或加开服务时段")
    @APIResponse(responseCode = "201", description = "已添加",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExceptionView.class)))
    public Uni<Response> addException(@PathParam("id") UUID id,
                                      @Valid @NotNull(message = "请求内容不能为空") AddException x) {
        return availability.addChange(id, new AvailabilityService.Change(x.kind(), x.startsAt(), x.endsAt(), x.mode(),
                        x.villageCode(), x.slotMinutes(), x.note()), user.scope())
                .map(e -> Response.created(URI.create("/api/advisors/" + id + "/availability"))
                        .entity(ExceptionView.of(e)).build());
    }
}
