package org.publiclegal.region;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.Reactivation;

/**
 * 名册历史: the spans a register row served before it was reactivated ({@code register_past_span}, V31), read
 * by the {@code register_*} functions beside the row's current span. Written in the caller's transaction.
 */
@ApplicationScoped
public class RegisterHistory {

    /** The registers with dated rows. */
    public enum Register { ORGANISATION, ACCOUNT, REGION }

    /** Keeps {@code reactivation}'s archived span of {@code objectId}, if it has one. */
    public Uni<Void> keep(Register register, Object objectId, Reactivation reactivation) {
        Reactivation.Span span = reactivation.archived();
        if (span == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into register_past_span (register, object_id, valid_from, valid_to, deactivation_reason)
                        values (:register, :id, :from, :to, :reason)""")
                .setParameter("register", register.name()).setParameter("id", objectId.toString())
                .setParameter("from", span.from()).setParameter("to", span.to())
                .setParameter("reason", span.reason() == null ? "" : span.reason()).executeUpdate()).replaceWithVoid();
    }
}
