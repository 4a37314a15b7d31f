package org.publiclegal.identity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.identity.CommitteeMembership;
import org.publiclegal.identity.MembershipService;
import org.publiclegal.region.api.RegisterChangeRequest;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.EnteredDate;

import java.time.LocalDate;
import java.util.UUID;

/** 调委会成员: the committees a mediator served in, dated; a move is an end and an add. */
@Cancellable(false)
@Path("/api/staff/{accountId}/memberships")
@Tag(name = "Staff", description = "工作人员账号")
@RolesAllowed({Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.JUDICIAL_OFFICE})
public class MembershipResource {

    /** 加入调委会: which committee, from which day (up to tomorrow), why. */
    public record AddMembershipRequest(
            @NotNull(message = "请选择调委会 committeeId") UUID committeeId,
            @NotNull(message = "请填写加入日期 from") @EnteredDate LocalDate from,
            @NotBlank(message = "请填写原因") @Size(max = 500, message = "原因最多 500 字") String reason) {
    }

    /** One membership: served in {@code committeeId} on [validFrom, validTo) (validTo null: still serving). */
    public record MembershipView(UUID id, UUID accountId, UUID committeeId, LocalDate validFrom, LocalDate validTo,
                                 boolean active, String reason, String endReason) {
        static MembershipView of(CommitteeMembership m) {
            return new MembershipView(m.id, m.accountId, m.organisationId, m.validFrom, m.validTo, m.validTo == null,
                    m.reason, m.endReason);
        }
    }

    private final MembershipService memberships;
    private final CurrentUser user;

    public MembershipResource(MembershipService memberships, CurrentUser user) {
        this.memberships = memberships;
        this.user = user;
    }

    @GET
    @Operation(summary = "某调解员的调委会成员资格（按加入日期，游标分页）")
    public Uni<CursorPage<MembershipView>> list(
            @PathParam("accountId") UUID accountId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        return memberships.list(accountId, user.scope(), cursor, CursorPage.limit(limit))
                .map(page -> new CursorPage<>(page.items().stream().map(MembershipView::of).toList(),
                        page.nextCursor()));
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "加入调委会（司法局限本县，司法所限本乡镇的调委会）：自加入日期起计入该调委会的人民调解员；"
            + "与该调解员其他成员资格重叠的返回 409（调动 = 先结束原成员资格，再加入新调委会）")
    public Uni<MembershipView> add(@PathParam("accountId") UUID accountId,
                                   @Valid @NotNull(message = "请求内容不能为空") AddMembershipRequest request) {
        return memberships.add(new MembershipService.Add(accountId, request.committeeId(), request.from(),
                request.reason()), user.scope(), user.actor()).map(MembershipView::of);
    }

    @POST
    @Path("/{membershipId}/end")
    @Operation(summary = "结束成员资格（退出或调离）：on 为不再任职的第一天，此前各期不变；已结束的返回 409")
    public Uni<MembershipView> end(@PathParam("accountId") UUID accountId, @PathParam("membershipId") UUID membershipId,
                                   @Valid @NotNull(message = "请求内容不能为空") RegisterChangeRequest request) {
        return memberships.end(new MembershipService.Change(accountId, membershipId, request.on(), request.reason()),
                user.scope(), user.actor()).map(MembershipView::of);
    }

    @POST
    @Path("/{membershipId}/reactivation")
    @ResponseStatus(201)
    @Operation(summary = "重新加入已结束成员资格的调委会：自 on 起的新成员资格（原记录保留）；未结束或重叠的返回 409")
    public Uni<MembershipView> reactivate(@PathParam("accountId") UUID accountId,
                                          @PathParam("membershipId") UUID membershipId,
                                          @Valid @NotNull(message = "请求内容不能为空") RegisterChangeRequest request) {
        return memberships.reactivate(new MembershipService.Change(accountId, membershipId, request.on(),
                request.reason()), user.scope(), user.actor()).map(MembershipView::of);
    }
}
