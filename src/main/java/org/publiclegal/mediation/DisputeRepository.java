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
