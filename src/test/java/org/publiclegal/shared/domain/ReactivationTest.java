package org.publiclegal.shared.domain;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 重新启用: a new span from the day given, the old one kept; boundaries named. */
class ReactivationTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate OFF = LocalDate.of(2026, 3, 1);

    @Test
    void aServingRowCannotBeReactivated() {
        DomainException e = assertThrows(DomainException.class, () -> Reactivation.of("机构", FROM, null, null, OFF));
        assertEquals(ErrorCode.CONFLICT, e.code());
    }

    @Test
    void theDayBeforeTheDeactivationIsRefusedNamingTheField() {
        DomainException e = assertThrows(DomainException.class,
                () -> Reactivation.of("机构", FROM, OFF, "撤并", OFF.minusDays(1)));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("on", e.errors().get(0).field());
    }

    @Test
    void reactivatingOnTheDeactivationDayUndoesItWithNothingArchived() {
        Reactivation r = Reactivation.of("机构", FROM, OFF, "误停用", OFF);
        assertEquals(FROM, r.newFrom());
        assertNull(r.archived());
    }

    @Test
    void reactivatingAfterAGapArchivesTheOldSpanWithItsReason() {
        Reactivation r = Reactivation.of("机构", FROM, OFF, "撤并", OFF.plusDays(1));
        assertEquals(OFF.plusDays(1), r.newFrom());
        assertEquals(new Reactivation.Span(FROM, OFF, "撤并"), r.archived());
    }

    @Test
    void aSpanThatServedNoDayIsNotArchived() {
        Reactivation r = Reactivation.of("账号", OFF, OFF, null, OFF.plusDays(3));
        assertEquals(OFF.plusDays(3), r.newFrom());
        assertNull(r.archived());
    }
}
