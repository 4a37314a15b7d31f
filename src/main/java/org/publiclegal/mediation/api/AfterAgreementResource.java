package org.publiclegal.mediation.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.publiclegal.shared.documents.DocumentFormat;
import org.publiclegal.shared.documents.PdfDocuments;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.publiclegal.mediation.FollowUp;
import org.publiclegal.mediation.JudicialConfirmation;
import org.publiclegal.mediation.MediationSession;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.mediation.AfterAgreementService;
import org.publiclegal.mediation.AgreementPrinting;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeQueries;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/** 调解会议与笔录, the agreement as a document, 司法确认 and 回访. */
@Cancellable(false)
@Path("/api/mediation/disputes/{id}")
@Tag(name = "Mediation", description = "掌上调解")
public class AfterAgreementResource {

    private final AfterAgreementService service;
    private final DisputeQueries queries;
    private final AgreementPrinting printing;
    private final CurrentUser user;
    private final java.time.Clock clock;

    public AfterAgreementResource(AfterAgreementService service, DisputeQueries queries, AgreementPrinting printing,
                                  CurrentUser user, java.time.Clock clock) {
        this.service = service;
        this.queries = queries;
        this.printing = printing;
        this.user = user;
        this.clock = clock;
    }

    public record ScheduleSession(@EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请填写调解时间") Instant scheduledAt,
                                  @NotNull(message = "请选择调解方式") Dispute.Mode mode,
                                  @Size(max = 200, message = "地点最多 200 字") String place,
                                  @Size(max = 300, message = "链接最多 300 字") String videoLink) {
    }

    public record Minutes(@NotBlank(message = "请填写调解笔录") @Size(max = 10000, message = "笔录最多 10000 字") String minutes,
                          @NotBlank(message = "请填写到场人员") @Size(max = 500, message = "最多 500 字") String present) {
    }

    public record SessionView(UUID id, Instant scheduledAt, Dispute.Mode mode, String place, String videoLink,
                              String minutes, String present, Instant recordedAt) {
    }

    public record ApplyConfirmation(@NotNull(message = "请选择人民法院") UUID courtId,
                                    @EnteredDate @NotNull(message = "请填写申请日期") LocalDate appliedOn) {
    }

    public record Ruling(@NotNull(message = "请选择裁定结果") JudicialConfirmation.Ruling ruling,
                         @EnteredDate @NotNull(message = "请填写裁定日期") LocalDate ruledOn) {
    }

    public record ConfirmationView(UUID courtId, LocalDate appliedOn, JudicialConfirmation.Ruling ruling,
                                   LocalDate ruledOn, JudicialConfirmation.AfterRejection afterRejection) {
        static ConfirmationView of(JudicialConfirmation jc) {
            return new ConfirmationView(jc.courtId, jc.appliedOn, jc.ruling, jc.ruledOn, jc.afterRejection);
        }
    }

    public record RecordFollowUp(@NotNull(message = "请选择履行情况") FollowUp.Performance performance,
                                 @NotNull(message = "请填写满意度") @Min(value = 1, message = "满意度为 1 至 5") @Max(value = 5, message = "满意度为 1 至 5") Integer satisfaction,
                                 @Size(max = 1000, message = "最多 1000 字") String note) {
    }

    public record FollowUpView(LocalDate dueOn, Instant doneAt, FollowUp.Performance performance, Integer satisfaction,
                               String note) {
        static FollowUpView of(FollowUp f) {
            return new FollowUpView(f.dueOn, f.doneAt, f.performance, f.satisfaction, f.note);
        }
    }

    @POST
    @Path("/sessions")
    @RolesAllowed(Roles.MEDIATOR)
    @ResponseStatus(201)
    @Operation(summary = "安排调解（时间、地点或视频链接）")
    public Uni<SessionView> schedule(@PathParam("id") UUID id,
                                     @Valid @NotNull(message = "请求内容不能为空") ScheduleSession request) {
        return service.schedule(id, request.scheduledAt(), request.mode(), request.place(), request.videoLink(),
                user.scope(), user.actor()).map(this::view);
    }

    @GET
    @Path("/sessions")
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR})
    @Operation(summary = "本案的调解安排与笔录")
    public Uni<List<SessionView>> sessions(@PathParam("id") UUID id) {
        return service.sessions(id, user.scope()).map(list -> list.stream().map(this::view).toList());
    }

    @POST
    @Path("/sessions/{sessionId}/minutes")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "记录调解笔录和到场人员")
    public Uni<SessionView> minutes(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId,
                                    @Valid @NotNull(message = "请求内容不能为空") Minutes request) {
        return service.recordMinutes(id, sessionId, request.minutes(), request.present(), user.scope(), user.actor())
                .map(this::view);
    }

    @GET
    @Path("/agreement/document")
    @Produces({DocumentFormat.HTML, PdfDocuments.PDF})
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR})
    @Operation(summary = "人民调解协议书：可打印的 HTML；Accept: application/pdf 时为 PDF（A4）。生效的协议首次打印时取得文书字号，重印不变")
    @APIResponse(responseCode = "200", description = "HTML 页面或 PDF 文书", content = {
            @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = PdfDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Uni<Response> document(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        boolean pdf = DocumentFormat.wantsPdf(headers.getAcceptableMediaTypes());
        return printing.print(id, user.scope(), user.actor()).chain(print -> {
            String page = AgreementDocument.render(print);
            if (!pdf) {
                return Uni.createFrom().item(DocumentFormat.html(page));
            }
            String reference = print.file().dispute().reference;
            return Uni.createFrom().item(() -> DocumentFormat.pdf(PdfDocuments.render(page), "agreement-" + reference,
                    "人民调解协议书-" + reference)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    @POST
    @Path("/judicial-confirmation")
    @RolesAllowed(Roles.MEDIATOR)
    @ResponseStatus(201)
    @Operation(summary = "登记当事人共同申请司法确认（协议生效之日起 30 日内）")
    public Uni<ConfirmationView> apply(@PathParam("id") UUID id,
                                       @Valid @NotNull(message = "请求内容不能为空") ApplyConfirmation request) {
        return service.applyForConfirmation(id, request.courtId(), request.appliedOn(), user.scope(), user.actor())
                .map(ConfirmationView::of);
    }

    @POST
    @Path("/judicial-confirmation/ruling")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "登记法院的司法确认裁定（确认有效或驳回）")
    public Uni<ConfirmationView> ruling(@PathParam("id") UUID id,
                                        @Valid @NotNull(message = "请求内容不能为空") Ruling request) {
        return service.recordRuling(id, request.ruling(), request.ruledOn(), user.scope(), user.actor())
                .map(ConfirmationView::of);
    }

    /** 驳回后的处理: back to mediation, or litigation guidance. */
    public record AfterRejectionRequest(
            @NotNull(message = "请选择驳回后的处理") JudicialConfirmation.AfterRejection route,
            @Size(max = 1000, message = "最多 1000 字") String note) {
    }

    @POST
    @Path("/judicial-confirmation/after-rejection")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "司法确认被驳回后的处理：重新调解（变更原协议或达成新协议，另行登记）或引导诉讼，记入时间轴")
    public Uni<ConfirmationView> afterRejection(@PathParam("id") UUID id,
                                                @Valid @NotNull(message = "请求内容不能为空") AfterRejectionRequest request) {
        return service.afterRejection(id, request.route(), request.note(), user.scope(), user.actor())
                .map(ConfirmationView::of);
    }

    @POST
    @Path("/archive")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "归档：有结果的案件；调解成功的须已回访或回访期限已届满；归档后不再办理")
    public Uni<MediationViews.DisputeDetail> archive(@PathParam("id") UUID id) {
        return service.archive(id, user.scope(), user.actor()).chain(d -> queries.file(id, user.scope(), user.actor()))
                .map(f -> MediationViews.DisputeDetail.of(f, clock.instant(), java.util.Map.of()));
    }

    @POST
    @Path("/follow-up")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "回访：协议履行情况与满意度")
    public Uni<FollowUpView> followUp(@PathParam("id") UUID id,
                                      @Valid @NotNull(message = "请求内容不能为空") RecordFollowUp request) {
        return service.recordFollowUp(id, request.performance(), request.satisfaction(), request.note(), user.scope(),
                user.actor()).map(FollowUpView::of);
    }

    private SessionView view(MediationSession s) {
        return new SessionView(s.id, s.scheduledAt, s.mode, s.place, s.videoLink, service.openMinutes(s), s.present,
                s.recordedAt);
    }
}
