package org.publiclegal.legalaid;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The service's own checks of a legal-aid case from a 台账: dates in order, a grant with its assignment, amounts. */
class AidHistoryRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate D = LocalDate.of(2026, 3, 5);
    private static final UUID FIRM = UUID.randomUUID();

    private static CaseHistoryCommands.ConcludedCase granted(LocalDate decided, LocalDate assigned, LocalDate closed,
                                                             BigDecimal recovered) {
        return new CaseHistoryCommands.ConcludedCase(D, "532932101001",
                new NoticeRegistration.NotifiedPerson("字*富", null, null, null), AidMatter.LABOUR_RELATIONSHIP_OR_WAGES,
                AidServiceType.CIVIL_ADMINISTRATIVE_REPRESENTATION, null, CaseHistoryCommands.Decision.GRANTED, decided,
                null, FIRM, null, assigned, closed, closed == null ? null : CaseOutcome.SETTLED, recovered);
    }

    private static String field(Runnable r) {
        return assertThrows(DomainException.class, r::run).errors().get(0).field();
    }

    @Test
    void everyStepOnTheSameDayAndTheLargestAmountPass() {
        assertDoesNotThrow(() -> AidHistoryService.check(granted(D, D, D, new BigDecimal("10000000000.00")), TODAY));
        assertDoesNotThrow(() -> AidHistoryService.check(granted(D, D, null, null), TODAY));
    }

    @Test
    void stepsOneDayEarlyAreRefusedNamingTheField() {
        assertEquals("decidedOn", field(() -> AidHistoryService.check(granted(D.minusDays(1), D, D, null), TODAY)));
        assertEquals("assignedOn", field(() -> AidHistoryService.check(granted(D.plusDays(1), D, null, null), TODAY)));
        assertEquals("closedOn", field(() -> AidHistoryService.check(granted(D, D.plusDays(1), D, null), TODAY)));
        assertEquals("closedOn", field(() -> AidHistoryService.check(granted(D, D, TODAY.plusDays(1), null), TODAY)));
    }

    @Test
    void aGrantNeedsItsAssignmentAndAnAmountItsClosing() {
        assertEquals("assignedOn", field(() -> AidHistoryService.check(granted(D, null, null, null), TODAY)));
        assertEquals("recovered", field(() -> AidHistoryService.check(granted(D, D, null, BigDecimal.ONE), TODAY)));
        assertEquals("recovered", field(() -> AidHistoryService.check(granted(D, D, D, new BigDecimal("0.001")), TODAY)));
        assertEquals("recovered", field(() -> AidHistoryService.check(granted(D, D, D, new BigDecimal("-0.01")), TODAY)));
        assertEquals("recovered", field(() -> AidHistoryService.check(granted(D, D, D,
                new BigDecimal("10000000000.01")), TODAY)));
        CaseHistoryCommands.ConcludedCase refused = new CaseHistoryCommands.ConcludedCase(D, "532932101001",
                new NoticeRegistration.NotifiedPerson("字*富", null, null, null), AidMatter.OTHER_CIVIL,
                AidServiceType.OTHER, null, CaseHistoryCommands.Decision.REFUSED, D, "不符合条件", FIRM, null, null, null,
                null, null);
        assertEquals("decision", field(() -> AidHistoryService.check(refused, TODAY)));
    }
}
