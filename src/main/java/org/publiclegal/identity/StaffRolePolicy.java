package org.publiclegal.identity;

import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.security.Roles;

import java.util.Map;
import java.util.Set;

/** Which roles a staff member of each kind of organisation may hold. */
public final class StaffRolePolicy {

    private static final Map<String, Set<OrganisationType>> ALLOWED = Map.of(
            Roles.MEDIATOR, Set.of(OrganisationType.MEDIATION_COMMITTEE, OrganisationType.JUDICIAL_OFFICE),
            Roles.AID_OFFICER, Set.of(OrganisationType.LEGAL_AID_CENTRE),
            Roles.LAWYER, Set.of(OrganisationType.LAW_FIRM, OrganisationType.LEGAL_AID_CENTRE),
            Roles.JUDICIAL_OFFICE, Set.of(OrganisationType.JUDICIAL_OFFICE),
            Roles.BUREAU_ADMIN, Set.of(OrganisationType.JUSTICE_BUREAU),
            Roles.SYSTEM_ADMIN, Set.of(OrganisationType.JUSTICE_BUREAU));

    private StaffRolePolicy() {
    }

    /** The first role that does not fit the organisation type, or null when all fit. */
    public static String misfit(Set<String> roles, OrganisationType type) {
        for (String role : roles) {
            Set<OrganisationType> types = ALLOWED.get(role);
            if (types == null || !types.contains(type)) {
                return role;
            }
        }
        return null;
    }
}
