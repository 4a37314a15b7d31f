package org.publiclegal.mediation;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The service's own checks of a concluded case from a 台账 (the importer checks the same before; a caller may not). */
class CaseHistoryRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final UUID COURT = UUID.randomUUID();

    private static HistoryCommands.ConcludedCase concluded(LocalDate received, LocalDate concluded,
                                                           HistoryCommands.Outcome outcome, Agreement.Form form,
                                                           LocalDate applied, JudicialConfirmation.Ruling ruling,
                                                           LocalDate ruled) {
        return new HistoryCommands.ConcludedCase(Dispute.Origin.PROACTIVE, Dispute.IntakeChannel.APP, null, null, null,
                null, null, received, DisputeType.NEIGHBOUR, "情况", "532932101001", UUID.randomUUID(), List.of(),
                List.of(new HistoryCommands.HistoricParty(Party.Role.APPLICANT, Party.Kind.PERSON, "张*", null),
                        new HistoryCommands.HistoricParty(Party.Role.RESPONDENT, Party.Kind.PERSON, "李*", null)),
                outcome, form, concluded, null, applied == null ? null : COURT, applied, ruling, ruled);
    }

    private static String field(Runnable r) {
        return assertThrows(DomainException.class, r::run).errors().get(0).field();
    }

    @Test
    void aCaseConcludedOnTheDayItWasReceivedTodayPasses() {
        assertDoesNotThrow(() -> CaseHistoryService.check(concluded(TODAY, TODAY, HistoryCommands.Outcome.SUCCEEDED,
                Agreement.Form.ORAL, TODAY, JudicialConfirmation.Ruling.CONFIRMED, TODAY), TODAY));
    }

    @Test
    void datesOutOfOrderOrInTheFutureAreRefusedNamingTheField() {
        LocalDate d = LocalDate.of(2026, 3, 5);
        assertEquals("concludedOn", field(() -> CaseHistoryService.check(concluded(d, d.minusDays(1),
                HistoryCommands.Outcome.FAILED, null, null, null, null), TODAY)));
        assertEquals("concludedOn", field(() -> CaseHistoryService.check(concluded(d, TODAY.plusDays(1),
                HistoryCommands.Outcome.FAILED, null, null, null, null), TODAY)));
        assertEquals("judicialRuledOn", field(() -> CaseHistoryService.check(concluded(d, d,
                HistoryCommands.Outcome.SUCCEEDED, Agreement.Form.PAPER, d.plusDays(2),
                JudicialConfirmation.Ruling.REJECTED, d.plusDays(1)), TODAY)));
    }

    @Test
    void theAgreementFormGoesWithSuccessAndConfirmationWithAnAgreement() {
        LocalDate d = LocalDate.of(2026, 3, 5);
        assertEquals("agreementForm", field(() -> CaseHistoryService.check(concluded(d, d,
                HistoryCommands.Outcome.SUCCEEDED, null, null, null, null), TODAY)));
        assertEquals("agreementForm", field(() -> CaseHistoryService.check(concluded(d, d,
                HistoryCommands.Outcome.WITHDRAWN, Agreement.Form.ORAL, null, null, null), TODAY)));
        assertEquals("agreementForm", field(() -> CaseHistoryService.check(concluded(d, d,
                HistoryCommands.Outcome.SUCCEEDED, Agreement.Form.ONLINE, null, null, null), TODAY)));
        assertEquals("judicialAppliedOn", field(() -> CaseHistoryService.check(concluded(d, d,
                HistoryCommands.Outcome.FAILED, null, d, null, null), TODAY)));
        assertEquals("judicialRuledOn", field(() -> CaseHistoryService.check(concluded(d, d,
                HistoryCommands.Outcome.SUCCEEDED, Agreement.Form.ORAL, d, JudicialConfirmation.Ruling.CONFIRMED, null),
                TODAY)));
    }
}
