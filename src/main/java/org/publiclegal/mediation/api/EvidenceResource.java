package org.publiclegal.mediation.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.mediation.Evidence;
import org.publiclegal.mediation.EvidenceService;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.storage.FileTypes;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** 证据材料 of a dispute: images and PDFs from the parties and the mediators. */
@Cancellable(false)
@Path("/api/mediation/disputes/{id}/evidence")
@Tag(name = "Mediation", description = "掌上调解")
public class EvidenceResource {

    private final EvidenceService evidence;
    private final Idempotency idempotency;
    private final CurrentUser user;
    private final Vertx vertx;

    public EvidenceResource(EvidenceService evidence, Idempotency idempotency, CurrentUser user, Vertx vertx) {
        this.evidence = evidence;
        this.idempotency = idempotency;
        this.user = user;
        this.vertx = vertx;
    }

    public record EvidenceView(UUID id, String fileName, String contentType, long sizeBytes, UUID uploadedBy,
                               Instant uploadedAt) {
        static EvidenceView of(Evidence e) {
            return new EvidenceView(e.id, e.fileName, e.contentType, e.sizeBytes, e.uploadedBy, e.uploadedAt);
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR})
    @Operation(summary = "提交证据（JPEG/PNG/WebP/PDF，按文件内容识别，单个不超过 10 MB）；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已上传",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvidenceView.class)))
    public Uni<Response> upload(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw DomainException.invalidField("file", "请选择要上传的文件");
        }
        return vertx.fileSystem().readFile(file.uploadedFile().toString()).chain(buffer -> {
            byte[] content = buffer.getBytes();
            record Fingerprint(UUID dispute, String fileName, String sha256) {
            }
            String sha = FileTypes.sha256Hex(content);
            return idempotency.create(user.id(), idempotencyKey, "mediation.evidence.upload",
                    new Fingerprint(id, file.fileName(), sha),
                    () -> evidence.upload(id, file.fileName(), content, user.scope(), user.actor())
                            .map(e -> new Idempotency.Created(URI.create("/api/mediation/disputes/" + id + "/evidence/" + e.id),
                                    EvidenceView.of(e))));
        });
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR})
    @Operation(summary = "本案证据列表")
    public Uni<List<EvidenceView>> list(@PathParam("id") UUID id) {
        return evidence.list(id, user.scope()).map(list -> list.stream().map(EvidenceView::of).toList());
    }

    @GET
    @Path("/{evidenceId}")
    @Produces({"image/jpeg", "image/png", "image/webp", "application/pdf"})
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR})
    @Operation(summary = "下载证据（调解员下载记入审计日志）")
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        return evidence.download(id, evidenceId, user.scope(), user.actor())
                .map(o -> Response.ok(Buffer.buffer(o.content()), o.contentType()).header("Cache-Control", "no-store").build());
    }
}
