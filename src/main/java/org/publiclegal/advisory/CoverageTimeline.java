package org.publiclegal.advisory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * When a village's coverage flipped, from its contracts' in-force ranges: the days after {@code syncedThrough}
 * up to {@code today} on which it became covered or stopped being covered. Pure (no Quarkus), so the rule is
 * unit-tested on its own.
 */
public final class CoverageTimeline {

    /** One contract's in-force range {@code [from, until)}. */
    public record InForce(UUID contractId, LocalDate from, LocalDate until) {
        boolean contains(LocalDate day) {
            return !day.isBefore(from) && day.isBefore(until);
        }
    }

    /** On {@code day} the village became covered ({@code covered}) or stopped; {@code contractId} caused it. */
    public record Flip(LocalDate day, boolean covered, UUID contractId) {
    }

    private CoverageTimeline() {
    }

    /**
     * The flips on the days in {@code (syncedThrough, today]}, given whether the village was {@code covered} at the
     * end of {@code syncedThrough}. Days at or before {@code syncedThrough} are never revisited (a figure once
     * reported does not move): a contract entered late with an earlier start counts from {@code today}.
     */
    public static List<Flip> flips(List<InForce> contracts, boolean covered, LocalDate syncedThrough, LocalDate today) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (InForce c : contracts) {
            for (LocalDate d : List.of(c.from(), c.until())) {
                if (d.isAfter(syncedThrough) && !d.isAfter(today)) {
                    days.add(d);
                }
            }
        }
        // today is always looked at: a contract entered or terminated today changes today's coverage
        days.add(today);
        List<Flip> flips = new ArrayList<>();
        boolean state = covered;
        for (LocalDate day : days) {
            UUID inForce = inForceOn(contracts, day);
            boolean now = inForce != null;
            if (now != state) {
                UUID cause = now ? inForce : inForceOn(contracts, day.minusDays(1));
                flips.add(new Flip(day, now, cause != null ? cause : lastEnded(contracts, day)));
                state = now;
            }
        }
        return flips;
    }

    private static UUID inForceOn(List<InForce> contracts, LocalDate day) {
        return contracts.stream().filter(c -> c.contains(day)).map(InForce::contractId).findFirst().orElse(null);
    }

    /** The contract whose range ended last at or before {@code day} (what a −1 on a late sync points at). */
    private static UUID lastEnded(List<InForce> contracts, LocalDate day) {
        return contracts.stream().filter(c -> !c.until().isAfter(day))
                .max(java.util.Comparator.comparing(InForce::until)).map(InForce::contractId)
                .orElse(contracts.isEmpty() ? null : contracts.get(0).contractId());
    }
}
