package org.publiclegal.onboarding.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.onboarding.ImportKind;
import org.publiclegal.onboarding.ImportService;
import org.publiclegal.onboarding.Templates;
import org.publiclegal.onboarding.api.ImportViews.ConfirmView;
import org.publiclegal.onboarding.api.ImportViews.ImportErrorView;
import org.publiclegal.onboarding.api.ImportViews.ImportView;
import org.publiclegal.onboarding.api.ImportViews.KindView;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.problem.Problem;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 导入 a county's registers and 台账 history: download a template, upload the filled file (its dry run starts at
 * once), read the report, confirm; follow the progress.
 */
@Cancellable(false)
@Path("/api/imports")
@Tag(name = "Imports", description = "导入行政区划、机构、工作人员和历史台账")
public class ImportResource {


    private final ImportService imports;
    private final CurrentUser user;

    public ImportResource(ImportService imports, CurrentUser user) {
        this.imports = imports;
        this.user = user;
    }

    @GET
    @Path("/templates")
    @PermitAll
    @Operation(summary = "可导入的类别及其模板列（中文列名，* 为必填）")
    public List<KindView> kinds() {
        return Arrays.stream(ImportKind.values()).map(KindView::of).toList();
    }

    @GET
    @Path("/templates/{kind}")
    @PermitAll
    @Produces(Templates.XLSX)
    @Operation(summary = "下载导入模板（.xlsx：中文列名、一行示例、填写说明）")
    @APIResponse(responseCode = "200", description = "Excel 模板",
            content = @Content(mediaType = Templates.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response template(@PathParam("kind") ImportKind kind) {
        String name = Templates.fileName(kind);
        return Response.ok(Templates.xlsx(kind), Templates.XLSX)
                .header("Content-Disposition", "attachment; filename=\"import-" + kind.name().toLowerCase()
                        + ".xlsx\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    @POST
    @Blocking
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.JUDICIAL_OFFICE, Roles.MEDIATOR, Roles.AID_OFFICER})
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", Templates.XLSX})
    @ResponseStatus(202)
    @Operation(summary = "上传导入文件（.xlsx 或 UTF-8/GB18030 CSV，请求体为文件本身，边接收边加密分块保存，"
            + "超过上限（默认 10 MB）返回 413）：开始预检，不写入任何数据；司法所只能导入本乡镇，司法局本县")
    @APIResponse(responseCode = "202", description = "已接收，预检进行中",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "413", description = "文件超过上限",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ImportView upload(
            @QueryParam("kind") @NotNull(message = "请指定导入类别 kind")
            @Pattern(regexp = "REGIONS|ORGANISATIONS|STAFF|ADVISORS|CONTRACTS|MEMBERSHIPS|SCREENINGS|CONSULTATIONS|MEDIATION_CASES|AID_CASES",
                    message = "导入类别应为 REGIONS、ORGANISATIONS、STAFF、ADVISORS、CONTRACTS、MEMBERSHIPS、SCREENINGS、CONSULTATIONS、MEDIATION_CASES 或 AID_CASES") String kindName,
            @QueryParam("fileName") @Size(max = 200, message = "文件名最多 200 字") String fileName,
            InputStream content) {
        ImportKind kind = ImportKind.valueOf(kindName);
        String name = fileName == null || fileName.isBlank() ? kind.label() + ".xlsx" : fileName.strip();
        return ImportView.of(imports.upload(new ImportService.Upload(kind, name, content), user.scope(), user.actor()));
    }

    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.JUDICIAL_OFFICE, Roles.MEDIATOR, Roles.AID_OFFICER})
    @Operation(summary = "本辖区的导入任务，新者在前，游标分页")
    public Uni<CursorPage<ImportView>> list(
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return imports.list(user.scope(), cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(ImportView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.JUDICIAL_OFFICE, Roles.MEDIATOR, Roles.AID_OFFICER})
    @Operation(summary = "导入任务：状态、进度（已处理/总行数）、预检结果（将新建、已存在、关账期调整、问题数）")
    public Uni<ImportView> get(@PathParam("id") UUID id) {
        return imports.get(id, user.scope()).map(ImportView::of);
    }

    @GET
    @Path("/{id}/errors")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.JUDICIAL_OFFICE, Roles.MEDIATOR, Roles.AID_OFFICER})
    @Operation(summary = "预检发现的问题（行号、列名、说明），按行排列，游标分页")
    public Uni<CursorPage<ImportErrorView>> errors(
            @PathParam("id") UUID id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return imports.errors(id, user.scope(), cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(ImportErrorView::of).toList(), p.nextCursor()));
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.JUDICIAL_OFFICE, Roles.MEDIATOR, Roles.AID_OFFICER})
    @ResponseStatus(202)
    @Operation(summary = "确认导入（预检无任何问题时）：后台分批写入；失败后再次确认会从中断处继续。"
            + "工作人员导入在此一次性返回各账号的初始密码（不保存、不记录日志，首次登录须修改），"
            + "或以 firstSignIn=LINK 返回一次性登录链接的 token（7 天内有效、只能使用一次，本人用它设置密码）；"
            + "只有上传该文件的人员可以确认")
    @APIResponse(responseCode = "202", description = "已排队导入",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConfirmView.class)))
    public Uni<ConfirmView> confirm(@PathParam("id") UUID id,
            @QueryParam("firstSignIn") @Pattern(regexp = "PASSWORD|LINK",
                    message = "firstSignIn 应为 PASSWORD（初始密码）或 LINK（一次性登录链接）") String firstSignIn) {
        ImportService.FirstSignIn mode = firstSignIn == null ? ImportService.FirstSignIn.PASSWORD
                : ImportService.FirstSignIn.valueOf(firstSignIn);
        return imports.confirm(id, mode, user.scope(), user.actor()).map(ConfirmView::of);
    }
}
