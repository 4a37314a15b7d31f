package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.persistence.DeadlineOrder;
import org.publiclegal.shared.persistence.HqlEnums;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists of applications through {@link AccessScope#caseFilter}: a resident's own (newest first); the queue of
 * a centre, lawyer, 司法所 or 司法局: open cases, oldest deadline first, cases without a deadline last
 * ({@link DeadlineOrder}: a page costs the same at any depth).
 */
@ApplicationScoped
public class ApplicationQueries {

    /** The open statuses of a queue, as fixed HQL text (translated once, matching the partial indexes). */
    private static final String OPEN = HqlEnums.inList(ApplicationStatus.OPEN);

    private final ApplicationRepository applications;
    private final Clock clock;

    public ApplicationQueries(ApplicationRepository applications, Clock clock) {
        this.applications = applications;
        this.clock = clock;
    }

    @WithSession
    public Uni<CursorPage<ApplicationListing>> list(AccessScope scope, ApplicationStatus status, boolean overdueOnly,
                                                    String cursor, int limit) {
        AccessScope.Filter filter = scope.caseFilter("a.applicantId", "a.regionCode", "a.centreId", "a.lawyerId");
        StringBuilder where = new StringBuilder(filter.predicate());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status);
        } else if (!scope.isResident()) {
            // a queue shows what is still to be done; finished cases are found by status
            where.append(" and a.status in ").append(OPEN);
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
        if (scope.isResident()) {
            List<String> after = Cursor.decode(cursor, 2);
            if (!after.isEmpty()) {
                where.append(" and (a.createdAt < :at or (a.createdAt = :at and a.id < :aid))");
                params.put("at", instant(after.get(0)));
                params.put("aid", uuid(after.get(1)));
            }
            return rows(where.toString(), params, "a.createdAt desc, a.id desc", limit)
                    .map(rows -> CursorPage.of(rows, limit, a -> Cursor.encode(a.createdAt(), a.id()), a -> a));
        }
        return DeadlineOrder.page("a", where.toString(), params, cursor, limit,
                (w, p, order) -> rows(w, p, order, limit), ApplicationListing::currentDueAt, ApplicationListing::id);
    }

    /** {@code limit + 1} list rows for an HQL {@code where} over alias {@code a} and an {@code order by}. */
    private static Uni<List<ApplicationListing>> rows(String where, Map<String, Object> params, String orderBy,
                                                      int limit) {
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(ApplicationListing.SELECT + " where " + where + " order by " + orderBy,
                    ApplicationListing.class);
            params.forEach(query::setParameter);
            return query.setMaxResults(limit + 1).getResultList();
        });
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
