package org.publiclegal.mediation.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.mediation.CommitteeService;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeQueries;
import org.publiclegal.mediation.DisputeService;
import org.publiclegal.mediation.MediationStatus;
import org.publiclegal.mediation.api.MediationViews.DisputeDetail;
import org.publiclegal.mediation.api.MediationViews.DisputeSummary;
import org.publiclegal.mediation.api.MediationViews.MessageView;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 掌上调解: residents submit and follow disputes; the committee's mediators handle them. */
@Cancellable(false)
@Path("/api/mediation/disputes")
@Tag(name = "Mediation", description = "掌上调解")
public class DisputeResource {

    private final DisputeService disputes;
    private final CommitteeService committee;
    private final DisputeQueries queries;
    private final Idempotency idempotency;
    private final CurrentUser user;
    private final Clock clock;

    public DisputeResource(DisputeService disputes, CommitteeService committee, DisputeQueries queries,
                           Idempotency idempotency, CurrentUser user, Clock clock) {
        this.disputes = disputes;
        this.committee = committee;
        this.queries = queries;
        this.idempotency = idempotency;
        this.user = user;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "申请调解：分派到纠纷发生地村（社区）调委会，没有则到乡镇调委会；返回每位对方当事人的邀请码（仅此一次）；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已提交",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisputeDetail.class)))
    public Uni<Response> submit(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull(message = "请求内容不能为空") MediationRequests.Submit request) {
        return idempotency.create(user.id(), idempotencyKey, "mediation.dispute.submit", request,
                () -> disputes.submit(user.id(), request.command(), user.actor())
                        .chain(s -> queries.fileOfNew(s, user.scope(), user.actor())
                                .map(f -> new Idempotency.Created(URI.create("/api/mediation/disputes/" + s.dispute().id),
                                        DisputeDetail.of(f, clock.instant(), s.invitationCodes())))));
    }

    @POST
    @Path("/court-referrals")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "登记法院诉前委派或委托调解的案件（委派 30 日，委托 15 日或 7 日），双方当事人各得邀请码；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已登记",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisputeDetail.class)))
    public Uni<Response> referral(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  @Valid @NotNull(message = "请求内容不能为空") MediationRequests.CourtReferral request) {
        return idempotency.create(user.id(), idempotencyKey, "mediation.court-referral", request,
                () -> disputes.referFromCourt(request.command(), user.scope(), user.actor())
                        .chain(s -> queries.fileOfNew(s, user.scope(), user.actor())
                                .map(f -> new Idempotency.Created(URI.create("/api/mediation/disputes/" + s.dispute().id),
                                        DisputeDetail.of(f, clock.instant(), s.invitationCodes())))));
    }

    @POST
    @Path("/registrations")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "调解员登记纠纷（当事人来访/来电申请、主动调解、移送），填写实际受理日期与当事人信息；登记即受理，调解期限自受理日起算；各当事人得邀请码，日后可在小程序认领案件；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已登记",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisputeDetail.class)))
    public Uni<Response> register(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  @Valid @NotNull(message = "请求内容不能为空") MediationRequests.Register request) {
        return idempotency.create(user.id(), idempotencyKey, "mediation.dispute.register", request,
                () -> disputes.register(request.command(), user.scope(), user.actor())
                        .chain(s -> queries.fileOfNew(s, user.scope(), user.actor())
                                .map(f -> new Idempotency.Created(URI.create("/api/mediation/disputes/" + s.dispute().id),
                                        DisputeDetail.of(f, clock.instant(), s.invitationCodes())))));
    }

    @POST
    @Path("/{id}/parties/{partyId}/consent")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "记录当事人当面或电话表示的同意或拒绝调解（拒绝的，案件终结）")
    public Uni<DisputeDetail> recordConsent(@PathParam("id") UUID id, @PathParam("partyId") UUID partyId,
                                            @Valid @NotNull(message = "请求内容不能为空") MediationRequests.RecordConsent request) {
        return after(committee.recordConsent(id, partyId, request.consented(), request.reason(), user.scope(),
                user.actor()));
    }

    @POST
    @Path("/{id}/termination")
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR})
    @Operation(summary = "当事人要求终止调解（人民调解法第二十三条，任何一方均可，调解开始后）：当事人本人提出；或调解员记录当事人当面、电话提出的要求（填 partyId）。按调解不成结案")
    public Uni<DisputeDetail> endMediation(@PathParam("id") UUID id,
                                           @Valid @NotNull(message = "请求内容不能为空") MediationRequests.EndMediation request) {
        if (user.scope().isResident()) {
            return after(disputes.endMediation(id, request.reason(), user.scope(), user.actor()));
        }
        if (request.partyId() == null) {
            throw org.publiclegal.shared.domain.DomainException.invalidField("partyId", "请选择提出终止调解的当事人");
        }
        return after(committee.recordEndByParty(id, request.partyId(), request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/court-return")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "将委派/委托调解的结果反馈法院（案件有结果后）")
    public Uni<DisputeDetail> returnToCourt(@PathParam("id") UUID id,
                                            @Valid @NotNull(message = "请求内容不能为空") MediationRequests.Reason request) {
        return after(committee.returnToCourt(id, request.reason(), user.scope(), user.actor()));
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "调解案件列表：群众为本人参与的；调委会、司法所、司法局为范围内未结案件，期限最早的在前")
    public Uni<CursorPage<DisputeSummary>> list(@QueryParam("status") MediationStatus status,
                                                @QueryParam("overdue") boolean overdue,
                                                @QueryParam("cursor") String cursor,
                                                @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        var now = clock.instant();
        return queries.list(user.scope(), status, overdue, now, cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(d -> DisputeSummary.of(d, now)).toList(), p.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "调解案件详情：状态、时间轴、当事人、调解员、协议；调解员查看记入审计日志")
    public Uni<DisputeDetail> get(@PathParam("id") UUID id) {
        return detail(id);
    }

    @POST
    @Path("/invitations")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "被申请人用邀请码加入案件（先微信登录），随后可同意或拒绝调解")
    public Uni<DisputeDetail> redeem(@Valid @NotNull(message = "请求内容不能为空") MediationRequests.Redeem request) {
        return disputes.redeem(request.code(), user.id(), user.scope()).chain(this::detail);
    }

    @POST
    @Path("/{id}/consent")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "同意调解（调解以自愿为原则）")
    public Uni<DisputeDetail> consent(@PathParam("id") UUID id) {
        return after(disputes.consent(id, user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/refusal")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "拒绝调解：案件以此结果终结（人民调解法第十七条）")
    public Uni<DisputeDetail> refuse(@PathParam("id") UUID id,
                                     @Valid MediationRequests.OptionalReason request) {
        return after(disputes.refuse(id, request == null ? null : request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "申请人撤回调解申请")
    public Uni<DisputeDetail> withdraw(@PathParam("id") UUID id, @Valid MediationRequests.OptionalReason request) {
        return after(disputes.withdraw(id, request == null ? null : request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/agreement/confirmation")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "当事人确认调解协议")
    public Uni<DisputeDetail> confirm(@PathParam("id") UUID id) {
        return after(disputes.confirmAgreement(id, user.scope(), user.actor()));
    }

    @GET
    @Path("/{id}/messages")
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR, Roles.SYSTEM_ADMIN})
    @Operation(summary = "案件消息（按时间顺序），游标分页")
    public Uni<CursorPage<MessageView>> messages(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return disputes.messages(id, cursor, CursorPage.limit(limit), user.scope())
                .map(p -> new CursorPage<>(p.items().stream().map(m -> new MessageView(m.id, m.senderId, m.senderRole,
                        disputes.openMessage(m), m.sentAt)).toList(), p.nextCursor()));
    }

    @POST
    @Path("/{id}/messages")
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR})
    @ResponseStatus(201)
    @Operation(summary = "发送消息（当事人或本案调解员）")
    public Uni<MessageView> post(@PathParam("id") UUID id,
                                 @Valid @NotNull(message = "请求内容不能为空") MediationRequests.PostMessage request) {
        return disputes.post(id, request.text(), user.scope(), user.actor())
                .map(m -> new MessageView(m.id, m.senderId, m.senderRole, request.text(), m.sentAt));
    }

    // ---- committee ---------------------------------------------------------------------------------

    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "受理（开始计算调解期限，一般一个月）")
    public Uni<DisputeDetail> accept(@PathParam("id") UUID id) {
        return after(committee.accept(id, user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "不予受理（写明理由，如已由法院或其他机关受理）")
    public Uni<DisputeDetail> decline(@PathParam("id") UUID id,
                                      @Valid @NotNull(message = "请求内容不能为空") MediationRequests.Reason request) {
        return after(committee.decline(id, request.reason(), user.scope(), user.actor()));
    }

    @GET
    @Path("/{id}/mediator-workloads")
    @RolesAllowed({Roles.MEDIATOR, Roles.JUDICIAL_OFFICE})
    @Operation(summary = "本调委会调解员及其在办案件数（用于指派）")
    public Uni<List<CommitteeService.Workload>> workloads(@PathParam("id") UUID id) {
        return committee.workloads(id, user.scope());
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "指派一名或多名本调委会调解员")
    public Uni<DisputeDetail> assign(@PathParam("id") UUID id,
                                     @Valid @NotNull(message = "请求内容不能为空") MediationRequests.Assign request) {
        return after(committee.assign(id, request.mediatorIds(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/extension")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "经双方同意延长调解期限")
    public Uni<DisputeDetail> extend(@PathParam("id") UUID id,
                                     @Valid @NotNull(message = "请求内容不能为空") MediationRequests.Extend request) {
        return after(committee.extend(id, request.days(), request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/agreement")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "起草调解协议书（事实、责任、条款及履行方式和期限），待各方确认")
    public Uni<DisputeDetail> draft(@PathParam("id") UUID id,
                                    @Valid @NotNull(message = "请求内容不能为空") MediationRequests.DraftAgreement request) {
        return after(committee.draftAgreement(id, request.command(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/agreement/seal")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "加盖调委会印章：各方均已确认的，协议生效，调解成功")
    public Uni<DisputeDetail> seal(@PathParam("id") UUID id) {
        return after(committee.sealAgreement(id, user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/failure")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "调解不成，终止调解（写明理由，告知当事人其他途径）")
    public Uni<DisputeDetail> fail(@PathParam("id") UUID id,
                                   @Valid @NotNull(message = "请求内容不能为空") MediationRequests.Reason request) {
        return after(committee.fail(id, request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/agreement/oral")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "记录口头协议（人民调解法第二十八条）：内容与达成协议的当事人；视为调解成功")
    public Uni<DisputeDetail> oral(@PathParam("id") UUID id,
                                   @Valid @NotNull(message = "请求内容不能为空") MediationRequests.OralAgreement request) {
        return after(committee.recordOralAgreement(id, request.command(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/agreement/paper")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "记录纸质签署的书面调解协议（先将扫描件作为证据上传）：调解成功")
    public Uni<DisputeDetail> paper(@PathParam("id") UUID id,
                                    @Valid @NotNull(message = "请求内容不能为空") MediationRequests.PaperAgreement request) {
        return after(committee.recordPaperAgreement(id, request.command(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/escalation")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "有激化风险，已报告公安机关（人民调解法第二十五条）")
    public Uni<DisputeDetail> escalate(@PathParam("id") UUID id,
                                       @Valid @NotNull(message = "请求内容不能为空") MediationRequests.Reason request) {
        return after(committee.escalate(id, request.reason(), user.scope(), user.actor()));
    }

    private Uni<DisputeDetail> after(Uni<Dispute> changed) {
        return changed.chain(d -> detail(d.id));
    }

    private Uni<DisputeDetail> detail(UUID id) {
        return queries.file(id, user.scope(), user.actor()).map(f -> DisputeDetail.of(f, clock.instant(), Map.of()));
    }
}
