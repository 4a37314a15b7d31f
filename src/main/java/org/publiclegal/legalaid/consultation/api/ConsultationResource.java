package org.publiclegal.legalaid.consultation.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.consultation.Consultation;
import org.publiclegal.legalaid.consultation.ConsultationService;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;

/** 法律援助咨询: recorded by staff at the window, on the 12348 hotline, online or in the village. */
@Cancellable(false)
@Path("/api/aid/consultations")
@Tag(name = "Legal aid", description = "法律援助")
public class ConsultationResource {

    private final ConsultationService consultations;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public ConsultationResource(ConsultationService consultations, Idempotency idempotency, CurrentUser user) {
        this.consultations = consultations;
        this.idempotency = idempotency;
        this.user = user;
    }

    /** A consultation to record; {@code persons} counts 人次 (a family asking together is several). */
    public record RecordConsultation(
            @NotNull(message = "请选择咨询渠道") Consultation.Channel channel,
            @NotNull(message = "请选择咨询事项") AidMatter matter,
            @NotNull(message = "请选择咨询人所在地") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String regionCode,
            @Min(value = 1, message = "人次至少为 1") @Max(value = 500, message = "人次最多为 500") Integer persons,
            @Size(max = 1000, message = "摘要最多 1000 字，请勿填写身份证号等个人信息") String summary,
            @EnteredDate Instant consultedAt) {
    }

    public record ConsultationView(UUID id, Consultation.Channel channel, AidMatter matter, String regionCode,
                                   int persons, String summary, Instant consultedAt, UUID organisationId,
                                   UUID recordedBy) {
        static ConsultationView of(Consultation c) {
            return new ConsultationView(c.id, c.channel, c.matter, c.regionCode, c.persons, c.summary, c.consultedAt,
                    c.organisationId, c.recordedBy);
        }
    }

    @POST
    @RolesAllowed({Roles.AID_OFFICER, Roles.LAWYER, Roles.JUDICIAL_OFFICE})
    @Operation(summary = "登记一次法律援助咨询（计入“法律援助咨询 人次”）；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已登记",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsultationView.class)))
    public Uni<Response> record(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull(message = "请求内容不能为空") RecordConsultation request) {
        return idempotency.create(user.id(), idempotencyKey, "aid.consultation.record", request,
                () -> consultations.record(request.channel(), request.matter(), request.regionCode(),
                                request.persons() == null ? 1 : request.persons(), request.summary(),
                                request.consultedAt(), user.scope(), user.actor())
                        .map(c -> new Idempotency.Created(URI.create("/api/aid/consultations/" + c.id),
                                ConsultationView.of(c))));
    }

    @GET
    @RolesAllowed({Roles.AID_OFFICER, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "咨询记录（本单位或辖区，新到旧），游标分页")
    public Uni<CursorPage<ConsultationView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return consultations.list(user.scope(), cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(ConsultationView::of).toList(), p.nextCursor()));
    }
}
