package org.publiclegal.legalaid;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.util.UUID;
import java.util.function.Function;

/**
 * Runs one state-machine step on an application: loads it, checks the caller may see it (else 404) and
 * may act in the capacity the step needs (else 403), applies the change, and appends the timeline step
 * with the acting role. Call inside the service method's transaction.
 */
@ApplicationScoped
public class ApplicationTransitions {

    /** Keeps "my matters" and the notices up to date (issue 11). */
    @jakarta.inject.Inject
    org.publiclegal.notification.MatterUpdates matters;

    /** In which capacity a step is taken. */
    public enum Capacity {
        /** 申请人. */
        APPLICANT(Roles.RESIDENT),
        /** 法律援助中心工作人员 of the centre handling the case. */
        CENTRE(Roles.AID_OFFICER),
        /** 承办律师 assigned to the case. */
        LAWYER(Roles.LAWYER),
        /** 司法局 of the county the case belongs to. */
        BUREAU(Roles.BUREAU_ADMIN);

        final String role;

        Capacity(String role) {
            this.role = role;
        }
    }

    private final ApplicationRepository applications;
    private final StepRepository steps;

    public ApplicationTransitions(ApplicationRepository applications, StepRepository steps) {
        this.applications = applications;
        this.steps = steps;
    }

    /** Loads a visible application or fails with 404. */
    public Uni<LegalAidApplication> load(UUID id, AccessScope scope) {
        return applications.findById(id).map(a -> {
            // an unsubmitted draft is the applicant's own business
            // (a draft the centre prepares at the 窗口 is the centre's)
            LegalAidApplication visible = a != null && a.status == ApplicationStatus.DRAFT && !a.isWindowDraft()
                    && !scope.isResident() ? null : a;
            return scope.requireCase(visible, a == null ? null : a.applicantId, a == null ? null : a.regionCode,
                    a == null ? null : a.centreId, a == null ? null : a.lawyerId, "法律援助申请", id);
        });
    }

    /** Whether the caller handles the case (applicant, its centre, its lawyer, the county bureau), not only watches it. */
    public static boolean handles(LegalAidApplication a, AccessScope scope) {
        return (scope.isResident() && scope.accountId().equals(a.applicantId))
                || (scope.hasRole(Roles.AID_OFFICER) && a.centreId.equals(scope.organisationId()))
                || (scope.hasRole(Roles.LAWYER) && scope.accountId().equals(a.lawyerId))
                || (scope.hasRole(Roles.BUREAU_ADMIN) && scope.covers(a.regionCode))
                || scope.isSystemAdmin();
    }

    public Uni<LegalAidApplication> apply(UUID id, AccessScope scope, Actor actor, Capacity capacity,
                                         Function<LegalAidApplication, Uni<?>> change) {
        return load(id, scope).chain(a -> {
            requireCapacity(a, scope, capacity);
            ApplicationStatus before = a.status;
            return change.apply(a).chain(() -> {
                java.util.List<ApplicationStep> taken = a.drainSteps();
                taken.forEach(step -> {
                    step.actorId = actor.accountId();
                    step.actorRole = capacity.role;
                });
                return steps.persist(taken.stream());
            }).call(() -> matters.legalAid(a, before)).replaceWith(a);
        });
    }

    static void requireCapacity(LegalAidApplication a, AccessScope scope, Capacity capacity) {
        boolean ok = switch (capacity) {
            case APPLICANT -> scope.isResident() && scope.accountId().equals(a.applicantId);
            case CENTRE -> scope.hasRole(Roles.AID_OFFICER) && a.centreId.equals(scope.organisationId());
            case LAWYER -> scope.hasRole(Roles.LAWYER) && scope.accountId().equals(a.lawyerId);
            case BUREAU -> scope.hasRole(Roles.BUREAU_ADMIN) && scope.covers(a.regionCode);
        };
        if (!ok) {
            throw DomainException.forbidden(switch (capacity) {
                case APPLICANT -> "只有申请人本人可以办理此事项";
                case CENTRE -> "只有受理本申请的法律援助中心工作人员可以办理此事项";
                case LAWYER -> "只有本案承办律师可以办理此事项";
                case BUREAU -> "只有设立该法律援助机构的司法局可以审查异议";
            });
        }
    }
}
