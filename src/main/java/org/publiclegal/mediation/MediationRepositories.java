package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The mediation feature's repositories (small, so kept together). */
public final class MediationRepositories {

    private MediationRepositories() {
    }

    @ApplicationScoped
    @WithSession
    public static class Disputes implements PanacheRepositoryBase<Dispute, UUID> {

        public Uni<List<Dispute>> page(String where, Map<String, Object> params, String orderBy, int limit) {
            return find("from Dispute d where " + where + " order by " + orderBy, params).range(0, limit).list();
        }

        public Uni<Long> nextNumber() {
            // no result class: see ApplicationRepository.nextNumber (the query-plan cache)
            return getSession().chain(s -> s.<Long>createNativeQuery("select nextval('med_dispute_number_seq')")
                    .getSingleResult());
        }

        /** The mediators assigned to a dispute. */
        public Uni<List<UUID>> mediators(UUID disputeId) {
            return getSession().chain(s -> s.<UUID>createNativeQuery(
                            "select mediator_id from med_assignment where dispute_id = :d order by assigned_at, mediator_id")
                    .setParameter("d", disputeId).getResultList());
        }

        public Uni<Integer> assign(UUID disputeId, UUID mediatorId, java.time.Instant at) {
            return getSession().chain(s -> s.createNativeQuery("""
                            insert into med_assignment (dispute_id, mediator_id, assigned_at) values (:d, :m, :at)
                            on conflict do nothing""")
                    .setParameter("d", disputeId).setParameter("m", mediatorId)
                    .setParameter("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).executeUpdate());
        }

        /** Open cases per mediator of a committee: the workload shown when assigning. */
        public Uni<List<Object[]>> workloads(UUID committeeId) {
            return getSession().chain(s -> s.createNativeQuery("""
                            select a.mediator_id, count(*) from med_assignment a join med_dispute d on d.id = a.dispute_id
                            where d.committee_id = :c and d.status in ('SUBMITTED','ACCEPTED','IN_MEDIATION','AGREEMENT_PENDING')
                            group by a.mediator_id""", Object[].class).setParameter("c", committeeId).getResultList());
        }
    }

    @ApplicationScoped
    @WithSession
    public static class Parties implements PanacheRepositoryBase<Party, UUID> {

        public Uni<List<Party>> of(UUID disputeId) {
            return list("disputeId = ?1 order by position", disputeId);
        }

        public Uni<Party> byInvitation(byte[] hash) {
            return find("invitationHash", hash).firstResult();
        }
    }

    @ApplicationScoped
    @WithSession
    public static class Steps implements PanacheRepository<MediationStep> {

        public Uni<List<MediationStep>> timeline(UUID disputeId) {
            return list("disputeId = ?1 order by id", disputeId);
        }
    }

    @ApplicationScoped
    @WithSession
    public static class Messages implements PanacheRepository<Message> {

        /** {@code limit + 1} messages after {@code afterId}, oldest first. */
        public Uni<List<Message>> page(UUID disputeId, long afterId, int limit) {
            return find("disputeId = ?1 and id > ?2 order by id", disputeId, afterId).range(0, limit).list();
        }
    }

    @ApplicationScoped
    @WithSession
    public static class Agreements implements PanacheRepositoryBase<Agreement, UUID> {
    }
}
