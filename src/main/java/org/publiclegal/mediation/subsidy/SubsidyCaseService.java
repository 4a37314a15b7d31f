package org.publiclegal.mediation.subsidy;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeAccess;
import org.publiclegal.mediation.MediationStatus;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The committee's mediator records what the subsidy needs of a successful dispute: its difficulty tier and
 * (whether the agreement was performed comes from the 回访 record). The tier may be corrected; each change is audited.
 */
@ApplicationScoped
public class SubsidyCaseService {

    private final SubsidyCaseRepository cases;
    private final DisputeAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    public SubsidyCaseService(SubsidyCaseRepository cases, DisputeAccess access, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** 评定案件难易档次. */
    @WithTransaction
    public Uni<SubsidyCase> setTier(UUID disputeId, SubsidyTier tier, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return change(disputeId, scope, actor, "SUBSIDY_TIER_SET", "档次 " + tier, c -> {
            c.tier = tier;
            c.tierSetBy = actor.accountId();
            c.tierSetAt = now;
        });
    }

    /**
     * Loads the dispute through the dispute's visibility rules (404 outside the caller's scope), requires the
     * caller to be a mediator of its committee (403) and the dispute to have succeeded (409), then applies the
     * change to its subsidy record (created on first use) and audits it. No timeline step is written.
     */
    private Uni<SubsidyCase> change(UUID disputeId, AccessScope scope, Actor actor, String action, String detail,
                                    Consumer<SubsidyCase> update) {
        return access.load(disputeId, scope).chain(l -> {
            Dispute d = l.dispute();
            if (!scope.hasRole(Roles.MEDIATOR) || !d.committeeId.equals(scope.organisationId())) {
                throw DomainException.forbidden("只有受理本案的人民调解委员会的调解员可以办理此事项");
            }
            if (d.status != MediationStatus.SUCCEEDED) {
                throw DomainException.conflict("只有调解成功（协议已生效）的案件才能申请以案奖补，本案当前状态为 " + d.status);
            }
            return cases.findById(disputeId).chain(existing -> {
                if (existing != null) {
                    update.accept(existing);
                    return Uni.createFrom().item(existing);
                }
                SubsidyCase c = SubsidyCase.of(disputeId);
                update.accept(c);
                return cases.persistAndFlush(c);
            }).call(() -> audit.record(actor, action, "med_dispute", disputeId, d.regionCode, detail));
        });
    }
}
