package org.publiclegal.advisory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.publiclegal.advisory.CoverageTimeline.Flip;
import org.publiclegal.advisory.CoverageTimeline.InForce;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;


/** When a village's coverage flips, from its contracts' in-force ranges (the rule behind the ledger's ±1). */
class CoverageTimelineTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final LocalDate NEVER = LocalDate.of(1999, 12, 31);

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void aContractEnteredAfterItStartedIsCoveredFromItsStartAndStopsTheDayAfterItsLastDay() {
        List<Flip> flips = CoverageTimeline.flips(List.of(new InForce(A, d("2026-01-01"), d("2026-07-01"))), false,
                NEVER, d("2026-12-02"));
        assertEquals(List.of(new Flip(d("2026-01-01"), true, A), new Flip(d("2026-07-01"), false, A)), flips);
    }

    @Test
    void aRenewalStartingTheDayAfterTheOldTermEndsFlipsNothing() {
        List<Flip> flips = CoverageTimeline.flips(List.of(new InForce(A, d("2026-01-01"), d("2026-07-01")),
                new InForce(B, d("2026-07-01"), d("2027-07-01"))), true, d("2026-06-30"), d("2026-07-01"));
        assertTrue(flips.isEmpty());
    }

    @Test
    void aOneDayGapBetweenContractsIsAMinusOneAndAPlusOne() {
        List<Flip> flips = CoverageTimeline.flips(List.of(new InForce(A, d("2026-01-01"), d("2026-07-01")),
                new InForce(B, d("2026-07-02"), d("2027-07-01"))), true, d("2026-06-30"), d("2026-07-05"));
        assertEquals(List.of(new Flip(d("2026-07-01"), false, A), new Flip(d("2026-07-02"), true, B)), flips);
    }

    @Test
    void aContractStartingTomorrowFlipsNothingTodayAndFlipsOnItsStartDay() {
        List<InForce> c = List.of(new InForce(A, d("2026-12-03"), d("2027-12-03")));
        assertTrue(CoverageTimeline.flips(c, false, d("2026-12-01"), d("2026-12-02")).isEmpty());
        assertEquals(List.of(new Flip(d("2026-12-03"), true, A)), CoverageTimeline.flips(c, false, d("2026-12-02"), d("2026-12-03")));
    }

    @Test
    void daysAlreadySyncedAreNeverRevisitedSoALateEntryCountsFromToday() {
        List<Flip> flips = CoverageTimeline.flips(List.of(new InForce(A, d("2026-03-01"), d("2027-03-01"))), false,
                d("2026-12-02"), d("2026-12-02"));
        assertEquals(List.of(new Flip(d("2026-12-02"), true, A)), flips);
    }

    @Test
    void runningTheSameDayTwiceFlipsOnce() {
        List<InForce> c = List.of(new InForce(A, d("2026-01-01"), d("2026-12-02")));
        List<Flip> first = CoverageTimeline.flips(c, true, d("2026-12-01"), d("2026-12-02"));
        assertEquals(List.of(new Flip(d("2026-12-02"), false, A)), first);
        assertTrue(CoverageTimeline.flips(c, false, d("2026-12-02"), d("2026-12-02")).isEmpty());
    }

    @Test
    void anEarlyTerminationEffectiveTodayStopsCoverageToday() {
        List<Flip> flips = CoverageTimeline.flips(List.of(new InForce(A, d("2026-01-01"), d("2026-12-02"))), true,
                d("2026-12-02"), d("2026-12-02"));
        assertEquals(List.of(new Flip(d("2026-12-02"), false, A)), flips);
    }

    @Test
    void aVillageStillMarkedCoveredAfterItsContractsEndedIsUncoveredTodayByTheOneThatEndedLast() {
        List<Flip> flips = CoverageTimeline.flips(List.of(new InForce(A, d("2026-01-01"), d("2026-06-01")),
                new InForce(B, d("2026-01-01"), d("2026-09-01"))), true, d("2026-10-01"), d("2026-12-02"));
        assertEquals(List.of(new Flip(d("2026-12-02"), false, B)), flips);
    }

    @Test
    void aVillageMarkedCoveredWhoseOnlyContractStartsLaterIsUncoveredTodayNamingThatContract() {
        List<Flip> flips = CoverageTimeline.flips(List.of(new InForce(A, d("2027-01-01"), d("2027-06-01"))), true,
                d("2026-10-01"), d("2026-12-02"));
        assertEquals(List.of(new Flip(d("2026-12-02"), false, A)), flips);
    }

    @Test
    void aVillageMarkedCoveredWithNoContractAtAllIsUncoveredTodayWithoutACause() {
        assertEquals(List.of(new Flip(d("2026-12-02"), false, null)),
                CoverageTimeline.flips(List.of(), true, d("2026-10-01"), d("2026-12-02")));
    }

    @Test
    void aContractNotYetStartedIsNotTheCauseWhenAnEndedOneIsThere() {
        List<Flip> flips = CoverageTimeline.flips(List.of(new InForce(A, d("2026-01-01"), d("2026-09-01")),
                new InForce(B, d("2027-01-01"), d("2027-06-01"))), true, d("2026-10-01"), d("2026-12-02"));
        assertEquals(List.of(new Flip(d("2026-12-02"), false, A)), flips);
    }
}
