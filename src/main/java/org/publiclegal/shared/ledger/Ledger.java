package org.publiclegal.shared.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The one small API every module uses to record a countable act. Call it inside the service method's
 * transaction, so the event commits or rolls back with the change it counts. Each module documents its
 * event kinds (e.g. {@code legalaid.LegalAidEvents}).
 * <p>
 * 关账: a new event dated inside a closed period of its county is refused (409 {@code PERIOD_CLOSED}) unless the
 * request gives its reason ({@link AdjustmentReason}); it is then kept with the reason and listed as an adjustment of
 * the closed period. Corrections ({@link #reverse}) are dated like their original and need no reason.
 */
@ApplicationScoped
@WithSession
public class Ledger implements PanacheRepository<LedgerEvent> {

    private final Clock clock;
    private final Instance<PeriodLock> locks;
    private final AdjustmentReason reasons;

    public Ledger(Clock clock, Instance<PeriodLock> locks, AdjustmentReason reasons) {
        this.clock = clock;
        this.locks = locks;
        this.reasons = reasons;
    }

    /** Records one occurrence (quantity 1) of {@code kind}. */
    public Uni<LedgerEvent> record(String kind, String regionCode, UUID organisationId, Instant occurredAt,
                                   String sourceType, UUID sourceId) {
        return record(kind, regionCode, organisationId, occurredAt, 1, null, sourceType, sourceId);
    }

    /**
     * Records an act counted {@code quantity} times (e.g. a consultation of three people is 3 人次) and, where
     * it matters, an amount in fen.
     */
    public Uni<LedgerEvent> record(String kind, String regionCode, UUID organisationId, Instant occurredAt,
                                   int quantity, Long amountFen, String sourceType, UUID sourceId) {
        LedgerEvent e = new LedgerEvent();
        e.kind = kind;
        e.regionCode = regionCode;
        e.organisationId = organisationId;
        e.occurredAt = occurredAt;
        e.quantity = quantity;
        e.amountFen = amountFen;
        e.sourceType = sourceType;
        e.sourceId = sourceId;
        e.recordedAt = clock.instant();
        LocalDate day = LocalDate.ofInstant(occurredAt, TimeSource.CHINA);
        Uni<Boolean> closed = locks.isResolvable() ? locks.get().isClosed(regionCode, day) : Uni.createFrom().item(false);
        return closed.chain(isClosed -> {
            if (isClosed) {
                e.adjustmentReason = reasons.current();
                if (e.adjustmentReason == null) {
                    throw new DomainException(ErrorCode.PERIOD_CLOSED, day + " 所在期间已关账：补录或倒签到该期间的记录须在请求头 "
                            + AdjustmentReason.HEADER + " 中说明原因（UTF-8 百分号编码），并将作为该期间的调整列出");
                }
            }
            return persist(e);
        });
    }

    /**
     * Cancels the latest uncorrected event of {@code kind} for a source with a negative twin (same region,
     * organisation, amount and occurrence time, so the period it was counted in drops back), recorded now and
     * pointing at the original: totals change traceably, history is never rewritten. Does nothing if there is none.
     */
    public Uni<Void> reverse(String kind, String sourceType, UUID sourceId, Instant at) {
        return find("from LedgerEvent e where e.kind = ?1 and e.sourceType = ?2 and e.sourceId = ?3 "
                        + "and e.quantity > 0 and not exists (select 1 from LedgerEvent c where c.correctsId = e.id) "
                        + "order by e.id desc", kind, sourceType, sourceId).firstResult().chain(original -> {
            if (original == null) {
                return Uni.createFrom().voidItem();
            }
            LedgerEvent e = new LedgerEvent();
            e.kind = original.kind;
            e.regionCode = original.regionCode;
            e.organisationId = original.organisationId;
            e.occurredAt = original.occurredAt;
            e.quantity = -original.quantity;
            e.amountFen = original.amountFen == null ? null : -original.amountFen;
            e.sourceType = sourceType;
            e.sourceId = sourceId;
            e.correctsId = original.id;
            e.recordedAt = clock.instant();
            return persist(e).replaceWithVoid();
        });
    }
}
