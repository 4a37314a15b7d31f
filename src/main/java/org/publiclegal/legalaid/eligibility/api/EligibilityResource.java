package org.publiclegal.legalaid.eligibility.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.legalaid.eligibility.EligibilityResult;
import org.publiclegal.legalaid.eligibility.EligibilityService;

/** 法律援助条件自测: public, no account needed; nothing is stored. */
@Cancellable(false)
@Path("/api/aid/eligibility-check")
@Tag(name = "Legal aid", description = "法律援助")
public class EligibilityResource {

    private final EligibilityService service;

    public EligibilityResource(EligibilityService service) {
        this.service = service;
    }

    @POST
    @PermitAll
    @Operation(summary = "法律援助条件自测：逐条说明是否可能符合条件及法律依据（无需登录）")
    public Uni<EligibilityResult> check(@Valid @NotNull(message = "请求内容不能为空") EligibilityCheckRequest request) {
        return service.check(request.toInput());
    }
}
