package org.publiclegal.notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NoticeRepository implements PanacheRepository<Notice> {

    /** An inbox page, newest first (keyset on id over {@code ntf_notice_inbox_idx}). */
    public Uni<List<Notice>> page(UUID recipient, Long beforeId, boolean unreadOnly, int limit) {
        String where = "recipientId = :r" + (beforeId == null ? "" : " and id < :before")
                + (unreadOnly ? " and readAt is null and supersededAt is null" : "");
        Parameters p = Parameters.with("r", recipient);
        if (beforeId != null) {
            p = p.and("before", beforeId);
        }
        return find(where + " order by id desc", p).page(0, limit + 1).list();
    }

    public Uni<Long> unread(UUID recipient) {
        return count("recipientId = ?1 and readAt is null and supersededAt is null", recipient);
    }

    /** Marks the recipient's current notices about {@code subject} superseded (by {@code by}, when given). */
    public Uni<Integer> supersede(UUID recipient, UUID subject, Long by, Instant now) {
        if (by == null) {
            return update("supersededAt = ?1 where recipientId = ?2 and subjectId = ?3 and supersededAt is null",
                    now, recipient, subject);
        }
        return update("supersededAt = ?1, supersededBy = ?2 where recipientId = ?3 and subjectId = ?4 "
                + "and supersededAt is null and id <> ?2", now, by, recipient, subject);
    }

    public Uni<Integer> markAllRead(UUID recipient, Instant now) {
        return update("readAt = ?1 where recipientId = ?2 and readAt is null", now, recipient);
    }
}
