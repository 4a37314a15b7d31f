package org.publiclegal.identity;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;
import org.publiclegal.shared.security.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 停用账号: the rule on the aggregate, without Quarkus. */
class AccountDeactivationTest {

    /** 2026-03-01 00:30 China time is still 28 February in UTC: valid_from follows the China date. */
    private static final Instant CREATED = Instant.parse("2026-02-28T16:30:00Z");

    private static Account mediator() {
        return Account.staff("调解员", Set.of(Roles.MEDIATOR), UUID.randomUUID(), "530000000000", CREATED);
    }

    @Test
    void servesFromTheChinaDateItWasCreatedOn() {
        Account a = mediator();
        assertEquals(LocalDate.of(2026, 3, 1), a.validFrom);
        assertNull(a.validTo);
        assertTrue(a.active);
    }

    @Test
    void deactivationOnTheFirstServingDaySetsBothTheDayAndTheFlag() {
        Account a = mediator();
        a.deactivate(LocalDate.of(2026, 3, 1), "调离");
        assertFalse(a.active);
        assertEquals(LocalDate.of(2026, 3, 1), a.validTo);
        assertEquals("调离", a.deactivationReason);
    }

    @Test
    void deactivationTheDayBeforeServingStartedIsAFieldError() {
        Account a = mediator();
        DomainException e = assertThrows(DomainException.class, () -> a.deactivate(LocalDate.of(2026, 2, 28), "调离"));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("on", e.errors().get(0).field());
        assertTrue(a.active);
        assertNull(a.validTo);
    }

    @Test
    void aSecondDeactivationIsAConflictAndKeepsTheFirstDay() {
        Account a = mediator();
        a.deactivate(LocalDate.of(2026, 4, 1), "调离");
        DomainException e = assertThrows(DomainException.class, () -> a.deactivate(LocalDate.of(2026, 5, 1), "再次"));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals(LocalDate.of(2026, 4, 1), a.validTo);
        assertEquals("调离", a.deactivationReason);
    }

    @Test
    void reactivationOpensANewSpanFromTheDayGivenAndReturnsTheOldOne() {
        Account a = mediator();
        a.deactivate(LocalDate.of(2026, 4, 1), "误停用");
        var change = a.reactivate(LocalDate.of(2026, 5, 1));
        assertTrue(a.active);
        assertEquals(LocalDate.of(2026, 5, 1), a.validFrom);
        assertNull(a.validTo);
        assertNull(a.deactivationReason);
        assertEquals(LocalDate.of(2026, 3, 1), change.archived().from());
        assertEquals(LocalDate.of(2026, 4, 1), change.archived().to());
        assertEquals("误停用", change.archived().reason());
        assertEquals(ErrorCode.CONFLICT, assertThrows(DomainException.class,
                () -> a.reactivate(LocalDate.of(2026, 6, 1))).code());
    }
}
