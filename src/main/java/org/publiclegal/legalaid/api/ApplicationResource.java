package org.publiclegal.legalaid.api;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import io.vertx.core.buffer.Buffer;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.legalaid.ApplicationQueries;
import org.publiclegal.legalaid.ApplicationService;
import org.publiclegal.legalaid.ApplicationStatus;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.legalaid.MaterialCategory;
import org.publiclegal.legalaid.MaterialService;
import org.publiclegal.legalaid.api.ApplicationViews.ApplicationDetail;
import org.publiclegal.legalaid.api.ApplicationViews.ApplicationSummary;
import org.publiclegal.legalaid.api.ApplicationViews.MaterialView;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.storage.FileTypes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/** 法律援助申请: the resident's application, its materials, lists and the case file. */
@Cancellable(false)
@Path("/api/aid/applications")
@Tag(name = "Legal aid", description = "法律援助")
public class ApplicationResource {

    static final String[] READERS = {Roles.RESIDENT, Roles.AID_OFFICER, Roles.LAWYER, Roles.JUDICIAL_OFFICE,
            Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN};

    private final ApplicationService applications;
    private final ApplicationQueries queries;
    private final MaterialService materials;
    private final Idempotency idempotency;
    private final CurrentUser user;
    private final Vertx vertx;
    private final Clock clock;
    private final org.publiclegal.legalaid.CaseWorkService caseWork;

    public ApplicationResource(ApplicationService applications, ApplicationQueries queries, MaterialService materials,
                               Idempotency idempotency, CurrentUser user, Vertx vertx, Clock clock,
                               org.publiclegal.legalaid.CaseWorkService caseWork) {
        this.caseWork = caseWork;
        this.applications = applications;
        this.queries = queries;
        this.materials = materials;
        this.idempotency = idempotency;
        this.user = user;
        this.vertx = vertx;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "申请法律援助（保存为草稿，上传材料后提交）；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已创建",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationDetail.class)))
    public Uni<Response> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.Create request) {
        return idempotency.create(user.id(), idempotencyKey, "aid.application.create", request,
                () -> applications.create(user.id(), request.command(), user.scope(), user.actor())
                        .map(f -> new Idempotency.Created(URI.create("/api/aid/applications/" + f.application().id),
                                ApplicationDetail.of(f, clock.instant()))));
    }

    @POST
    @Path("/window")
    @RolesAllowed(Roles.AID_OFFICER)
    @Operation(summary = "窗口代为录入申请：当面核验申请人身份证件后，由本中心工作人员按与小程序相同的规则录入（保存为草稿，上传材料后由中心提交）；申请人无需微信账号；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已创建",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationDetail.class)))
    public Uni<Response> createAtWindow(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                        @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.Window request) {
        return idempotency.create(user.id(), idempotencyKey, "aid.application.window", request,
                () -> applications.createAtWindow(request.application().command(), request.applicant().command(),
                                Boolean.TRUE.equals(request.identityChecked()), user.scope(), user.actor())
                        .map(f -> new Idempotency.Created(URI.create("/api/aid/applications/" + f.application().id),
                                ApplicationDetail.of(f, clock.instant()))));
    }

    @POST
    @Path("/notices")
    @RolesAllowed(Roles.AID_OFFICER)
    @Operation(summary = "登记通知辩护/通知代理（人民法院、人民检察院、公安机关的通知书：文号、收到日期）：不审查经济状况，收到通知即视为受理并决定给予，3 日内指派律师（第三十六条）；可能判处无期徒刑、死刑和死刑复核案件须指派 3 年以上执业经历的律师（第二十六条）；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已登记",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationDetail.class)))
    public Uni<Response> registerNotice(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                        @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.Notice request) {
        return idempotency.create(user.id(), idempotencyKey, "aid.notice.register", request,
                () -> caseWork.registerNotice(request.command(), user.scope(), user.actor())
                        .chain(a -> applications.file(a.id, user.scope(), user.actor()))
                        .map(f -> new Idempotency.Created(URI.create("/api/aid/applications/" + f.application().id),
                                ApplicationDetail.of(f, clock.instant()))));
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.AID_OFFICER, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN,
            Roles.SYSTEM_ADMIN})
    @Operation(summary = "申请列表：群众为本人的（新到旧）；法律援助中心、律师、司法所、司法局为其范围内的待办队列（期限最早的在前）")
    public Uni<CursorPage<ApplicationSummary>> list(
            @QueryParam("status") ApplicationStatus status,
            @QueryParam("overdue") boolean overdue,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        var now = clock.instant();
        return queries.list(user.scope(), status, overdue, cursor, CursorPage.limit(limit))
                .map(page -> new CursorPage<>(page.items().stream().map(a -> ApplicationSummary.of(a, now)).toList(),
                        page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.AID_OFFICER, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN,
            Roles.SYSTEM_ADMIN})
    @Operation(summary = "申请详情：状态、时间轴（每一步的时间与角色）、下一步及期限、材料；工作人员查看记入审计日志")
    public Uni<ApplicationDetail> get(@PathParam("id") UUID id) {
        return applications.file(id, user.scope(), user.actor()).map(f -> ApplicationDetail.of(f, clock.instant()));
    }

    @POST
    @Path("/{id}/materials")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.RESIDENT, Roles.AID_OFFICER})
    @Operation(summary = "上传申请材料（JPEG/PNG/WebP/PDF，按文件内容识别，单个不超过 10 MB）；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已上传",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MaterialView.class)))
    public Uni<Response> upload(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @RestForm("category") MaterialCategory category, @RestForm("file") FileUpload file) {
        if (category == null) {
            throw DomainException.invalidField("category", "请选择材料类别");
        }
        if (file == null || file.uploadedFile() == null) {
            throw DomainException.invalidField("file", "请选择要上传的文件");
        }
        return vertx.fileSystem().readFile(file.uploadedFile().toString()).chain(buffer -> {
            byte[] content = buffer.getBytes();
            record Fingerprint(UUID application, MaterialCategory category, String fileName, String sha256) {
            }
            return idempotency.create(user.id(), idempotencyKey, "aid.material.upload",
                    new Fingerprint(id, category, file.fileName(), FileTypes.sha256Hex(content)),
                    () -> materials.upload(id, category, file.fileName(), content, user.scope(), user.actor())
                            .map(m -> new Idempotency.Created(
                                    URI.create("/api/aid/applications/" + id + "/materials/" + m.id), MaterialView.of(m))));
        });
    }

    @GET
    @Path("/{id}/materials/{materialId}")
    @Produces({"image/jpeg", "image/png", "image/webp", "application/pdf"})
    @RolesAllowed({Roles.RESIDENT, Roles.AID_OFFICER, Roles.LAWYER, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "下载申请材料（工作人员下载记入审计日志）")
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("materialId") UUID materialId) {
        return materials.download(id, materialId, user.scope(), user.actor())
                .map(d -> Response.ok(Buffer.buffer(d.content()), d.material().contentType)
                        .header("Content-Disposition", "attachment; filename*=UTF-8''"
                                + java.net.URLEncoder.encode(d.material().fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.RESIDENT, Roles.AID_OFFICER})
    @Operation(summary = "提交申请（检查必需材料是否齐全）：申请人本人；窗口代为录入的申请由受理中心提交")
    public Uni<ApplicationDetail> submit(@PathParam("id") UUID id) {
        return detail(applications.submit(id, user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "撤回申请")
    public Uni<ApplicationDetail> withdraw(@PathParam("id") UUID id, @Valid ApplicationRequests.Reason request) {
        return detail(applications.withdraw(id, request == null ? null : request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/supplement")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "补正材料已上传，请求继续审查（审查期限顺延暂停的时间）")
    public Uni<ApplicationDetail> supplement(@PathParam("id") UUID id, @Valid ApplicationRequests.Reason request) {
        return detail(applications.supplement(id, request == null ? null : request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/objection")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "对不予法律援助或终止法律援助的决定提出异议（第四十九条）")
    public Uni<ApplicationDetail> object(@PathParam("id") UUID id,
                                         @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.RequiredReason request) {
        return detail(applications.object(id, request.reason(), user.scope(), user.actor()));
    }

    @POST
    @Path("/{id}/rating")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "结案后评价法律援助服务（1 至 5 星）")
    public Uni<ApplicationDetail> rate(@PathParam("id") UUID id,
                                       @Valid @NotNull(message = "请求内容不能为空") ApplicationRequests.Rate request) {
        return detail(applications.rate(id, request.stars(), request.comment(), user.scope(), user.actor()));
    }

    Uni<ApplicationDetail> detail(Uni<LegalAidApplication> changed) {
        return changed.chain(a -> applications.file(a.id, user.scope(), user.actor()))
                .map(f -> ApplicationDetail.of(f, clock.instant()));
    }

}
