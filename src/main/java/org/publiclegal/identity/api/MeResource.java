package org.publiclegal.identity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.identity.ProfileService;
import org.publiclegal.identity.api.ProfileViews.MeView;
import org.publiclegal.identity.api.ProfileViews.ProfileView;
import org.publiclegal.identity.api.ProfileViews.UpdateProfileRequest;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

/** The signed-in user's own account and real-name profile. */
@Cancellable(false)
@Path("/api/me")
@Tag(name = "Me", description = "我的账号与实名信息")
public class MeResource {

    private final ProfileService profiles;
    private final CurrentUser user;

    public MeResource(ProfileService profiles, CurrentUser user) {
        this.profiles = profiles;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.RESIDENT, Roles.MEDIATOR, Roles.AID_OFFICER, Roles.LAWYER, Roles.JUDICIAL_OFFICE,
            Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "当前账号（群众含本人实名信息，不打码）")
    public Uni<MeView> me() {
        return profiles.me(user.id()).map(m -> MeView.of(m.account(), m.profile()));
    }

    @PUT
    @Path("/profile")
    @RolesAllowed(Roles.RESIDENT)
    @Operation(summary = "填写或修改本人实名信息（身份证号按 GB 11643 校验；加密保存）")
    public Uni<ProfileView> updateProfile(@Valid @NotNull(message = "请求内容不能为空") UpdateProfileRequest request) {
        return profiles.updateOwnProfile(user.id(), request.realName().strip(), request.idNumber(), request.mobile(),
                        request.address(), request.homeVillageCode(), user.actor())
                .map(d -> ProfileView.of(d, false));
    }
}
