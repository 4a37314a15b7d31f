package org.publiclegal.education;

import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what with a column's episodes (the rules on top of {@link AccessScope}):
 * <ul>
 *     <li><b>authors</b>: staff of the column's organisation (LAWYER, AID_OFFICER, JUDICIAL_OFFICE,
 *     BUREAU_ADMIN), and any LAWYER whose organisation lies in the column's region (the county's 执业律师 and
 *     公职律师 filming for the bureau's 《律师普法》);</li>
 *     <li><b>reviewers</b>: JUDICIAL_OFFICE or BUREAU_ADMIN whose scope covers the column's region, never
 *     the episode's author or submitter (checked by {@link Episode});</li>
 *     <li><b>who sees drafts</b>: the author, the column's organisation, JUDICIAL_OFFICE / BUREAU_ADMIN
 *     covering the episode's region, the system administrator; anybody else gets 404.</li>
 * </ul>
 */
public final class EpisodeAccess {

    private static final Set<String> AUTHOR_ROLES = Set.of(Roles.LAWYER, Roles.AID_OFFICER, Roles.JUDICIAL_OFFICE,
            Roles.BUREAU_ADMIN);

    private EpisodeAccess() {
    }

    public static boolean canAuthor(AccessScope scope, VideoColumn column) {
        if (scope.isResident() || AUTHOR_ROLES.stream().noneMatch(scope::hasRole)) {
            return false;
        }
        if (column.organisationId.equals(scope.organisationId())) {
            return true;
        }
        return scope.hasRole(Roles.LAWYER) && RegionCodes.within(scope.regionCode(), column.regionCode);
    }

    public static boolean canReview(AccessScope scope, VideoColumn column) {
        return (scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN))
                && scope.covers(column.regionCode);
    }

    public static boolean canSee(AccessScope scope, Episode episode, VideoColumn column) {
        if (scope.isResident()) {
            return false;
        }
        return scope.isSystemAdmin() || episode.isOwnWork(scope.accountId())
                || column.organisationId.equals(scope.organisationId())
                || ((scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN))
                && scope.covers(episode.regionCode));
    }

    /** The HQL form of {@link #canSee} over {@code Episode e}. */
    public static AccessScope.Filter filter(AccessScope scope) {
        if (scope.isResident()) {
            return new AccessScope.Filter("1 = 0", Map.of());
        }
        if (scope.isSystemAdmin()) {
            return new AccessScope.Filter("1 = 1", Map.of());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("me", scope.accountId());
        StringBuilder any = new StringBuilder("(e.authorId = :me or e.submittedBy = :me");
        if (scope.organisationId() != null) {
            any.append(" or e.columnId in (select c.id from VideoColumn c where c.organisationId = :org)");
            params.put("org", scope.organisationId());
        }
        String prefix = scope.regionPrefix();
        if ((scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN)) && prefix != null) {
            any.append(" or (e.regionCode >= :scopeLow and e.regionCode < :scopeHigh)");
            params.put("scopeLow", prefix);
            params.put("scopeHigh", prefix + ":");
        }
        return new AccessScope.Filter(any.append(")").toString(), params);
    }
}
