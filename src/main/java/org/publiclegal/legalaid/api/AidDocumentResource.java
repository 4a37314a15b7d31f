package org.publiclegal.legalaid.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.legalaid.AidDocuments;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.publiclegal.shared.documents.DocumentFormat;
import org.publiclegal.shared.documents.PdfDocuments;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.util.UUID;

/**
 * The centre's documents on an application, as a printable HTML page or (Accept: application/pdf) a PDF:
 * {@code decision} (给予/不予法律援助决定书), {@code material-request} (补正材料通知书), {@code assignment} (指派通知书).
 * Whoever may read the case file may print them; a staff print is audited as a read of the file.
 */
@Cancellable(false)
@Path("/api/aid/applications/{id}/documents/{type}")
@Tag(name = "Legal aid", description = "法律援助")
public class AidDocumentResource {

    static final String TYPES = "decision|material-request|assignment";
    static final String TYPES_MESSAGE = "文书类型为 decision（决定书）、material-request（补正材料通知书）或 assignment（指派通知书）";

    private final AidDocuments documents;
    private final CurrentUser user;

    public AidDocumentResource(AidDocuments documents, CurrentUser user) {
        this.documents = documents;
        this.user = user;
    }

    @GET
    @Produces({DocumentFormat.HTML, PdfDocuments.PDF})
    @RolesAllowed({Roles.RESIDENT, Roles.AID_OFFICER, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN,
            Roles.SYSTEM_ADMIN})
    @Operation(summary = "法律援助文书：决定书、补正材料通知书、指派通知书；可打印的 HTML，Accept: application/pdf 时为 PDF（A4）。"
            + "首次打印时取得文书字号，重印不变")
    @APIResponse(responseCode = "200", description = "HTML 页面或 PDF 文书", content = {
            @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = PdfDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Uni<Response> document(@PathParam("id") UUID id,
                                  @PathParam("type") @Pattern(regexp = TYPES, message = TYPES_MESSAGE) String type,
                                  @Context HttpHeaders headers) {
        boolean pdf = DocumentFormat.wantsPdf(headers.getAcceptableMediaTypes());
        return documents.print(id, type(type), user.scope(), user.actor()).chain(print -> {
            String page = AidDocumentPages.render(print);
            if (!pdf) {
                return Uni.createFrom().item(DocumentFormat.html(page));
            }
            String reference = print.application().reference;
            return Uni.createFrom().item(() -> DocumentFormat.pdf(PdfDocuments.render(page), type + "-" + reference,
                    print.kind().title() + "-" + reference)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    private static AidDocuments.Type type(String path) {
        return switch (path) {
            case "decision" -> AidDocuments.Type.DECISION;
            case "material-request" -> AidDocuments.Type.MATERIALS;
            default -> AidDocuments.Type.ASSIGNMENT;
        };
    }
}
