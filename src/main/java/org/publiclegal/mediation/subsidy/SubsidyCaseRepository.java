package org.publiclegal.mediation.subsidy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.mediation.MediationStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subsidy facts per dispute, and the month's successful disputes of a committee with them. */
@ApplicationScoped
@WithSession
public class SubsidyCaseRepository implements PanacheRepositoryBase<SubsidyCase, UUID> {

    /**
     * The committee's disputes that became SUCCEEDED in {@code [from, to)}, oldest first, with their subsidy
     * tier, whether the 回访 found the agreement performed (null until the follow-up is recorded; "partly" is
     * not performed) and whether an effective written agreement exists (online or on paper; a 口头协议 is not
     * written).
     */
    public Uni<List<SubsidyStatement.CaseRow>> succeeded(UUID committeeId, Instant from, Instant to) {
        return getSession().chain(s -> s.createSelectionQuery("""
                        select d.id, d.reference, d.regionCode, d.concludedAt, c.tier, f.performance, a.effectiveAt
                        from Dispute d
                        left join SubsidyCase c on c.disputeId = d.id
                        left join Agreement a on a.disputeId = d.id and a.form <> :oral
                        left join FollowUp f on f.disputeId = d.id
                        where d.committeeId = :committee and d.status = :succeeded
                          and d.concludedAt >= :from and d.concludedAt < :to
                        order by d.concludedAt, d.id""", Object[].class)
                .setParameter("committee", committeeId).setParameter("succeeded", MediationStatus.SUCCEEDED)
                .setParameter("oral", org.publiclegal.mediation.Agreement.Form.ORAL)
                .setParameter("from", from).setParameter("to", to)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new SubsidyStatement.CaseRow((UUID) r[0], (String) r[1],
                        (String) r[2], (Instant) r[3], (SubsidyTier) r[4],
                        r[5] == null ? null : r[5] == org.publiclegal.mediation.FollowUp.Performance.PERFORMED, r[6] != null)).toList()));
    }

    /** The mediators assigned to those disputes, per dispute in assignment order. */
    public Uni<Map<UUID, List<UUID>>> mediators(UUID committeeId, Instant from, Instant to) {
        return getSession().chain(s -> s.createNativeQuery("""
                        select a.dispute_id, a.mediator_id from med_assignment a join med_dispute d on d.id = a.dispute_id
                        where d.committee_id = :committee and d.status = 'SUCCEEDED'
                          and d.concluded_at >= :from and d.concluded_at < :to
                        order by a.dispute_id, a.assigned_at, a.mediator_id""", Object[].class)
                .setParameter("committee", committeeId)
                .setParameter("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .getResultList()
                .map(rows -> {
                    Map<UUID, List<UUID>> byDispute = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        byDispute.computeIfAbsent((UUID) r[0], k -> new java.util.ArrayList<>()).add((UUID) r[1]);
                    }
                    return byDispute;
                }));
    }
}
