package org.publiclegal.legalaid;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists of applications through {@link AccessScope#caseFilter}: a resident's own (newest first); the queue of
 * a centre, lawyer, 司法所 or 司法局 (oldest deadline first, cases without a deadline last). Keyset
 * pagination over (current_due_at, id) follows the queue indexes, so a page costs the same at any depth.
 */
@ApplicationScoped
public class ApplicationQueries {

    private static final String NO_DEADLINE = "-";

    private final ApplicationRepository applications;
    private final Clock clock;

    public ApplicationQueries(ApplicationRepository applications, Clock clock) {
        this.applications = applications;
        this.clock = clock;
    }

    public Uni<CursorPage<LegalAidApplication>> list(AccessScope scope, ApplicationStatus status, boolean overdueOnly,
                                                     String cursor, int limit) {
        AccessScope.Filter filter = scope.caseFilter("a.applicantId", "a.regionCode", "a.centreId", "a.lawyerId");
        StringBuilder where = new StringBuilder(filter.predicate());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status);
        } else if (!scope.isResident()) {
            // a queue shows what is still to be done; finished cases are found by status
            where.append(" and a.status in :open");
            params.put("open", ApplicationStatus.OPEN);
        }
        if (!scope.isResident()) {
            // drafts are the applicant's own business until submitted
            where.append(" and a.status <> :draft");
            params.put("draft", ApplicationStatus.DRAFT);
        }
        if (overdueOnly) {
            where.append(" and a.currentDueAt < :now");
            params.put("now", clock.instant());
        }
        List<String> after = Cursor.decode(cursor, 2);
        if (scope.isResident()) {
            if (!after.isEmpty()) {
                where.append(" and (a.createdAt < :at or (a.createdAt = :at and a.id < :aid))");
                params.put("at", instant(after.get(0)));
                params.put("aid", uuid(after.get(1)));
            }
            return applications.page(where.toString(), params, "a.createdAt desc, a.id desc", limit)
                    .map(rows -> CursorPage.of(rows, limit, a -> Cursor.encode(a.createdAt, a.id), a -> a));
        }
        if (!after.isEmpty()) {
            params.put("aid", uuid(after.get(1)));
            if (NO_DEADLINE.equals(after.get(0))) {
                where.append(" and a.currentDueAt is null and a.id > :aid");
            } else {
                // a row comparison: one index seek, whatever the depth of the page
                where.append(" and ((a.currentDueAt, a.id) > (:due, :aid) or a.currentDueAt is null)");
                params.put("due", instant(after.get(0)));
            }
        }
        return applications.page(where.toString(), params, "a.currentDueAt asc nulls last, a.id", limit)
                .map(rows -> CursorPage.of(rows, limit,
                        a -> Cursor.encode(a.currentDueAt == null ? NO_DEADLINE : a.currentDueAt, a.id), a -> a));
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }
}
