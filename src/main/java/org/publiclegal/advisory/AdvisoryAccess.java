package org.publiclegal.advisory;

import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who may manage what in the advisor module, on top of {@link AccessScope}: a 司法所 its township's villages, a
 * 司法局 its county's, the system administrator everything; an advisor acts on their own records only.
 */
public final class AdvisoryAccess {

    private AdvisoryAccess() {
    }

    /** The county (6 digits) of a region code. */
    public static String countyPrefix(String code) {
        return code == null || code.length() < 6 ? "" : code.substring(0, 6);
    }

    /** Whether the caller administers advisors of this county (a 司法所 or 司法局 of it, or the administrator). */
    public static boolean administersCounty(AccessScope scope, String regionCode) {
        if (scope.isSystemAdmin()) {
            return true;
        }
        return (scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN)) && scope.regionCode() != null
                && countyPrefix(scope.regionCode()).equals(countyPrefix(regionCode));
    }

    /** The advisor themselves, or staff who administer the advisor's county; else 403. */
    public static void requireAdvisorOrAdministrator(AccessScope scope, Advisor advisor) {
        if (scope.accountId().equals(advisor.accountId) || administersCounty(scope, advisor.regionCode)) {
            return;
        }
        throw DomainException.forbidden("只有顾问本人或其所在县的司法所、司法局可以办理此事项");
    }

    /** Whether the caller may see a record of {@code advisorId} in {@code villageCode}. */
    public static boolean canSee(AccessScope scope, UUID advisorId, String villageCode) {
        if (scope.isSystemAdmin() || scope.accountId().equals(advisorId)) {
            return true;
        }
        return (scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN)) && scope.covers(villageCode);
    }

    /**
     * Whether the caller may see a contract: the contracted advisor, the administrator, and the 司法所/司法局 whose
     * area contains the signing office's region or any of the contract's villages (a 司法局's contract for a
     * township's villages is the township 司法所's to see too).
     */
    public static boolean canSeeContract(AccessScope scope, UUID advisorId, String signedRegion,
                                         Collection<String> villageCodes) {
        return canSee(scope, advisorId, signedRegion)
                || villageCodes.stream().anyMatch(v -> canSee(scope, advisorId, v));
    }

    /**
     * The HQL form of {@link #canSeeContract} over {@code c} (an {@link AdvisoryContract}): the advisor's own, or
     * (staff) the signing region or one of its {@link ContractVillage}s in the caller's area; both ranges come from
     * {@link AccessScope#filter}.
     */
    public static AccessScope.Filter contractFilter(AccessScope scope) {
        if (scope.isSystemAdmin()) {
            return new AccessScope.Filter("1 = 1", Map.of());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSelf", scope.accountId());
        String own = "c.advisorId = :scopeSelf";
        if (!(scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN))) {
            return new AccessScope.Filter(own, params);
        }
        AccessScope.Filter signed = scope.filter(null, "c.regionCode");
        AccessScope.Filter village = scope.filter(null, "cv.villageCode");
        // both ranges are the scope's one range: the same :scopeLow/:scopeHigh
        params.putAll(village.parameters());
        return new AccessScope.Filter("(" + own + " or (" + signed.predicate() + ") or exists (select 1 from "
                + "ContractVillage cv where cv.contractId = c.id and " + village.predicate() + "))", params);
    }
}
