package org.publiclegal.shared.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;

import java.util.Set;
import java.util.UUID;

/** The signed-in caller, read from the verified access token. Resources pass what services need. */
@RequestScoped
public class CurrentUser {

    public static final String CLAIM_ORGANISATION = "org";
    public static final String CLAIM_REGION = "region";
    public static final String CLAIM_KIND = "kind";

    private final JsonWebToken jwt;
    private final CurrentVertxRequest request;

    @Inject
    public CurrentUser(JsonWebToken jwt, CurrentVertxRequest request) {
        this.jwt = jwt;
        this.request = request;
    }

    public boolean isAuthenticated() {
        return jwt != null && jwt.getSubject() != null;
    }

    public UUID id() {
        if (!isAuthenticated()) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "请先登录");
        }
        return UUID.fromString(jwt.getSubject());
    }

    public Set<String> roles() {
        return jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    }

    public UUID organisationId() {
        String org = jwt.getClaim(CLAIM_ORGANISATION);
        return org == null ? null : UUID.fromString(org);
    }

    public String regionCode() {
        return jwt.getClaim(CLAIM_REGION);
    }

    public AccessScope scope() {
        return new AccessScope(id(), roles(), organisationId(), regionCode());
    }

    /** Who is acting and from where, for the audit log. Only on endpoints that require a role. */
    public Actor actor() {
        return new Actor(id(), String.join(",", roles()), clientIp());
    }

    /**
     * The caller of a public endpoint, known only by address: such endpoints must not read the token
     * (with lazy authentication that would block the event loop).
     */
    public Actor anonymous() {
        return new Actor(null, null, clientIp());
    }

    public String clientIp() {
        RoutingContext ctx = request.getCurrent();
        if (ctx == null || ctx.request().remoteAddress() == null) {
            return null;
        }
        return ctx.request().remoteAddress().hostAddress();
    }
}
