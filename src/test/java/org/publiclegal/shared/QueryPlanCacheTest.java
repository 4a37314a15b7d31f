package org.publiclegal.shared;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.publiclegal.legalaid.ApplicationRepository;
import org.publiclegal.mediation.DisputeRepository;
import org.publiclegal.notification.Recipients;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queries every submission runs (the reference number, the staff to notify) find their plan in Hibernate's
 * query-plan cache from the second call on. A native select missed on every call, with or without a result class
 * (Hibernate 7.2 reactive: a new cache key per call that never equals the last one, thousands of them in one hash
 * bin; issue 17, 12 % of a submission's samples), so these are HQL. Counted with Hibernate's own statistics,
 * switched on for the test only.
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final int CALLS = 4;

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Inject
    Recipients recipients;

    @Inject
    ApplicationRepository applications;

    @Inject
    DisputeRepository disputes;

    @Test
    void staffOfARegionAreLookedUpWithOneCachedPlan() throws Throwable {
        assertCachedAfterFirstCall("a.regionCode = :r", () -> recipients.inRegion("532932000000", "BUREAU").map(r -> r));
    }

    @Test
    void staffOfAnOrganisationAreLookedUpWithOneCachedPlan() throws Throwable {
        assertCachedAfterFirstCall("a.organisationId = :o", () -> recipients.inOrganisation(UUID.randomUUID(), "MEDIATOR").map(r -> r));
    }

    @Test
    void referenceNumbersOfApplicationsAndDisputesUseOneCachedPlanEach() throws Throwable {
        assertCachedAfterFirstCall("aid_application_number_seq", () -> applications.nextNumber().map(n -> n));
        assertCachedAfterFirstCall("med_dispute_number_seq", () -> disputes.nextNumber().map(n -> n));
    }

    /** After a first call of {@code query}, CALLS more miss nothing in the plan cache (its query texts hold {@code fragment}). */
    private void assertCachedAfterFirstCall(String fragment, Supplier<Uni<Object>> query) throws Throwable {
        Statistics statistics = sessionFactory.getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(query::get));
            long[] before = counts(statistics, fragment);
            for (int i = 0; i < CALLS; i++) {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(query::get));
            }
            long[] after = counts(statistics, fragment);
            long hits = after[0] - before[0];
            long misses = after[1] - before[1];
            assertTrue(hits + misses >= CALLS, "no plan-cache statistics for the query with '" + fragment + "': "
                    + Arrays.toString(statistics.getQueries()));
            assertEquals(0, misses, "plan-cache misses in " + CALLS + " calls of the query with '" + fragment + "' after a first");
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    /** Plan-cache hits and misses, summed over the query texts holding {@code fragment}. */
    private static long[] counts(Statistics statistics, String fragment) {
        long[] counts = new long[2];
        for (String q : statistics.getQueries()) {
            if (q.contains(fragment)) {
                counts[0] += statistics.getQueryStatistics(q).getPlanCacheHitCount();
                counts[1] += statistics.getQueryStatistics(q).getPlanCacheMissCount();
            }
        }
        return counts;
    }
}
