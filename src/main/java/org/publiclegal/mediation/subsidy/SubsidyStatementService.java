package org.publiclegal.mediation.subsidy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.StaffService;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** 以案奖补月度结算 of one committee (see {@link SubsidyStatement} for the rules of the computation). */
@ApplicationScoped
public class SubsidyStatementService {

    private final SubsidyCaseRepository cases;
    private final SubsidyRuleRepository rules;
    private final OrganisationService directory;
    private final StaffService staff;

    public SubsidyStatementService(SubsidyCaseRepository cases, SubsidyRuleRepository rules,
                                   OrganisationService directory, StaffService staff) {
        this.cases = cases;
        this.rules = rules;
        this.directory = directory;
        this.staff = staff;
    }

    /**
     * The statement for {@code month}: for the committee's own mediators, the 司法所 or 司法局 whose area contains
     * the committee, and the system administrator; anyone else gets 404.
     */
    public Uni<SubsidyStatement.MonthlyStatement> statement(UUID committeeId, YearMonth month, AccessScope scope) {
        Instant from = SubsidyStatement.start(month);
        Instant to = SubsidyStatement.start(month.plusMonths(1));
        return directory.get(committeeId)
                .onFailure(NotFound.class).transform(e -> notFound(committeeId))
                .invoke(committee -> {
                    if (committee.type != OrganisationType.MEDIATION_COMMITTEE || !maySee(committee, scope)) {
                        throw notFound(committeeId);
                    }
                })
                .chain(committee -> cases.succeeded(committeeId, from, to)
                        .chain(rows -> cases.mediators(committeeId, from, to)
                                .chain(mediators -> rules.ofRegions(enclosingRegions(rows))
                                        .chain(applicable -> names(committeeId, mediators).map(names ->
                                                SubsidyStatement.compute(committeeId, committee.name, month, rows,
                                                        mediators, applicable, names))))));
    }

    private static boolean maySee(Organisation committee, AccessScope scope) {
        if (scope.isSystemAdmin()) {
            return true;
        }
        if (scope.hasRole(Roles.MEDIATOR) && committee.id.equals(scope.organisationId())) {
            return true;
        }
        return (scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN))
                && scope.covers(committee.regionCode);
    }

    private static NotFound notFound(UUID committeeId) {
        return new NotFound("人民调解委员会", committeeId);
    }

    private static Set<String> enclosingRegions(List<SubsidyStatement.CaseRow> rows) {
        Set<String> codes = new LinkedHashSet<>();
        rows.forEach(r -> codes.addAll(RegionCodes.ancestorsOrSelf(r.regionCode())));
        return codes;
    }

    /** Display names of the assigned mediators: the committee's members, then any who have since left it. */
    private Uni<Map<UUID, String>> names(UUID committeeId, Map<UUID, List<UUID>> mediators) {
        Set<UUID> wanted = new LinkedHashSet<>();
        mediators.values().forEach(wanted::addAll);
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return staff.members(committeeId, Roles.MEDIATOR).chain(members -> {
            Map<UUID, String> names = new HashMap<>();
            members.stream().filter(m -> wanted.contains(m.id())).forEach(m -> names.put(m.id(), m.displayName()));
            Uni<Void> rest = Uni.createFrom().voidItem();
            for (UUID id : wanted) {
                if (!names.containsKey(id)) {
                    rest = rest.chain(() -> staff.find(id).invoke(ref -> {
                        if (ref != null) {
                            names.put(id, ref.displayName());
                        }
                    }).replaceWithVoid());
                }
            }
            return rest.replaceWith(names);
        });
    }
}
