package org.publiclegal.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.config.AppConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Delivers the outbox. A run claims a small batch of due messages with {@code FOR UPDATE SKIP LOCKED} and moves
 * their next attempt a lease ahead in the claiming transaction, so no other replica takes them while they are
 * sent; then sends each (outside any transaction) and records the outcome: SENT, REFUSED, retry later with
 * back-off, or DEAD after the attempt limit. Counts go to {@code notify_wechat_delivery_total{outcome}}.
 */
@ApplicationScoped
public class OutboxDelivery {

    private final WeChatMessenger messenger;
    private final OutboxRepository outbox;
    private final AppConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public OutboxDelivery(WeChatMessenger messenger, OutboxRepository outbox, AppConfig config, MeterRegistry metrics,
                          Clock clock) {
        this.messenger = messenger;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A claimed message with what sending it needs. */
    record Claimed(long id, int attempts, long noticeId, String kind, String title, String body, Instant createdAt,
                   String openid) {
    }

    @Scheduled(every = "${app.notifications.deliver-every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> scheduled() {
        return config.notifications().wechatDelivery() ? deliver().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    /** One run: claims and sends up to a batch; answers how many were handled. */
    public Uni<Integer> deliver() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> claim(now)).chain(batch -> Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(this::attempt)
                .collect().asList()
                .invoke(done -> {
                    if (!done.isEmpty()) {
                        Log.infof("Outbox: %d WeChat messages handled by this instance (%s)", done.size(),
                                done.stream().collect(java.util.stream.Collectors.groupingBy(o -> o,
                                        java.util.TreeMap::new, java.util.stream.Collectors.counting())));
                    }
                })
                .map(List::size));
    }

    private Uni<List<Claimed>> claim(Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update ntf_outbox o set next_attempt_at = :lease, attempts = o.attempts + 1, version = o.version + 1
                        from (select x.id from ntf_outbox x where x.status = 'PENDING' and x.next_attempt_at <= :now
                              order by x.next_attempt_at, x.id limit :batch for update skip locked) c,
                             ntf_notice n join account a on a.id = n.recipient_id
                        where o.id = c.id and n.id = o.notice_id
                        returning o.id, o.attempts, n.id, n.kind, n.title, n.body, n.created_at, a.wechat_openid""",
                        Object[].class)
                .setParameter("lease", utc(now.plus(config.notifications().claimLease())))
                .setParameter("now", utc(now))
                .setParameter("batch", config.notifications().deliveryBatch())
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                        ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5], instant(r[6]),
                        (String) r[7])).toList()));
    }

    /** Sends one claimed message and records the outcome; answers it (sent, refused, retry, dead). */
    private Uni<String> attempt(Claimed c) {
        String template = config.notifications().templates().get(c.kind());
        Uni<WeChatMessenger.Result> sent = template == null || c.openid() == null
                ? Uni.createFrom().item(new WeChatMessenger.Result(WeChatErrors.Outcome.PERMANENT,
                template == null ? "no template for " + c.kind() : "no openid"))
                : messenger.send(new WeChatMessenger.Outgoing(c.openid(), template,
                config.notifications().page() + "?notice=" + c.noticeId(), c.title(), c.body(), c.createdAt()));
        return sent.chain(r -> record(c, r));
    }

    private Uni<String> record(Claimed c, WeChatMessenger.Result r) {
        Instant now = clock.instant();
        Backoff backoff = new Backoff(config.notifications().maxAttempts(), config.notifications().retryBase(),
                config.notifications().retryCap(), config.notifications().rateLimitPause());
        return Panache.withTransaction(() -> outbox.findById(c.id()).chain(o -> {
            switch (r.outcome()) {
                case SENT -> {
                    o.status = OutboxMessage.Status.SENT;
                    o.sentAt = now;
                    o.lastError = null;
                }
                case REFUSED -> {
                    o.status = OutboxMessage.Status.REFUSED;
                    o.lastError = r.detail();
                }
                default -> {
                    Instant next = backoff.next(o.attempts, r.outcome(), now);
                    o.lastError = r.detail();
                    if (next == null) {
                        o.status = OutboxMessage.Status.DEAD;
                        Log.warnf("Outbox message %d is a dead letter after %d attempts (%s)", o.id, o.attempts, r.detail());
                    } else {
                        o.nextAttemptAt = next;
                    }
                }
            }
            String outcome = o.status == OutboxMessage.Status.PENDING ? "retry" : o.status.name().toLowerCase();
            metrics.counter("notify.wechat.delivery", "outcome", outcome).increment();
            return Uni.createFrom().item(outcome);
        }));
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }

}
