package org.publiclegal.identity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.identity.ProfileService;
import org.publiclegal.identity.api.ProfileViews.ProfileView;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.util.UUID;

/** Residents as staff see them: only within their region scope, masked unless an audited read is made. */
@Cancellable(false)
@Path("/api/residents")
@Tag(name = "Residents", description = "群众实名信息（工作人员，按辖区）")
@RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.AID_OFFICER, Roles.MEDIATOR})
public class ResidentResource {

    private final ProfileService profiles;
    private final CurrentUser user;

    public ResidentResource(ProfileService profiles, CurrentUser user) {
        this.profiles = profiles;
        this.user = user;
    }

    @GET
    @Operation(summary = "辖区内群众（打码），游标分页")
    public Uni<CursorPage<ProfileView>> list(
            @QueryParam("village") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String village,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Min(value = 1, message = "limit 至少为 1") @Max(value = 100, message = "limit 最多为 100") Integer limit) {
        int size = CursorPage.limit(limit);
        return profiles.residents(user.scope(), village, cursor, size)
                .map(page -> new CursorPage<>(page.items().stream().map(d -> ProfileView.of(d, true)).toList(),
                        page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RESIDENT, Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN, Roles.AID_OFFICER,
            Roles.MEDIATOR})
    @Operation(summary = "一位群众的实名信息：本人不打码，辖区工作人员打码，其他人 404")
    public Uni<ProfileView> get(@PathParam("id") UUID id) {
        boolean owner = user.scope().isResident();
        return profiles.view(id, user.scope()).map(d -> ProfileView.of(d, !owner));
    }

    @GET
    @Path("/{id}/personal-data")
    @Operation(summary = "查看未打码的实名信息：须说明事由，每次查看均记入审计日志")
    public Uni<ProfileView> unmasked(@PathParam("id") UUID id,
                                     @QueryParam("reason") @NotBlank(message = "请说明查看事由")
                                     @Size(max = 200, message = "事由最多 200 字") String reason) {
        return profiles.unmaskedForStaff(id, reason, user.scope(), user.actor()).map(d -> ProfileView.of(d, false));
    }
}
