package org.publiclegal.region;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 撤销 and 恢复 of a 行政区划 on the aggregate, without Quarkus. */
class RegionDeactivationTest {

    private static final LocalDate ON = LocalDate.of(2026, 6, 1);

    @Test
    void anExistingRegionIsOnTheRegisterSince2000() {
        Region r = Region.of("532932101201", "甲村");
        assertEquals(LocalDate.of(2000, 1, 1), r.validFrom);
        assertTrue(r.active());
        assertEquals("532932101000", r.parentCode);
    }

    @Test
    void deactivationSetsTheFirstDayOffTheRegisterOnceAndNotBeforeItsFirstDay() {
        Region r = Region.of("532932101201", "甲村");
        r.validFrom = ON;
        DomainException early = assertThrows(DomainException.class, () -> r.deactivate(ON.minusDays(1), "合并"));
        assertEquals("on", early.errors().get(0).field());
        assertTrue(r.active());
        r.deactivate(ON, "并入乙村");
        assertFalse(r.active());
        assertEquals(ON, r.validTo);
        assertEquals("并入乙村", r.deactivationReason);
        assertEquals(ErrorCode.CONFLICT, assertThrows(DomainException.class, () -> r.deactivate(ON, "再次")).code());
    }

    @Test
    void reactivationOpensANewSpanAndReturnsTheOldOne() {
        Region r = Region.of("532932101201", "甲村");
        r.deactivate(ON, "合并");
        var change = r.reactivate(ON.plusDays(1));
        assertTrue(r.active());
        assertEquals(ON.plusDays(1), r.validFrom);
        assertNull(r.validTo);
        assertNull(r.deactivationReason);
        assertEquals(LocalDate.of(2000, 1, 1), change.archived().from());
        assertEquals(ON, change.archived().to());
        assertEquals("合并", change.archived().reason());
    }
}
