package org.publiclegal.advisory.booking;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.persistence.HqlEnums;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    /** The longest a booking can last (a slot is at most 240 minutes): the index range's lower bound. */
    static final Duration LONGEST_BOOKING = Duration.ofDays(1);

    /**
     * The periods of the advisor's pending and confirmed bookings overlapping {@code [from, to)}. An HQL query on
     * purpose: Hibernate 7.2 caches the plan of a native query with a result class under a key that never equals
     * the next call's (one new entry per call, all in one hash bin: a tree walk of thousands of keys per request,
     * bench/results/advisory-2026-12-02.md). Read from the partial (advisor, start) index of the holding bookings
     * (V16): the start is bounded on both sides, the end only filters.
     */
    public Uni<List<SlotCalculator.Taken>> taken(UUID advisorId, Instant from, Instant to) {
        return getSession().chain(s -> s.createSelectionQuery("""
                        select b.startsAt, b.endsAt from Booking b
                        where b.advisorId = :a and b.status in %s
                          and b.startsAt >= :low and b.startsAt < :to and b.endsAt > :from""".formatted(HOLDING_LITERALS),
                        Object[].class)
                .setParameter("a", advisorId)
                .setParameter("low", from.minus(LONGEST_BOOKING)).setParameter("from", from).setParameter("to", to)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new SlotCalculator.Taken((Instant) r[0], (Instant) r[1])).toList());
    }

    /**
     * Takes the transaction-scoped advisory lock of a (resident, advisor) pair, so that two bookings of the pair
     * are counted one after the other. HQL over the advisor's row (one primary-key read), not a native query,
     * for the plan-cache reason given at {@link #taken}.
     */
    public Uni<Void> lockPair(UUID resident, UUID advisor) {
        return getSession().chain(s -> s.createSelectionQuery("""
                        select cast(function('pg_advisory_xact_lock', function('hashtextextended', :k, 0)) as String)
                        from Advisor a where a.accountId = :a""", String.class)
                .setParameter("k", "adv_booking:" + resident + ":" + advisor).setParameter("a", advisor)
                .getResultList()).replaceWithVoid();
    }

    /** The statuses that hold a slot. */
    static final List<BookingStatus> HOLDING = List.of(BookingStatus.PENDING, BookingStatus.CONFIRMED);

    /**
     * {@link #HOLDING} as enum literals in the HQL text: the query text is fixed, so Hibernate translates it once
     * (a list parameter is expanded, and the query translated again, on every call: issue 17's profile of a
     * booking), and PostgreSQL sees the partial index's own predicate.
     */
    static final String HOLDING_LITERALS = HqlEnums.inList(HOLDING);

    /** How many bookings of the pair hold a slot. */
    public Uni<Long> holding(UUID resident, UUID advisor) {
        return getSession().chain(s -> s.createSelectionQuery("select count(*) from Booking b where b.residentId = :r "
                        + "and b.advisorId = :a and b.status in " + HOLDING_LITERALS, Long.class)
                .setParameter("r", resident).setParameter("a", advisor).getSingleResult());
    }

    /** {@code limit + 1} rows matching {@code where} ({@code range} is inclusive), latest start first. */
    public Uni<List<Booking>> page(String where, Map<String, Object> params, int limit) {
        return find("from Booking b where " + where + " order by b.startsAt desc, b.id desc", params)
                .range(0, limit).list();
    }
}
