package org.publiclegal.mediation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Who may see and act on a dispute: its parties (the applicant and every party who redeemed an invitation);
 * the committee handling it (its MEDIATORs); the 司法所 and 司法局 whose region contains it (watching); the
 * system administrator. Anyone else gets 404. Also runs a step and writes its timeline entries.
 */
@ApplicationScoped
public class DisputeAccess {

    /** Keeps "my matters" and the notices up to date (issue 11). */
    @jakarta.inject.Inject
    org.publiclegal.notification.MatterUpdates matters;

    /** In which capacity a step is taken. */
    public enum Capacity { PARTY, COMMITTEE }

    private final DisputeRepository disputes;
    private final PartyRepository parties;
    private final MediationStepRepository steps;

    public DisputeAccess(DisputeRepository disputes, PartyRepository parties, MediationStepRepository steps) {
        this.disputes = disputes;
        this.parties = parties;
        this.steps = steps;
    }

    /** A dispute with its parties, visible to the caller. */
    public record Loaded(Dispute dispute, List<Party> parties) {

        /** The caller's own party entry, or null. */
        public Party partyOf(UUID accountId) {
            return parties.stream().filter(p -> accountId.equals(p.accountId)).findFirst().orElse(null);
        }
    }

    public Uni<Loaded> load(UUID id, AccessScope scope) {
        return disputes.findById(id).chain(d -> d == null ? Uni.createFrom().failure(new NotFound("调解案件", id))
                : parties.of(id).map(ps -> {
                    Loaded loaded = new Loaded(d, ps);
                    boolean visible = scope.isResident()
                            ? scope.accountId().equals(d.applicantId) || loaded.partyOf(scope.accountId()) != null
                            : scope.canSeeCase(null, d.regionCode, d.committeeId, null);
                    if (!visible) {
                        throw new NotFound("调解案件", id);
                    }
                    return loaded;
                }));
    }

    /** Whether the caller works the case (a party or the committee's mediator), not only watches it. */
    public static boolean handles(Loaded l, AccessScope scope) {
        return scope.isResident() || scope.isSystemAdmin()
                || (scope.hasRole(Roles.MEDIATOR) && l.dispute().committeeId.equals(scope.organisationId()));
    }

    public Uni<Loaded> apply(UUID id, AccessScope scope, Actor actor, Capacity capacity,
                             BiFunction<Loaded, Party, Uni<?>> change) {
        return load(id, scope).chain(l -> {
            Party own = scope.isResident() ? l.partyOf(scope.accountId()) : null;
            boolean ok = switch (capacity) {
                case PARTY -> own != null;
                case COMMITTEE -> scope.hasRole(Roles.MEDIATOR) && l.dispute().committeeId.equals(scope.organisationId());
            };
            if (!ok) {
                throw DomainException.forbidden(capacity == Capacity.PARTY ? "只有本案当事人可以办理此事项"
                        : "只有受理本案的人民调解委员会的调解员可以办理此事项");
            }
            return change.apply(l, own).chain(() -> {
                List<MediationStep> taken = l.dispute().drainSteps();
                taken.forEach(s -> {
                    s.actorId = actor.accountId();
                    s.actorRole = capacity == Capacity.PARTY ? Roles.RESIDENT : Roles.MEDIATOR;
                });
                return taken.isEmpty() ? Uni.createFrom().voidItem() : steps.persist(taken.stream());
            }).call(() -> matters.dispute(l.dispute(), l.parties())).replaceWith(l);
        });
    }
}
