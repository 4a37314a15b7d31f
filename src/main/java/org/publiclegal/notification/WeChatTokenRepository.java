package org.publiclegal.notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class WeChatTokenRepository implements PanacheRepositoryBase<WeChatToken, Short> {

    static final short ROW = 1;

    public Uni<WeChatToken> read() {
        return findById(ROW);
    }

    /** The row, locked until the transaction ends: only one replica refreshes at a time. */
    public Uni<WeChatToken> locked() {
        return findById(ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Forgets a token WeChat called invalid or expired (only if no one has replaced it meanwhile). */
    public Uni<Integer> invalidate(String token) {
        return update("expiresAt = null where id = ?1 and accessToken = ?2", ROW, token);
    }
}
