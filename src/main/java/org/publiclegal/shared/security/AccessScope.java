package org.publiclegal.shared.security;

import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the caller may see: a resident only their own records; staff the region subtree their organisation
 * covers (a 司法所 its township, a 司法局 its county); a system administrator everything.
 * <p>
 * Every scoped query takes its predicate from {@link #filter}, and every single-object read passes
 * {@link #requireVisible}: the one mechanism through which access is decided.
 *
 * @param accountId      the caller
 * @param roles          the caller's roles
 * @param organisationId the staff member's organisation (null for residents)
 * @param regionCode     the root of the staff member's region scope (null for residents)
 */
public record AccessScope(UUID accountId, Set<String> roles, UUID organisationId, String regionCode) {

    public boolean isResident() {
        return roles.contains(Roles.RESIDENT) && organisationId == null;
    }

    public boolean isSystemAdmin() {
        return roles.contains(Roles.SYSTEM_ADMIN);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The code prefix of the staff member's subtree; empty (everything) for a system administrator. */
    public String regionPrefix() {
        if (isSystemAdmin()) {
            return "";
        }
        if (regionCode == null) {
            return null;
        }
        return RegionCodes.prefix(regionCode);
    }

    /** Whether a region lies in the caller's staff scope. Residents have no region scope. */
    public boolean covers(String code) {
        String prefix = regionPrefix();
        return !isResident() && prefix != null && code != null && code.startsWith(prefix);
    }

    /** Whether the caller may see a record owned by {@code ownerId} that belongs to {@code regionCode}. */
    public boolean canSee(UUID ownerId, String recordRegion) {
        if (isResident()) {
            return accountId.equals(ownerId);
        }
        return covers(recordRegion);
    }

    /** Returns {@code record} if visible, else fails with 404 (never 403: existence is not disclosed). */
    public <T> T requireVisible(T record, UUID ownerId, String recordRegion, String what, Object id) {
        if (record == null || !canSee(ownerId, recordRegion)) {
            throw new NotFound(what, id);
        }
        return record;
    }

    /**
     * An HQL predicate limiting rows to this scope, with its parameters.
     *
     * @param ownerPath  path of the owning account id (e.g. {@code a.applicantId}), or null when residents
     *                   own no rows of this kind
     * @param regionPath path of the row's region code (e.g. {@code a.regionCode})
     */
    public Filter filter(String ownerPath, String regionPath) {
        if (isResident()) {
            if (ownerPath == null) {
                return new Filter("1 = 0", Map.of());
            }
            return new Filter(ownerPath + " = :scopeOwner", Map.of("scopeOwner", accountId));
        }
        String prefix = regionPrefix();
        if (prefix == null) {
            return new Filter("1 = 0", Map.of());
        }
        if (prefix.isEmpty()) {
            return new Filter("1 = 1", Map.of());
        }
        // a range on the code, not LIKE: one B-tree range scan on any region_code index (collation "C")
        return new Filter(regionPath + " >= :scopeLow and " + regionPath + " < :scopeHigh",
                Map.of("scopeLow", prefix, "scopeHigh", prefix + ":"));
    }

    /**
     * Whether the caller may see a case: its applicant; staff of the organisation handling it (a legal aid
     * centre's officers, a committee's mediators); the lawyer or mediator it is assigned to; the 司法所 or
     * 司法局 whose region contains it; the system administrator.
     */
    public boolean canSeeCase(UUID ownerId, String recordRegion, UUID handlingOrganisation, UUID assigneeId) {
        if (isResident()) {
            return accountId.equals(ownerId);
        }
        if (isSystemAdmin()) {
            return true;
        }
        if ((hasRole(Roles.AID_OFFICER) || hasRole(Roles.MEDIATOR)) && organisationId != null
                && organisationId.equals(handlingOrganisation)) {
            return true;
        }
        if ((hasRole(Roles.LAWYER) || hasRole(Roles.MEDIATOR)) && accountId.equals(assigneeId)) {
            return true;
        }
        return (hasRole(Roles.JUDICIAL_OFFICE) || hasRole(Roles.BUREAU_ADMIN)) && covers(recordRegion);
    }

    /** {@link #canSeeCase} or 404. */
    public <T> T requireCase(T record, UUID ownerId, String recordRegion, UUID handlingOrganisation,
                             UUID assigneeId, String what, Object id) {
        if (record == null || !canSeeCase(ownerId, recordRegion, handlingOrganisation, assigneeId)) {
            throw new NotFound(what, id);
        }
        return record;
    }

    /**
     * The HQL form of {@link #canSeeCase}: the OR of what each of the caller's roles may see.
     *
     * @param assigneePath path of the assigned lawyer/mediator id, or null when the case kind has none
     */
    public Filter caseFilter(String ownerPath, String regionPath, String organisationPath, String assigneePath) {
        if (isResident()) {
            return new Filter(ownerPath + " = :scopeOwner", Map.of("scopeOwner", accountId));
        }
        if (isSystemAdmin()) {
            return new Filter("1 = 1", Map.of());
        }
        java.util.List<String> any = new java.util.ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if ((hasRole(Roles.AID_OFFICER) || hasRole(Roles.MEDIATOR)) && organisationId != null) {
            any.add(organisationPath + " = :scopeOrg");
            params.put("scopeOrg", organisationId);
        }
        if ((hasRole(Roles.LAWYER) || hasRole(Roles.MEDIATOR)) && assigneePath != null) {
            any.add(assigneePath + " = :scopeAssignee");
            params.put("scopeAssignee", accountId);
        }
        String prefix = regionPrefix();
        if ((hasRole(Roles.JUDICIAL_OFFICE) || hasRole(Roles.BUREAU_ADMIN)) && prefix != null) {
            any.add("(" + regionPath + " >= :scopeLow and " + regionPath + " < :scopeHigh)");
            params.put("scopeLow", prefix);
            params.put("scopeHigh", prefix + ":");
        }
        if (any.isEmpty()) {
            return new Filter("1 = 0", Map.of());
        }
        return new Filter("(" + String.join(" or ", any) + ")", params);
    }

    /** A predicate and its named parameters, to be AND-ed into a query. */
    public record Filter(String predicate, Map<String, Object> parameters) {
    }
}
