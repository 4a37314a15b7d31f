package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

import java.util.UUID;

@ApplicationScoped
@WithSession
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    /** {@code limit + 1} rows of (account, username) for an HQL query over staff. */
    public Uni<List<Object[]>> staffPage(String query, Map<String, Object> params, int limit) {
        return getSession().chain(s -> {
            var q = s.createSelectionQuery(query, Object[].class);
            params.forEach(q::setParameter);
            return q.setMaxResults(limit + 1).getResultList();
        });
    }

    public Uni<Account> findByOpenid(String openid) {
        return find("wechatOpenid", openid).firstResult();
    }
}
