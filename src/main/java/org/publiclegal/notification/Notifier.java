package org.publiclegal.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.config.AppConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes notices. Call inside the transaction of the change that causes them: the notice, the supersession of
 * the recipient's older notices about the same matter and the WeChat outbox row commit or roll back with it.
 * A kind the recipient switched off is not written (their older notices about the matter are still superseded).
 * A 订阅消息 is queued only when a template is configured for the kind and the resident has a grant left.
 */
@ApplicationScoped
public class Notifier {

    private final NoticeRepository notices;
    private final OutboxRepository outbox;
    private final PreferenceRepository preferences;
    private final WeChatGrantRepository grants;
    private final AppConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public Notifier(NoticeRepository notices, OutboxRepository outbox, PreferenceRepository preferences,
                    WeChatGrantRepository grants, AppConfig config, MeterRegistry metrics, Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.preferences = preferences;
        this.grants = grants;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What to tell: a notice's kind, matter, title, text and the link to the matter's detail. */
    public record Message(NoticeKind kind, UUID subjectId, String title, String body, String link) {
    }

    /** Sends {@code m} to one account; null when the recipient switched its kind off. */
    public Uni<Notice> send(UUID recipient, Message m) {
        return send(recipient, m, true);
    }

    /**
     * Sends {@code m} about a matter created in this transaction (its id was just generated): the same as
     * {@link #send} without superseding, since no older notice about it can exist.
     */
    public Uni<Notice> sendAboutNew(UUID recipient, Message m) {
        return send(recipient, m, false);
    }

    private Uni<Notice> send(UUID recipient, Message m, boolean supersedeOlder) {
        Instant now = clock.instant();
        return preferences.receives(recipient, m.kind()).chain(receives -> {
            if (!receives) {
                return (supersedeOlder ? supersede(recipient, m.subjectId(), null, now) : Uni.createFrom().voidItem())
                        .replaceWith((Notice) null);
            }
            Notice n = new Notice();
            n.recipientId = recipient;
            n.kind = m.kind();
            n.subjectId = m.subjectId();
            n.title = cut(m.title(), 60);
            n.body = cut(m.body(), 500);
            n.link = m.link();
            n.createdAt = now;
            return notices.persistAndFlush(n)
                    .call(saved -> supersedeOlder ? supersede(recipient, m.subjectId(), saved.id, now)
                            : Uni.createFrom().voidItem())
                    .call(saved -> queueWeChat(saved, now))
                    .invoke(saved -> metrics.counter("notify.notices", "kind", m.kind().name()).increment());
        });
    }

    /** Sends {@code m} to each account, one after the other (one session). */
    public Uni<Void> sendAll(List<UUID> recipients, Message m) {
        return Multi.createFrom().iterable(recipients).onItem().transformToUniAndConcatenate(r -> send(r, m))
                .collect().last().replaceWithVoid();
    }

    /**
     * New work for staff about a matter created in this transaction, in one statement: a notice for each account
     * {@code who} chooses, except those who switched the kind off. Nothing is superseded (nothing about the matter
     * can exist yet) and no WeChat message is queued (staff kinds have none: {@link NoticeKind#forResidents}).
     * Answers how many notices were written.
     */
    public Uni<Integer> newWork(Recipients.Who who, Message m) {
        if (m.kind().forResidents) {
            throw new IllegalArgumentException(m.kind() + " is a residents' kind: use sendAboutNew");
        }
        if (who.nobody()) {
            return Uni.createFrom().item(0);
        }
        String sql = "insert into ntf_notice (recipient_id, kind, subject_id, title, body, link, created_at) "
                + "select a.id, :kind, :subject, :title, :body, :link, :now from account a where " + who.sqlCondition()
                + (m.kind().switchable ? " and not exists (select 1 from ntf_preference p where p.account_id = a.id "
                + "and p.kind = :kind and not p.enabled)" : "");
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql).setParameter("kind", m.kind().name()).setParameter("subject", m.subjectId())
                    .setParameter("title", cut(m.title(), 60)).setParameter("body", cut(m.body(), 500))
                    .setParameter("link", m.link())
                    .setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            who.parameters().forEach(q::setParameter);
            return q.executeUpdate();
        }).invoke(n -> metrics.counter("notify.notices", "kind", m.kind().name()).increment(n));
    }

    /** Marks the recipient's current notices about a matter superseded: nothing about it is still to do. */
    public Uni<Void> supersede(UUID recipient, UUID subject, Long by, Instant now) {
        return subject == null ? Uni.createFrom().voidItem()
                : notices.supersede(recipient, subject, by, now).replaceWithVoid();
    }

    private Uni<Void> queueWeChat(Notice n, Instant now) {
        if (!n.kind.forResidents || !config.notifications().templates().containsKey(n.kind.name())) {
            return Uni.createFrom().voidItem();
        }
        return grants.take(n.recipientId, n.kind).chain(granted -> {
            if (!granted) {
                return Uni.createFrom().voidItem();
            }
            OutboxMessage o = new OutboxMessage();
            o.noticeId = n.id;
            o.channel = "WECHAT";
            o.status = OutboxMessage.Status.PENDING;
            o.nextAttemptAt = now;
            o.createdAt = now;
            return outbox.persist(o).replaceWithVoid();
        });
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
