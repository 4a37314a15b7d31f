package org.publiclegal.onboarding;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.ledger.PeriodLock.RegionDay;
import org.publiclegal.shared.security.AccessScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job's memory of closed days: one look-up per batch for the days not known yet, kept per county and day. */
class ImportContextTest {

    private static final LocalDate CLOSED = LocalDate.of(2025, 3, 31);
    private static final LocalDate OPEN = LocalDate.of(2025, 4, 1);

    /** Closed: March 2025 of county 532932; counts the look-ups. */
    static final class Lookups implements ImportContext.Lookups {
        final List<List<RegionDay>> batches = new ArrayList<>();
        int single;

        static boolean closed(String region, LocalDate day) {
            return region.startsWith("532932") && day.getYear() == 2025 && day.getMonthValue() == 3;
        }

        @Override
        public boolean usernameTaken(String username) {
            return false;
        }

        @Override
        public boolean imported(ImportKind kind, String key) {
            return false;
        }

        @Override
        public boolean periodClosed(String regionCode, LocalDate day) {
            single++;
            return closed(regionCode, day);
        }

        @Override
        public Set<RegionDay> closedAmong(List<RegionDay> days) {
            batches.add(days);
            Set<RegionDay> closed = new java.util.HashSet<>();
            days.stream().filter(d -> closed(d.regionCode(), d.day())).forEach(closed::add);
            return closed;
        }
    }

    static ImportContext context(Lookups lookups) {
        AccessScope scope = new AccessScope(UUID.randomUUID(), Set.of("BUREAU_ADMIN"), UUID.randomUUID(), "532932000000");
        return new ImportContext(UUID.randomUUID(), ImportKind.SCREENINGS, scope, null, LocalDate.of(2026, 12, 2),
                Set.of(), Map.of(), lookups);
    }

    @Test
    void aBatchIsLookedUpOnceAndAnsweredFromMemoryPerCountyAndDay() {
        Lookups lookups = new Lookups();
        ImportContext ctx = context(lookups);
        ctx.lookUpClosedDays(List.of(new RegionDay("532932100201", CLOSED), new RegionDay("532932100202", CLOSED),
                new RegionDay("532932100201", OPEN)));
        assertEquals(1, lookups.batches.size());
        // two villages of one county on the same day are one question
        assertEquals(List.of(new RegionDay("532932100201", CLOSED), new RegionDay("532932100201", OPEN)),
                lookups.batches.get(0));
        assertTrue(ctx.periodClosed("532932100203", CLOSED));
        assertFalse(ctx.periodClosed("532932100201", OPEN));
        assertEquals(0, lookups.single);

        // the next batch asks only for what is new: another county, another day
        ctx.lookUpClosedDays(List.of(new RegionDay("532932100201", CLOSED), new RegionDay("532931100201", CLOSED),
                new RegionDay("532932100201", CLOSED.minusDays(30))));
        assertEquals(List.of(new RegionDay("532931100201", CLOSED), new RegionDay("532932100201", CLOSED.minusDays(30))),
                lookups.batches.get(1));
        assertFalse(ctx.periodClosed("532931100201", CLOSED));
        assertTrue(ctx.periodClosed("532932000000", CLOSED.minusDays(30)));

        // a batch of known days asks nothing
        ctx.lookUpClosedDays(List.of(new RegionDay("532932100209", OPEN)));
        assertEquals(2, lookups.batches.size());
        assertEquals(0, lookups.single);
    }

    @Test
    void aDayNotLookedUpInABatchIsAskedOnItsOwn() {
        Lookups lookups = new Lookups();
        ImportContext ctx = context(lookups);
        assertTrue(ctx.periodClosed("532932100201", CLOSED));
        assertTrue(ctx.periodClosed("532932100202", CLOSED));
        assertEquals(1, lookups.single);
        ctx.lookUpClosedDays(List.of(new RegionDay("532932100201", CLOSED)));
        assertTrue(lookups.batches.isEmpty());
    }
}
