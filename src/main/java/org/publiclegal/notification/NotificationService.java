package org.publiclegal.notification;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The inbox, the "my matters" list, preferences, WeChat grants and the administrator's dead letters. */
@ApplicationScoped
public class NotificationService {

    private final NoticeRepository notices;
    private final MatterRepository matters;
    private final PreferenceRepository preferences;
    private final WeChatGrantRepository grants;
    private final OutboxRepository outbox;
    private final Clock clock;

    public NotificationService(NoticeRepository notices, MatterRepository matters, PreferenceRepository preferences,
                               WeChatGrantRepository grants, OutboxRepository outbox, Clock clock) {
        this.notices = notices;
        this.matters = matters;
        this.preferences = preferences;
        this.grants = grants;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One kind and whether the account receives it. */
    public record Setting(NoticeKind kind, boolean enabled) {
    }

    /** A dead letter with its notice. */
    public record DeadLetter(OutboxMessage message, Notice notice) {
    }

    @WithSession
    public Uni<CursorPage<Notice>> inbox(AccessScope scope, String cursor, int limit, boolean unreadOnly) {
        List<String> after = Cursor.decode(cursor, 1);
        Long before = after.isEmpty() ? null : parseLong(after.get(0));
        return notices.page(scope.accountId(), before, unreadOnly, limit)
                .map(rows -> CursorPage.of(rows, limit, n -> Cursor.encode(n.id), n -> n));
    }

    @WithSession
    public Uni<Long> unread(AccessScope scope) {
        return notices.unread(scope.accountId());
    }

    /** Marks one of the caller's notices read; anyone else's is 404. */
    @WithTransaction
    public Uni<Notice> markRead(long id, AccessScope scope) {
        return notices.findById(id).map(n -> {
            // an inbox is its owner's alone: anyone else's notice does not exist for the caller
            if (n == null || !n.recipientId.equals(scope.accountId())) {
                throw new NotFound("消息", id);
            }
            n.markRead(clock.instant());
            return n;
        });
    }

    @WithTransaction
    public Uni<Integer> markAllRead(AccessScope scope) {
        return notices.markAllRead(scope.accountId(), clock.instant());
    }

    /** Every kind that applies to the caller, with their choice. */
    @WithSession
    public Uni<List<Setting>> settings(AccessScope scope) {
        boolean resident = scope.isResident();
        return preferences.of(scope.accountId()).map(rows -> {
            Map<String, Boolean> chosen = rows.stream().collect(Collectors.toMap(p -> p.kind, p -> p.enabled));
            return Arrays.stream(NoticeKind.values()).filter(k -> k.appliesTo(resident))
                    .map(k -> new Setting(k, !k.switchable || chosen.getOrDefault(k.name(), true))).toList();
        });
    }

    /** Switches a kind on or off; deadline notices cannot be switched off (400), another role's kind is 400. */
    @WithTransaction
    public Uni<List<Setting>> choose(AccessScope scope, NoticeKind kind, boolean enabled) {
        if (!kind.appliesTo(scope.isResident())) {
            throw DomainException.invalidField("kind", "该消息类型不适用于您的账号");
        }
        if (!kind.switchable && !enabled) {
            throw DomainException.rule("期限提醒（" + kind.label + "）不能关闭");
        }
        return preferences.findById(new Preference.Key(scope.accountId(), kind.name())).chain(p -> {
            Preference row = p;
            if (row == null) {
                row = new Preference();
                row.accountId = scope.accountId();
                row.kind = kind.name();
            }
            row.enabled = enabled;
            return preferences.persist(row);
        }).chain(() -> settings(scope));
    }

    /** The resident allowed these kinds in {@code wx.requestSubscribeMessage}: one message each. */
    @WithTransaction
    public Uni<List<WeChatGrant>> grant(AccessScope scope, List<NoticeKind> kinds) {
        if (kinds.stream().anyMatch(k -> !k.forResidents)) {
            throw DomainException.invalidField("kinds", "只能订阅居民消息类型");
        }
        return grants.add(scope.accountId(), kinds).chain(() -> grants.of(scope.accountId()));
    }

    @WithSession
    public Uni<CursorPage<Matter>> matters(AccessScope scope, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 3);
        Integer urgency = null;
        Instant sort = null;
        UUID id = null;
        if (!after.isEmpty()) {
            try {
                urgency = Integer.parseInt(after.get(0));
                sort = Instant.parse(after.get(1));
                id = UUID.fromString(after.get(2));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
        }
        return matters.page(scope.accountId(), urgency, sort, id, limit)
                .map(rows -> CursorPage.of(rows, limit, m -> Cursor.encode(m.urgency, m.sortAt, m.id), m -> m));
    }

    @WithSession
    public Uni<CursorPage<DeadLetter>> deadLetters(String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        Long before = after.isEmpty() ? null : parseLong(after.get(0));
        return outbox.dead(before, limit).chain(rows -> (rows.isEmpty() ? Uni.createFrom().item(List.<Notice>of())
                        : notices.list("id in ?1", rows.stream().map(o -> o.noticeId).toList()))
                .map(ns -> {
                    Map<Long, Notice> byId = ns.stream().collect(Collectors.toMap(n -> n.id, n -> n));
                    return CursorPage.of(rows, limit, o -> Cursor.encode(o.id), o -> new DeadLetter(o, byId.get(o.noticeId)));
                }));
    }

    /** An administrator sends a dead letter again. */
    @WithTransaction
    public Uni<OutboxMessage> retry(long id) {
        return outbox.findById(id).map(o -> {
            if (o == null) {
                throw new NotFound("待发消息", id);
            }
            o.retry(clock.instant());
            return o;
        });
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
    }
}
