package org.publiclegal.notification.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.notification.Matter;
import org.publiclegal.notification.NotificationService;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.time.Instant;
import java.util.UUID;

/** 我的事项: everything the resident started or is a party to, what to do now first. */
@Cancellable(false)
@Path("/api/me/matters")
@Tag(name = "Notifications", description = "消息通知")
public class MatterResource {

    private final NotificationService service;
    private final CurrentUser user;

    public MatterResource(NotificationService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    /**
     * One matter: {@code urgency} 0 = 待您办理, 1 = 等待他人办理, 2 = 已办结; {@code link} = the module's detail.
     */
    public record MatterView(UUID subjectId, Matter.Service service, String serviceLabel, String reference,
                             String status, String statusText, String nextActor, String todo, Instant deadline,
                             int urgency, String link, Instant updatedAt) {
        static MatterView of(Matter m) {
            return new MatterView(m.subjectId, m.service, switch (m.service) {
                case LEGAL_AID -> "法律援助";
                case MEDIATION -> "人民调解";
                case ADVISORY -> "法律顾问预约";
            }, m.reference, m.statusCode, m.statusText, m.nextActor, m.todo, m.deadline, m.urgency, m.link, m.updatedAt);
        }
    }

    @GET
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "我的事项：法律援助申请、调解案件（含受邀加入的法院委派案件）、法律顾问预约，待办在前、期限近的在前，游标分页")
    public Uni<CursorPage<MatterView>> matters(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.matters(user.scope(), cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(MatterView::of).toList(), p.nextCursor()));
    }
}
