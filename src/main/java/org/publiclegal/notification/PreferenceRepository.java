package org.publiclegal.notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PreferenceRepository implements PanacheRepositoryBase<Preference, Preference.Key> {

    public Uni<List<Preference>> of(UUID account) {
        return find("accountId", account).list();
    }

    /** Whether the account receives {@code kind}: kinds that cannot be switched off always are. */
    public Uni<Boolean> receives(UUID account, NoticeKind kind) {
        if (!kind.switchable) {
            return Uni.createFrom().item(true);
        }
        return findById(new Preference.Key(account, kind.name())).map(p -> p == null || p.enabled);
    }
}
