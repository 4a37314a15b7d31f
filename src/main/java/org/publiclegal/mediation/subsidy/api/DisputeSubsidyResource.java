package org.publiclegal.mediation.subsidy.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.mediation.subsidy.SubsidyCaseService;
import org.publiclegal.mediation.subsidy.api.SubsidyViews.SubsidyCaseView;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.util.UUID;

/** What 以案奖补 needs of a successful dispute, recorded by the committee's mediator. */
@Cancellable(false)
@Path("/api/mediation/disputes")
@Tag(name = "Mediation", description = "掌上调解")
public class DisputeSubsidyResource {

    private final SubsidyCaseService cases;
    private final CurrentUser user;

    public DisputeSubsidyResource(SubsidyCaseService cases, CurrentUser user) {
        this.cases = cases;
        this.user = user;
    }

    @POST
    @Path("/{id}/subsidy-tier")
    @RolesAllowed(Roles.MEDIATOR)
    @Operation(summary = "评定调解成功案件的难易档次（以案奖补；本调委会调解员）")
    public Uni<SubsidyCaseView> setTier(@PathParam("id") UUID id,
                                        @Valid @NotNull(message = "请求内容不能为空") SubsidyRequests.SetTier request) {
        return cases.setTier(id, request.tier(), user.scope(), user.actor()).map(SubsidyCaseView::of);
    }
}
