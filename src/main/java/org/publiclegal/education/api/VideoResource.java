package org.publiclegal.education.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.education.CatalogueService;
import org.publiclegal.education.Topic;
import org.publiclegal.education.VideoFeed;
import org.publiclegal.education.VideoFigures;
import org.publiclegal.education.ViewingService;
import org.publiclegal.education.api.EducationRequests.ViewReport;
import org.publiclegal.education.api.EducationViews.ColumnView;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/**
 * 普法视频 for residents (public, no sign-in): the feed with ETag/304, Chinese search, one episode with a
 * signed playback URL, view reports by device, likes for signed-in users; and the viewing figures for staff.
 */
@Cancellable(false)
@Path("/api/videos")
@Tag(name = "Education", description = "普法短视频")
public class VideoResource {

    private static final String REGION = "\\d{12}";

    private final VideoFeed feed;
    private final CatalogueService catalogue;
    private final ViewingService viewing;
    private final VideoFigures figures;
    private final CurrentUser user;
    private final Clock clock;
    private final String cacheControl;

    public VideoResource(VideoFeed feed, CatalogueService catalogue, ViewingService viewing, VideoFigures figures,
                         CurrentUser user, Clock clock, AppConfig config) {
        this.feed = feed;
        this.catalogue = catalogue;
        this.viewing = viewing;
        this.figures = figures;
        this.user = user;
        this.clock = clock;
        this.cacheControl = "public, max-age=" + config.education().feedMaxAgeSeconds();
    }

    @GET
    @PermitAll
    @Operation(summary = "普法视频列表（公开）：按主题、栏目筛选，latest（最新）或 popular（最热，按批量汇总的播放数）排序；q 为中文关键词（标题命中优先）；游标分页；带 ETag，If-None-Match 未变时返回 304")
    @APIResponse(responseCode = "200", description = "一页节目",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VideoFeed.Page.class)))
    @APIResponse(responseCode = "304", description = "与 If-None-Match 相同，内容未变")
    public Uni<Response> list(@QueryParam("topic") String topic, @QueryParam("column") String column,
            @QueryParam("q") @Size(max = 30, message = "关键词最多 30 字") String q,
            @QueryParam("sort") String sort, @QueryParam("cursor") @Size(max = 300, message = "分页游标无效") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 50, message = "limit 最多为 50") Integer limit,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        VideoFeed.FeedQuery query = new VideoFeed.FeedQuery(topic(topic), column(column),
                q == null || q.isBlank() ? null : q.strip(), sort(sort), cursor, limit == null ? 20 : limit);
        return feed.etag(query).chain(etag -> {
            if (VideoFeed.matches(ifNoneMatch, etag)) {
                return Uni.createFrom().item(Response.notModified().header(HttpHeaders.ETAG, etag)
                        .header(HttpHeaders.CACHE_CONTROL, cacheControl).build());
            }
            // the page as the JSON kept for this ETag (serialised once, when it was built)
            return feed.json(query, etag).map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build());
        });
    }

    @GET
    @Path("/columns")
    @PermitAll
    @Operation(summary = "普法视频栏目（公开），可按区域筛选，游标分页")
    public Uni<CursorPage<ColumnView>> columns(
            @QueryParam("region") @Pattern(regexp = REGION, message = "行政区划代码应为 12 位数字") String region,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return catalogue.listColumns(region, cursor, CursorPage.limit(limit))
                .map(p -> new CursorPage<>(p.items().stream().map(ColumnView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "普法视频数据：区域内各栏目、各单位和合计的发布期数、播放人次、观看人数（去重设备）、完播数和完播率；from/to 含首尾，默认本年初至今日（司法所限本乡镇，司法局限本县）")
    public Uni<VideoFigures.Stats> stats(
            @QueryParam("region") @Pattern(regexp = REGION, message = "行政区划代码应为 12 位数字") String region,
            @EnteredDate(DateBounds.Kind.PLANNED) @QueryParam("from") LocalDate from, @EnteredDate(DateBounds.Kind.PLANNED) @QueryParam("to") LocalDate to) {
        AccessScope scope = user.scope();
        String code = region != null ? region : scope.regionCode();
        if (code == null) {
            throw DomainException.invalidField("region", "请用 region 参数指定行政区划代码");
        }
        if (!scope.covers(code)) {
            throw new NotFound("区域", code);
        }
        LocalDate today = LocalDate.now(clock.withZone(TimeSource.CHINA));
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start)) {
            throw DomainException.invalidField("to", "结束日期不能早于开始日期");
        }
        if (ChronoUnit.DAYS.between(start, end) > 3660 || start.getYear() < 2000) {
            throw DomainException.invalidField("from", "查询期间应在 2000 年以后且不超过十年");
        }
        return figures.stats(code, start, end);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "一期普法视频（公开）：简介、法律依据、主讲人、字幕文稿、带有效期的签名播放地址，以及同主题的相关节目")
    public Uni<VideoFeed.Detail> get(@PathParam("id") UUID id) {
        return feed.detail(id);
    }

    @POST
    @Path("/{id}/views")
    @PermitAll
    @Operation(summary = "播放上报（公开，按设备标识；同一设备同一节目每天计一次播放，进度达到完播阈值时计完播；重复上报只更新进度）")
    public Uni<ViewingService.ViewCounted> view(@PathParam("id") UUID id,
                                                @Valid @NotNull(message = "请求内容不能为空") ViewReport request) {
        return viewing.view(id, request.deviceId(), request.progressPercent());
    }

    @PUT
    @Path("/{id}/like")
    @RolesAllowed("**")
    @Operation(summary = "点赞（登录用户；重复点赞不重复计数）")
    public Uni<ViewingService.Likes> like(@PathParam("id") UUID id) {
        return viewing.like(id, user.id());
    }

    @DELETE
    @Path("/{id}/like")
    @RolesAllowed("**")
    @Operation(summary = "取消点赞（登录用户；可重复调用）")
    public Uni<ViewingService.Likes> unlike(@PathParam("id") UUID id) {
        return viewing.unlike(id, user.id());
    }

    private static Topic topic(String topic) {
        if (topic == null || topic.isBlank()) {
            return null;
        }
        try {
            return Topic.valueOf(topic.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("topic", "未知的主题：" + topic);
        }
    }

    private static UUID column(String column) {
        if (column == null || column.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(column.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("column", "栏目编号格式无效");
        }
    }

    private static VideoFeed.Sort sort(String sort) {
        if (sort == null || sort.isBlank() || sort.equalsIgnoreCase("latest")) {
            return VideoFeed.Sort.LATEST;
        }
        if (sort.equalsIgnoreCase("popular")) {
            return VideoFeed.Sort.POPULAR;
        }
        throw DomainException.invalidField("sort", "sort 应为 latest 或 popular");
    }
}
