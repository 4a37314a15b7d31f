package org.publiclegal.notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WeChatGrantRepository implements PanacheRepositoryBase<WeChatGrant, WeChatGrant.Key> {

    /** Uses one grant of {@code kind}; false when the resident has none left. */
    public Uni<Boolean> take(UUID account, NoticeKind kind) {
        return update("remaining = remaining - 1 where accountId = ?1 and kind = ?2 and remaining > 0", account,
                kind.name()).map(n -> n == 1);
    }

    /** Adds one grant per kind the resident allowed (a kind named twice, two). */
    public Uni<Void> add(UUID account, List<NoticeKind> kinds) {
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into ntf_wechat_grant (account_id, kind, remaining)
                        select :a, k, count(*) from unnest(cast(:kinds as varchar[])) k group by k
                        on conflict (account_id, kind) do update set remaining = ntf_wechat_grant.remaining + excluded.remaining""")
                .setParameter("a", account)
                .setParameter("kinds", kinds.stream().map(Enum::name).toArray(String[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<WeChatGrant>> of(UUID account) {
        return find("accountId = ?1 order by kind", account).list();
    }
}
