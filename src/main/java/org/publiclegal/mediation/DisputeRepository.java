package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 调解案件 (disputes): pages, case numbers, mediator assignments and workloads. */
@ApplicationScoped
@WithSession
public class DisputeRepository implements PanacheRepositoryBase<Dispute, UUID> {

    public Uni<List<Dispute>> page(String where, Map<String, Object> params, String orderBy, int limit) {
        return find("from Dispute d where " + where + " order by " + orderBy, params).range(0, limit).list();
    }

    public Uni<Long> nextNumber() {
        // HQL: see ApplicationRepository.nextNumber (the query-plan cache)
        return getSession().chain(s -> s.createSelectionQuery(
                "select cast(function('nextval', 'med_dispute_number_seq') as Long)", Long.class).getSingleResult());
    }

    /**
     * {@code n} new case numbers in one statement (bulk entry: an import's batch), ascending. Native: the
     * per-statement plan-cache entry (see {@link #nextNumber}) is paid once per batch, not once per case.
     */
    public Uni<List<Long>> nextNumbers(int n) {
        return getSession().chain(s -> s.createNativeQuery(
                        "select nextval('med_dispute_number_seq') from generate_series(1, :n)", Long.class)
                .setParameter("n", n).getResultList()).map(list -> list.stream().sorted().toList());
    }

    /** Which of the court case numbers (法院案号) are registered, as "court id + space + number". */
    public Uni<java.util.Set<String>> courtCasesTaken(java.util.Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Uni.createFrom().item(java.util.Set.of());
        }
        return getSession().chain(s -> s.createSelectionQuery("select d.courtId, d.courtCaseNumber from Dispute d "
                        + "where d.courtCaseNumber in (:numbers)", Object[].class)
                .setParameter("numbers", java.util.Set.copyOf(caseNumbers)).getResultList())
                .map(rows -> rows.stream().map(r -> r[0] + " " + r[1]).collect(java.util.stream.Collectors.toSet()));
    }

    /** A mediator assigned to a dispute from {@code at}. */
    public record Assignment(UUID disputeId, UUID mediatorId, Instant at) {
    }

    /** Rows of one multi-row assignment insert (3 parameters each). */
    static final int ASSIGN_CHUNK = 1000;

    /** {@link #assign} for many in one multi-row insert per {@value #ASSIGN_CHUNK}. */
    public Uni<Void> assignAll(List<Assignment> assignments) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < assignments.size(); from += ASSIGN_CHUNK) {
            List<Assignment> part = assignments.subList(from, Math.min(assignments.size(), from + ASSIGN_CHUNK));
            chain = chain.chain(() -> getSession().chain(s -> {
                StringBuilder sql = new StringBuilder("insert into med_assignment (dispute_id, mediator_id, assigned_at) values ");
                for (int i = 0; i < part.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append("(?").append(3 * i + 1).append(", ?").append(3 * i + 2)
                            .append(", ?").append(3 * i + 3).append(')');
                }
                var q = s.createNativeQuery(sql.append(" on conflict do nothing").toString());
                for (int i = 0; i < part.size(); i++) {
                    Assignment a = part.get(i);
                    q.setParameter(3 * i + 1, a.disputeId()).setParameter(3 * i + 2, a.mediatorId())
                            .setParameter(3 * i + 3, OffsetDateTime.ofInstant(a.at(), ZoneOffset.UTC));
                }
                return q.executeUpdate();
            }).replaceWithVoid());
        }
        return chain;
    }

    /** The mediators assigned to a dispute. */
    public Uni<List<UUID>> mediators(UUID disputeId) {
        return getSession().chain(s -> s.<UUID>createNativeQuery(
                        "select mediator_id from med_assignment where dispute_id = :d order by assigned_at, mediator_id")
                .setParameter("d", disputeId).getResultList());
    }

    public Uni<Integer> assign(UUID disputeId, UUID mediatorId, Instant at) {
        return getSession().chain(s -> s.createNativeQuery("""
                        insert into med_assignment (dispute_id, mediator_id, assigned_at) values (:d, :m, :at)
                        on conflict do nothing""")
                .setParameter("d", disputeId).setParameter("m", mediatorId)
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate());
    }

    /** Open cases per mediator of a committee: the workload shown when assigning. */
    public Uni<List<Object[]>> workloads(UUID committeeId) {
        return getSession().chain(s -> s.createNativeQuery("""
                        select a.mediator_id, count(*) from med_assignment a join med_dispute d on d.id = a.dispute_id
                        where d.committee_id = :c and d.status in ('SUBMITTED','ACCEPTED','IN_MEDIATION','AGREEMENT_PENDING')
                        group by a.mediator_id""", Object[].class).setParameter("c", committeeId).getResultList());
    }
}
