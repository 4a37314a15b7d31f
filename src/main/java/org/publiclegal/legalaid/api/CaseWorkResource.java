package org.publiclegal.legalaid.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.legalaid.ApplicationService;
import org.publiclegal.legalaid.CaseWorkService;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.util.UUID;

/**
 * The statutory steps of the centre (AID_OFFICER of the centre handling the case), the assigned lawyer and
 * the justice bureau. An act the case's status does not allow is 409 naming the allowed ones.
 */
@Cancellable(false)
@Path("/api/aid/applications/{id}")
@Tag(name = "Legal aid", description = "法律援助")
public class CaseWorkResource {

    private final CaseWorkService work;
    private final ApplicationService applications;
    private final CurrentUser user;
    private final Clock clock;

    public CaseWorkResource(CaseWorkService work, ApplicationService applications, CurrentUser user, Clock clock) {
        this.work = work;
        this.applications = applications;
        this.user = user;
        this.clock = clock;
    }

    @POST
    @Path("/receive")
    @RolesAllowed(Roles.AID_OFFICER)
    @Operation(summary = "受理申请，开始 7 日审查期限（第四十三条）")
    public Uni<ApplicationViews.ApplicationDetail> receive(@PathParam("id") UUID id) {
        return detail(work.receive(id, user.scope(), user.actor()));
    }

    @POST
    @Path("/material-requests")
    @RolesAllowed(Roles.AID_OFFICER)
    @Operation(summary = "一次性告知需补正的全部材料（可设补正期限；审查期限按配置暂停），逾期视为撤回")
    public Uni<ApplicationViews.ApplicationDetail> requestMaterials(@PathParam("id") UUID id,
            @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.RequestMaterials request) {
        return detail(work.requestMaterials(id, request.items(), request.dueInDays(), user.scope(), user.actor()));
    }

    @POST
    @Path("/grant")
    @RolesAllowed(Roles.AID_OFFICER)
    @Operation(summary = "决定给予法律援助，开始 3 日指派期限")
    public Uni<ApplicationViews.ApplicationDetail> grant(@PathParam("id") UUID id, @Valid ApplicationRequests.Reason request) {
        return detail(work.grant(id, request == null ? null : request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/refusal")
    @RolesAllowed(Roles.AID_OFFICER)
    @Operation(summary = "决定不予法律援助（须书面说明理由；申请人可提出异议）")
    public Uni<ApplicationViews.ApplicationDetail> refuse(@PathParam("id") UUID id,
            @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.RequiredReason request) {
        return detail(work.refuse(id, request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/assignment")
    @RolesAllowed(Roles.AID_OFFICER)
    @Operation(summary = "指派承办律师（律师事务所律师或本中心律师）")
    public Uni<ApplicationViews.ApplicationDetail> assign(@PathParam("id") UUID id,
            @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.Assign request) {
        return detail(work.assign(id, request.lawyerId(), user.scope(), user.actor()));
    }

    @POST
    @Path("/provisional-assignment")
    @RolesAllowed(Roles.AID_OFFICER)
    @Operation(summary = "先行提供法律援助：决定作出前先行指派律师（第四十四条）")
    public Uni<ApplicationViews.ApplicationDetail> assignProvisionally(@PathParam("id") UUID id,
            @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.Assign request) {
        return detail(work.assignProvisionally(id, request.lawyerId(), user.scope(), user.actor()));
    }

    @POST
    @Path("/termination")
    @RolesAllowed(Roles.AID_OFFICER)
    @Operation(summary = "终止法律援助（第四十八条，须写明情形与理由）")
    public Uni<ApplicationViews.ApplicationDetail> terminate(@PathParam("id") UUID id,
            @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.Terminate request) {
        return detail(work.terminate(id, request.ground(), request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/acceptance")
    @RolesAllowed(Roles.LAWYER)
    @Operation(summary = "承办律师接受指派")
    public Uni<ApplicationViews.ApplicationDetail> accept(@PathParam("id") UUID id) {
        return detail(work.accept(id, user.scope(), user.actor()));
    }

    @POST
    @Path("/progress-notes")
    @RolesAllowed(Roles.LAWYER)
    @Operation(summary = "记录办案进展（受援人可在时间轴查看）")
    public Uni<ApplicationViews.ApplicationDetail> progress(@PathParam("id") UUID id,
            @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.ProgressNote request) {
        return detail(work.progressNote(id, request.note(), user.scope(), user.actor()));
    }

    @POST
    @Path("/closure")
    @RolesAllowed(Roles.LAWYER)
    @Operation(summary = "结案：结案情况、避免和挽回经济损失金额、结案报告（第五十条）")
    public Uni<ApplicationViews.ApplicationDetail> close(@PathParam("id") UUID id,
            @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.Close request) {
        return detail(work.close(id, request.outcome(), request.awardedAmount(), request.recoveredAmount(),
                request.closingReport(), user.scope(), user.actor()));
    }

    @POST
    @Path("/objection-decision")
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(summary = "司法局审查异议：维持或纠正（5 日内）")
    public Uni<ApplicationViews.ApplicationDetail> decideObjection(@PathParam("id") UUID id,
            @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.DecideObjection request) {
        return detail(work.decideObjection(id, request.uphold(), request.reason(), user.scope(), user.actor()));
    }

    private Uni<ApplicationViews.ApplicationDetail> detail(Uni<LegalAidApplication> changed) {
        return changed.chain(a -> applications.file(a.id, user.scope(), user.actor()))
                .map(f -> ApplicationViews.ApplicationDetail.of(f, clock.instant()));
    }
}
