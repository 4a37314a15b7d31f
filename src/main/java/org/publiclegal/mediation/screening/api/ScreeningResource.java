package org.publiclegal.mediation.screening.api;

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
import org.publiclegal.mediation.screening.Screening;
import org.publiclegal.mediation.screening.ScreeningService;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;

/** 矛盾纠纷排查: rounds logged by the committees' mediators and the 司法所, counted as 排查（次）. */
@Cancellable(false)
@Path("/api/mediation/screenings")
@Tag(name = "Mediation", description = "掌上调解")
public class ScreeningResource {

    private final ScreeningService screenings;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public ScreeningResource(ScreeningService screenings, Idempotency idempotency, CurrentUser user) {
        this.screenings = screenings;
        this.idempotency = idempotency;
        this.user = user;
    }

    /** One screening round; {@code regionCode} is the village or township screened, inside the caller's area. */
    public record RecordScreening(
            @EnteredDate @NotNull(message = "请填写排查日期") LocalDate screenedOn,
            @NotBlank(message = "请填写排查地点") @Size(max = 200, message = "地点最多 200 字") String place,
            @NotNull(message = "请选择排查的村（社区）或乡镇") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String regionCode,
            @NotNull(message = "请填写走访户数（单位数）") @Min(value = 0, message = "走访户数不能为负数") @Max(value = 100000, message = "走访户数最多 100000") Integer householdsVisited,
            @NotNull(message = "请填写排查出的矛盾纠纷数") @Min(value = 0, message = "纠纷数不能为负数") @Max(value = 10000, message = "纠纷数最多 10000") Integer disputesFound,
            @NotNull(message = "请选择风险等级") Screening.RiskLevel riskLevel,
            @Size(max = 1000, message = "备注最多 1000 字，请勿填写身份证号等个人信息") String note) {
    }

    public record ScreeningView(UUID id, LocalDate screenedOn, String place, String regionCode, int householdsVisited,
                                int disputesFound, Screening.RiskLevel riskLevel, String note, UUID organisationId,
                                UUID recordedBy, Instant createdAt) {
        static ScreeningView of(Screening s) {
            return new ScreeningView(s.id, s.screenedOn, s.place, s.regionCode, s.householdsVisited, s.disputesFound,
                    s.riskLevel, s.note, s.organisationId, s.recordedBy, s.createdAt);
        }
    }

    @POST
    @RolesAllowed({Roles.MEDIATOR, Roles.JUDICIAL_OFFICE})
    @Operation(summary = "登记一次矛盾纠纷排查（计入“矛盾纠纷排查 次”）：日期、地点、村（社区）或乡镇、走访户数、排查出的纠纷数、风险等级；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已登记",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScreeningView.class)))
    public Uni<Response> record(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull(message = "请求内容不能为空") RecordScreening request) {
        return idempotency.create(user.id(), idempotencyKey, "mediation.screening.record", request,
                () -> screenings.record(new Screening.Round(request.screenedOn(), request.place().strip(),
                                request.regionCode(), request.householdsVisited(), request.disputesFound(),
                                request.riskLevel(), request.note()), user.scope(), user.actor())
                        .map(s -> new Idempotency.Created(URI.create("/api/mediation/screenings/" + s.id),
                                ScreeningView.of(s))));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEDIATOR, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "一次矛盾纠纷排查的记录")
    public Uni<ScreeningView> get(@PathParam("id") UUID id) {
        return screenings.get(id, user.scope()).map(ScreeningView::of);
    }

    @GET
    @RolesAllowed({Roles.MEDIATOR, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "矛盾纠纷排查记录（本调委会或辖区，排查日期新到旧），游标分页")
    public Uni<CursorPage<ScreeningView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return screenings.list(user.scope(), cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(ScreeningView::of).toList(), p.nextCursor()));
    }
}
