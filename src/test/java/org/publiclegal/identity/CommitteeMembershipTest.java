package org.publiclegal.identity;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 调委会成员资格: spans [from, to), one committee at a time; boundaries named. */
class CommitteeMembershipTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);

    private static CommitteeMembership since(LocalDate from) {
        return CommitteeMembership.of(UUID.randomUUID(), UUID.randomUUID(), from, "设立", Instant.EPOCH);
    }

    private static CommitteeMembership span(LocalDate from, LocalDate to) {
        CommitteeMembership m = since(from);
        m.validTo = to;
        return m;
    }

    @Test
    void servesFromItsFirstDayUntilTheDayBeforeItsEnd() {
        CommitteeMembership m = span(JAN, MAR);
        assertFalse(m.servesOn(JAN.minusDays(1)));
        assertTrue(m.servesOn(JAN));
        assertTrue(m.servesOn(MAR.minusDays(1)));
        assertFalse(m.servesOn(MAR));
        assertTrue(since(JAN).servesOn(LocalDate.of(2099, 1, 1)));
    }

    @Test
    void spansThatMeetDoNotOverlapSpansThatShareADayDo() {
        CommitteeMembership m = span(JAN, MAR);
        assertFalse(m.overlaps(MAR, null), "starts the day it ends");
        assertTrue(m.overlaps(MAR.minusDays(1), null), "its last day");
        assertFalse(m.overlaps(JAN.minusDays(10), JAN), "ends the day it starts");
        assertTrue(m.overlaps(JAN.minusDays(10), JAN.plusDays(1)), "its first day");
        assertTrue(since(MAR).overlaps(JAN, null), "two open spans");
        assertTrue(since(MAR).overlaps(LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1)), "inside an open span");
        assertFalse(since(MAR).overlaps(JAN, MAR), "ends before an open span starts");
    }

    @Test
    void anEmptySpanOverlapsNothing() {
        assertFalse(span(MAR, MAR).overlaps(JAN, null));
        assertFalse(since(JAN).overlaps(MAR, MAR));
    }

    @Test
    void theFirstOverlappingMembershipIsNamed() {
        CommitteeMembership past = span(JAN, MAR);
        CommitteeMembership open = since(MAR);
        assertSame(open, CommitteeMembership.overlapping(List.of(past, open), MAR, null));
        assertSame(past, CommitteeMembership.overlapping(List.of(past, open), JAN, null));
        assertNull(CommitteeMembership.overlapping(List.of(past), MAR, null));
    }

    @Test
    void endingSetsTheFirstDayNoLongerServingOnceAndNotBeforeItStarted() {
        CommitteeMembership m = since(JAN);
        DomainException early = assertThrows(DomainException.class, () -> m.end(JAN.minusDays(1), "调离"));
        assertEquals("on", early.errors().get(0).field());
        assertNull(m.validTo);
        m.end(JAN, "当日调离");
        assertEquals(JAN, m.validTo);
        assertEquals("当日调离", m.endReason);
        assertEquals(ErrorCode.CONFLICT, assertThrows(DomainException.class, () -> m.end(MAR, "再次")).code());
    }
}
