package org.publiclegal.advisory.booking;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    /**
     * The periods of the advisor's pending and confirmed bookings overlapping {@code [from, to)}: the exclusion
     * constraint's GiST index (advisor, period) answers it.
     */
    public Uni<List<SlotCalculator.Taken>> taken(UUID advisorId, Instant from, Instant to) {
        return getSession().chain(s -> s.createNativeQuery("""
                        select starts_at, ends_at from adv_booking
                        where advisor_id = :a and status in ('PENDING', 'CONFIRMED')
                          and period && tstzrange(cast(:f as timestamptz), cast(:t as timestamptz), '[)')""", Object[].class)
                .setParameter("a", advisorId).setParameter("f", from.atOffset(ZoneOffset.UTC))
                .setParameter("t", to.atOffset(ZoneOffset.UTC)).getResultList())
                .map(rows -> rows.stream().map(r -> new SlotCalculator.Taken(instant(r[0]), instant(r[1]))).toList());
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.time.LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }

    /** {@code limit + 1} rows matching {@code where} ({@code range} is inclusive), latest start first. */
    public Uni<List<Booking>> page(String where, Map<String, Object> params, int limit) {
        return find("from Booking b where " + where + " order by b.startsAt desc, b.id desc", params)
                .range(0, limit).list();
    }
}
