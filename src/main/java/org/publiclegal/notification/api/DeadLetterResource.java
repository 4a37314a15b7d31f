package org.publiclegal.notification.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.notification.NotificationService;
import org.publiclegal.notification.OutboxDelivery;
import org.publiclegal.notification.OutboxMessage;
import org.publiclegal.notification.ReminderJobs;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.Roles;

import java.time.Instant;
import java.util.UUID;

/** The outbox for the system administrator: dead letters, retry, and running the jobs now. */
@Cancellable(false)
@Path("/api/admin/notifications")
@Tag(name = "Notifications", description = "消息通知")
@RolesAllowed(Roles.SYSTEM_ADMIN)
public class DeadLetterResource {

    private final NotificationService service;
    private final OutboxDelivery delivery;
    private final ReminderJobs reminders;

    public DeadLetterResource(NotificationService service, OutboxDelivery delivery, ReminderJobs reminders) {
        this.service = service;
        this.delivery = delivery;
        this.reminders = reminders;
    }

    /** A message that could not be delivered (the notice's text, not the recipient's identity). */
    public record DeadLetterView(long id, String channel, String status, int attempts, String lastError,
                                 Instant createdAt, long noticeId, String kind, String title, UUID recipientId) {
        static DeadLetterView of(NotificationService.DeadLetter d) {
            OutboxMessage o = d.message();
            return new DeadLetterView(o.id, o.channel, o.status.name(), o.attempts, o.lastError, o.createdAt, o.noticeId,
                    d.notice() == null ? null : d.notice().kind.name(), d.notice() == null ? null : d.notice().title,
                    d.notice() == null ? null : d.notice().recipientId);
        }
    }

    public record Ran(int handled) {
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "发送失败的微信订阅消息（死信），最新在前，游标分页")
    public Uni<CursorPage<DeadLetterView>> deadLetters(@QueryParam("cursor") String cursor,
                                                       @QueryParam("limit") Integer limit) {
        return service.deadLetters(cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(DeadLetterView::of).toList(), p.nextCursor()));
    }

    @POST
    @Path("/dead-letters/{id}/retry")
    @Operation(summary = "重发一条死信：重新计数尝试次数并立即排队；非死信返回 409")
    public Uni<DeadLetterView> retry(@PathParam("id") long id) {
        return service.retry(id).map(o -> DeadLetterView.of(new NotificationService.DeadLetter(o, null)));
    }

    @POST
    @Path("/delivery")
    @Operation(summary = "立即投递一批到期的待发消息（平时每 10 秒自动运行）")
    public Uni<Ran> deliver() {
        return delivery.deliver().map(Ran::new);
    }

    @POST
    @Path("/reminders")
    @Operation(summary = "立即发送到期提醒（平时每分钟自动运行；每条提醒只发一次）")
    public Uni<Ran> remind() {
        return reminders.runAll().map(Ran::new);
    }
}
