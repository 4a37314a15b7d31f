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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
                    throw closedWithoutReason(day);
                }
            }
            return persist(e);
        });
    }

    /** One act to record with {@link #recordAll}: what {@link #record} takes. */
    public record Entry(String kind, String regionCode, UUID organisationId, Instant occurredAt, int quantity,
                        Long amountFen, String sourceType, UUID sourceId) {
    }

    /** Rows of one multi-row insert (10 parameters each, well below the protocol's limit). */
    static final int INSERT_CHUNK = 500;
    private static final String INSERT = "insert into ledger_event (kind, region_code, organisation_id, occurred_at, "
            + "quantity, amount_fen, source_type, source_id, recorded_at, adjustment_reason) values ";
    private static final int COLUMNS = 10;

    /**
     * Records many acts at once, exactly as {@link #record} records each one (the same closed-period rule and reason,
     * the same recording time), with one look-up of the closed periods and one multi-row insert per
     * {@value #INSERT_CHUNK} events in the caller's transaction: the batch entry point of bulk work such as an import.
     */
    public Uni<Void> recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant recordedAt = clock.instant();
        List<PeriodLock.RegionDay> days = entries.stream()
                .map(e -> new PeriodLock.RegionDay(e.regionCode(), LocalDate.ofInstant(e.occurredAt(), TimeSource.CHINA)))
                .toList();
        Uni<Set<PeriodLock.RegionDay>> closed = locks.isResolvable() ? locks.get().closedAmong(days)
                : Uni.createFrom().item(Set.of());
        return closed.chain(closedDays -> {
            String reason = closedDays.isEmpty() ? null : reasons.current();
            List<String> reasonOf = new ArrayList<>(entries.size());
            for (PeriodLock.RegionDay d : days) {
                boolean isClosed = closedDays.contains(d);
                if (isClosed && reason == null) {
                    throw closedWithoutReason(d.day());
                }
                reasonOf.add(isClosed ? reason : null);
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int from = 0; from < entries.size(); from += INSERT_CHUNK) {
                int start = from;
                int end = Math.min(entries.size(), from + INSERT_CHUNK);
                chain = chain.chain(() -> insert(entries.subList(start, end), reasonOf.subList(start, end), recordedAt));
            }
            return chain;
        });
    }

    private Uni<Void> insert(List<Entry> entries, List<String> reasonOf, Instant recordedAt) {
        StringBuilder sql = new StringBuilder(INSERT);
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= COLUMNS; c++) {
                sql.append(c == 1 ? "?" : ", ?").append(i * COLUMNS + c);
            }
            sql.append(')');
        }
        OffsetDateTime recorded = OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC);
        return getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString());
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                int p = i * COLUMNS;
                query.setParameter(p + 1, e.kind());
                query.setParameter(p + 2, e.regionCode());
                query.setParameter(p + 3, e.organisationId());
                query.setParameter(p + 4, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
                query.setParameter(p + 5, e.quantity());
                query.setParameter(p + 6, e.amountFen());
                query.setParameter(p + 7, e.sourceType());
                query.setParameter(p + 8, e.sourceId());
                query.setParameter(p + 9, recorded);
                query.setParameter(p + 10, reasonOf.get(i));
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static DomainException closedWithoutReason(LocalDate day) {
        return new DomainException(ErrorCode.PERIOD_CLOSED, day + " 所在期间已关账：补录或倒签到该期间的记录须在请求头 "
                + AdjustmentReason.HEADER + " 中说明原因（UTF-8 百分号编码），并将作为该期间的调整列出");
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
