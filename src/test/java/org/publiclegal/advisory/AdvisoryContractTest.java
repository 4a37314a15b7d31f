package org.publiclegal.advisory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.publiclegal.shared.domain.DomainException;

import java.time.LocalDate;


/** A contract's term, early termination and renewal rules. */
class AdvisoryContractTest {

    private static AdvisoryContract contract() {
        AdvisoryContract c = new AdvisoryContract();
        c.startsOn = LocalDate.of(2026, 1, 1);
        c.endsOn = LocalDate.of(2026, 12, 31);
        return c;
    }

    @Test
    void theLastDayOfTheTermIsInForceAndTheNextIsNot() {
        AdvisoryContract c = contract();
        assertTrue(c.inForceOn(LocalDate.of(2026, 12, 31)));
        assertFalse(c.inForceOn(LocalDate.of(2027, 1, 1)));
        assertEquals(AdvisoryContract.Standing.EXPIRED, c.standingOn(LocalDate.of(2027, 1, 1)));
        assertEquals(AdvisoryContract.Standing.NOT_STARTED, c.standingOn(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void terminationTakesEffectOnItsDayAndCannotBeBackdatedOrRepeated() {
        AdvisoryContract c = contract();
        LocalDate today = LocalDate.of(2026, 6, 10);
        assertThrows(DomainException.class, () -> c.terminate(today.minusDays(1), "顾问调离", today));
        c.terminate(today, "顾问调离", today);
        assertTrue(c.inForceOn(today.minusDays(1)));
        assertFalse(c.inForceOn(today));
        assertEquals(AdvisoryContract.Standing.TERMINATED, c.standingOn(today));
        assertTrue(assertThrows(RuntimeException.class, () -> c.terminate(today, "再次", today)).getMessage().contains("不能重复解除"));
    }

    @Test
    void aTerminationAfterTheLastDayIsRefused() {
        AdvisoryContract c = contract();
        assertTrue(assertThrows(RuntimeException.class, () -> c.terminate(LocalDate.of(2027, 1, 1), "x", LocalDate.of(2026, 6, 1))).getMessage().contains("合同期限内"));
    }

    @Test
    void aRenewalMustStartTheDayAfterTheTermEnds() {
        AdvisoryContract c = contract();
        c.requireRenewable(LocalDate.of(2027, 1, 1));
        assertTrue(assertThrows(RuntimeException.class, () -> c.requireRenewable(LocalDate.of(2027, 1, 2))).getMessage().contains("期满次日"));
    }

    @Test
    void theDayBeforeTheStartIsNotStartedAndTheStartDayIsInForce() {
        AdvisoryContract c = contract();
        assertEquals(AdvisoryContract.Standing.NOT_STARTED, c.standingOn(LocalDate.of(2025, 12, 31)));
        assertEquals(AdvisoryContract.Standing.IN_FORCE, c.standingOn(LocalDate.of(2026, 1, 1)));
        assertEquals(AdvisoryContract.Standing.EXPIRED, c.standingOn(LocalDate.of(2027, 1, 1)));
    }
}
