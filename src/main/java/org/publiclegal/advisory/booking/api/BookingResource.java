package org.publiclegal.advisory.booking.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.advisory.AdvisoryQueries;
import org.publiclegal.advisory.ServiceKind;
import org.publiclegal.advisory.ServiceMode;
import org.publiclegal.advisory.booking.Booking;
import org.publiclegal.advisory.booking.BookingService;
import org.publiclegal.advisory.booking.BookingStatus;
import org.publiclegal.advisory.booking.BookingTopic;
import org.publiclegal.shared.idempotency.Idempotency;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/** 预约法律顾问: book a free slot, the advisor's and resident's steps, 好差评 and the 司法所's callback. */
@Cancellable(false)
@Path("/api/advisor/bookings")
@Tag(name = "Advisory", description = "村（居）法律顾问")
public class BookingResource {

    private final BookingService bookings;
    private final AdvisoryQueries queries;
    private final Idempotency idempotency;
    private final CurrentUser user;
    private final Clock clock;

    public BookingResource(BookingService bookings, AdvisoryQueries queries, Idempotency idempotency, CurrentUser user,
                           Clock clock) {
        this.bookings = bookings;
        this.queries = queries;
        this.idempotency = idempotency;
        this.user = user;
        this.clock = clock;
    }

    /** A free slot of an advisor ({@code startsAt} as listed by the slots endpoint). */
    public record BookSlot(
            @NotNull(message = "请选择法律顾问") UUID advisorId,
            @EnteredDate(DateBounds.Kind.PLANNED) @NotNull(message = "请选择预约时段") Instant startsAt,
            @NotNull(message = "请选择服务方式") ServiceMode mode,
            @NotNull(message = "请选择咨询事项") BookingTopic topic,
            @NotBlank(message = "请简要描述需要咨询的问题") @Size(max = 500, message = "问题描述最多 500 字") String description,
            @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String villageCode) {
    }

    public record Reason(@NotBlank(message = "请填写原因") @Size(max = 300, message = "原因最多 300 字") String reason) {
    }

    public record OptionalReason(@Size(max = 300, message = "原因最多 300 字") String reason) {
    }

    public record Complete(ServiceKind kind,
                           @NotBlank(message = "请填写服务内容摘要") @Size(max = 2000, message = "摘要最多 2000 字") String summary,
                           @Min(value = 0, message = "服务人数不能为负数") @Max(value = 1000, message = "服务人数最多 1000") Integer personsServed) {
    }

    public record Rate(@NotNull(message = "请评分") @Min(value = 1, message = "评分为 1 至 5") @Max(value = 5, message = "评分为 1 至 5") Integer rating,
                       @Size(max = 500, message = "评价最多 500 字") String comment) {
    }

    public record Callback(@NotBlank(message = "请填写回访情况和处理结果") @Size(max = 1000, message = "最多 1000 字") String note) {
    }

    public record BookingView(UUID id, UUID advisorId, UUID residentId, String residentName, String villageCode,
                              ServiceMode mode, BookingTopic topic, String topicLabel, String description,
                              Instant startsAt, Instant endsAt, BookingStatus status, List<String> allowed,
                              Instant createdAt, Instant decidedAt, String declineReason, Instant cancelledAt,
                              boolean lateCancellation, String cancelReason, Instant closedAt, UUID serviceRecordId,
                              Integer rating, String ratingComment, Instant ratedAt, Instant callbackDueAt,
                              Instant callbackAt, String callbackNote) {
        static BookingView of(Booking b, String description, String residentName) {
            return new BookingView(b.id, b.advisorId, b.residentId, residentName, b.villageCode, b.mode, b.topic,
                    b.topic.label, description, b.startsAt, b.endsAt, b.status, b.status.actions(), b.createdAt,
                    b.decidedAt, b.declineReason, b.cancelledAt, b.lateCancellation, b.cancelReason, b.closedAt,
                    b.serviceRecordId, b.rating == null ? null : b.rating.intValue(), b.ratingComment, b.ratedAt,
                    b.callbackDueAt, b.callbackAt, b.callbackNote);
        }

        static BookingView of(Booking b) {
            return of(b, null, null);
        }
    }

    @POST
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "预约法律顾问：选择可预约时段、服务方式、咨询事项并简述问题（电话、视频须填所在村（社区））；时段已被他人预约时返回 409；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已预约，待顾问确认",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "409", description = "时段已被预约或不再开放，或未完成的预约已达上限")
    public Uni<Response> book(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                              @Valid @NotNull(message = "请求内容不能为空") BookSlot r) {
        return idempotency.create(user.id(), idempotencyKey, "advisory.booking.book", r,
                () -> bookings.book(new BookingService.Request(r.advisorId(), r.startsAt(), r.mode(), r.topic(),
                                r.description().strip(), r.villageCode()), user.scope())
                        .map(b -> new Idempotency.Created(URI.create("/api/advisor/bookings/" + b.id),
                                BookingView.of(b, r.description().strip(), null))));
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "预约列表（居民：本人的；顾问：本人被预约的；司法所、司法局：本辖区的），时段新到旧，游标分页")
    public Uni<CursorPage<BookingView>> list(@QueryParam("status") BookingStatus status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return bookings.list(user.scope(), status, cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(BookingView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("/bad-ratings")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "待回访的差评（1–2 分）：本辖区，回访期限早的在前，逾期标出")
    public Uni<List<AdvisoryQueries.BadRating>> badRatings(
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return queries.openBadRatings(user.scope(), clock.instant(), CursorPage.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.LAWYER, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "一次预约：居民和顾问可见问题描述（顾问查看记入审计），司法所、司法局只见脱敏信息")
    public Uni<BookingView> get(@PathParam("id") UUID id) {
        return bookings.get(id, user.scope(), user.actor()).map(s -> BookingView.of(s.booking(), s.description(),
                s.residentName()));
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed(Roles.LAWYER)
    @Operation(summary = "顾问确认预约")
    public Uni<BookingView> confirm(@PathParam("id") UUID id) {
        return bookings.confirm(id, user.scope()).map(BookingView::of);
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.LAWYER)
    @Operation(summary = "顾问婉拒预约（须填写原因），时段重新开放")
    public Uni<BookingView> decline(@PathParam("id") UUID id, @Valid @NotNull(message = "请求内容不能为空") Reason r) {
        return bookings.decline(id, r.reason().strip(), user.scope()).map(BookingView::of);
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "居民取消预约：开始前 2 小时（可配置）以内取消记为迟取消")
    public Uni<BookingView> cancel(@PathParam("id") UUID id, @Valid OptionalReason r) {
        return bookings.cancel(id, r == null ? null : r.reason(), user.scope()).map(BookingView::of);
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed(Roles.LAWYER)
    @Operation(summary = "顾问标记居民未到（时段开始后）")
    public Uni<BookingView> noShow(@PathParam("id") UUID id) {
        return bookings.noShow(id, user.scope()).map(BookingView::of);
    }

    @POST
    @Path("/{id}/completion")
    @RolesAllowed(Roles.LAWYER)
    @Operation(summary = "顾问完成预约服务（时段开始后），同时生成服务记录（默认类型：法律咨询）")
    public Uni<BookingView> complete(@PathParam("id") UUID id, @Valid @NotNull(message = "请求内容不能为空") Complete c) {
        return bookings.complete(id, new BookingService.Completion(c.kind(), c.summary().strip(),
                c.personsServed() == null ? 1 : c.personsServed()), user.scope(), user.actor()).map(BookingView::of);
    }

    @POST
    @Path("/{id}/rating")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "好差评：居民对已完成的预约评分一次（1–5 分），1–2 分为差评，司法所须在 1 个工作日内回访")
    public Uni<BookingView> rate(@PathParam("id") UUID id, @Valid @NotNull(message = "请求内容不能为空") Rate r) {
        return bookings.rate(id, r.rating(), r.comment(), user.scope()).map(BookingView::of);
    }

    @POST
    @Path("/{id}/callback")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN})
    @Operation(summary = "司法所记录差评回访情况和处理结果")
    public Uni<BookingView> callback(@PathParam("id") UUID id, @Valid @NotNull(message = "请求内容不能为空") Callback c) {
        return bookings.callback(id, c.note().strip(), user.scope(), user.actor()).map(BookingView::of);
    }
}
