package org.publiclegal.testing;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.security.AccessScope;

import java.util.function.Supplier;

/** Calling a service directly from a test, as a staff member: on a Vert.x context, with their scope and name. */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    /** Subscribes on a Vert.x context (what Hibernate Reactive needs) and waits for the item. */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public static AccessScope scope(Account a) {
        return new AccessScope(a.id, a.roleSet(), a.organisationId, a.regionCode);
    }

    public static Actor actor(Account a) {
        return new Actor(a.id, String.join(",", a.roleSet()), null);
    }
}
