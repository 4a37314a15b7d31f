package org.publiclegal.notification.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.notification.Notice;
import org.publiclegal.notification.NoticeKind;
import org.publiclegal.notification.NotificationService;
import org.publiclegal.notification.WeChatGrant;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** 站内消息: every signed-in user's inbox, unread count, preferences; a resident's WeChat 订阅 grants. */
@Cancellable(false)
@Path("/api/notifications")
@Tag(name = "Notifications", description = "消息通知")
@RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR, Roles.AID_OFFICER, Roles.LAWYER, Roles.JUDICIAL_OFFICE,
        Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
public class NotificationResource {

    private final NotificationService service;
    private final Idempotency idempotency;
    private final CurrentUser user;

    public NotificationResource(NotificationService service, Idempotency idempotency, CurrentUser user) {
        this.service = service;
        this.idempotency = idempotency;
        this.user = user;
    }

    /** One notice; {@code superseded}: a later step of the same matter replaced it. */
    public record NoticeView(long id, NoticeKind kind, String kindLabel, UUID subjectId, String title, String body,
                             String link, Instant createdAt, boolean read, boolean superseded) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.id, n.kind, n.kind.label, n.subjectId, n.title, n.body, n.link, n.createdAt,
                    n.readAt != null, n.supersededAt != null);
        }
    }

    public record UnreadCount(long unread) {
    }

    public record Marked(int marked) {
    }

    public record SettingView(NoticeKind kind, String label, boolean enabled, boolean switchable) {
    }

    public record Choice(@NotNull(message = "请选择是否接收") Boolean enabled) {
    }

    public record Subscribe(@NotEmpty(message = "请选择订阅的消息类型") @Size(max = 8, message = "最多 8 种")
                            List<@NotNull(message = "消息类型不能为空") NoticeKind> kinds) {
    }

    public record GrantView(NoticeKind kind, int remaining) {
    }

    @GET
    @Operation(summary = "我的消息：最新在前，游标分页；unread=true 只看未读且未被后续进展取代的消息")
    public Uni<CursorPage<NoticeView>> inbox(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                             @QueryParam("unread") boolean unread) {
        return service.inbox(user.scope(), cursor, CursorPage.limit(limit), unread)
                .map(p -> new CursorPage<>(p.items().stream().map(NoticeView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "未读消息数（不含已被后续进展取代的消息）")
    public Uni<UnreadCount> unreadCount() {
        return service.unread(user.scope()).map(UnreadCount::new);
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "标记一条消息已读；他人的消息返回 404")
    public Uni<NoticeView> read(@PathParam("id") long id) {
        return service.markRead(id, user.scope()).map(NoticeView::of);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "全部标记为已读")
    public Uni<Marked> readAll() {
        return service.markAllRead(user.scope()).map(Marked::new);
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "消息接收设置：适用于本账号的各类消息及是否接收；工作人员的期限提醒不能关闭")
    public Uni<List<SettingView>> preferences() {
        return service.settings(user.scope()).map(NotificationResource::views);
    }

    @PUT
    @Path("/preferences/{kind}")
    @Operation(summary = "开启或关闭一类消息；关闭期限提醒返回 400")
    public Uni<List<SettingView>> choose(@PathParam("kind") NoticeKind kind,
                                         @Valid @NotNull(message = "请求内容不能为空") Choice c) {
        return service.choose(user.scope(), kind, c.enabled()).map(NotificationResource::views);
    }

    @POST
    @Path("/wechat-subscriptions")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "记录居民在小程序中同意的订阅消息（wx.requestSubscribeMessage 每次“允许”可发送一条）；支持 Idempotency-Key")
    public Uni<Response> subscribe(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                   @Valid @NotNull(message = "请求内容不能为空") Subscribe s) {
        return idempotency.create(user.id(), idempotencyKey, "notification.wechat.subscribe", s,
                () -> service.grant(user.scope(), s.kinds()).map(list -> new Idempotency.Created(
                        URI.create("/api/notifications/wechat-subscriptions"),
                        list.stream().map(g -> new GrantView(NoticeKind.valueOf(g.kind), g.remaining)).toList())));
    }

    private static List<SettingView> views(List<NotificationService.Setting> settings) {
        return settings.stream().map(s -> new SettingView(s.kind(), s.kind().label, s.enabled(), s.kind().switchable))
                .toList();
    }
}
