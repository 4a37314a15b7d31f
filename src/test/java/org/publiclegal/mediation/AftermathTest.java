package org.publiclegal.mediation;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.publiclegal.mediation.Aftermath.Confirmation.APPLIED;
import static org.publiclegal.mediation.Aftermath.Confirmation.CONFIRMED;
import static org.publiclegal.mediation.Aftermath.Confirmation.NOT_APPLIED;
import static org.publiclegal.mediation.Aftermath.Confirmation.REJECTED;
import static org.publiclegal.mediation.Aftermath.Confirmation.REJECTION_HANDLED;
import static org.publiclegal.mediation.Aftermath.FollowUpStage.DONE;
import static org.publiclegal.mediation.Aftermath.FollowUpStage.DUE;
import static org.publiclegal.mediation.Aftermath.FollowUpStage.NOT_SCHEDULED;

/** The aftermath of an effective agreement: 司法确认 and 回访 tracks, and 归档. */
class AftermathTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final UUID COURT = UUID.randomUUID();
    private static final UUID MEDIATOR = UUID.randomUUID();

    private static Dispute succeeded() {
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.status = MediationStatus.SUCCEEDED;
        return d;
    }

    private static FollowUp due(LocalDate on) {
        FollowUp f = new FollowUp();
        f.dueOn = on;
        return f;
    }

    private static JudicialConfirmation applied(LocalDate on) {
        JudicialConfirmation jc = new JudicialConfirmation();
        jc.appliedOn = on;
        return jc;
    }

    private static int status(Runnable act) {
        return assertThrows(DomainException.class, act::run).code().status();
    }

    @Test
    void theWindowRunsFromTheDayTheAgreementTookEffectToItsLastDayInclusive() {
        LocalDate effective = LocalDate.of(2026, 3, 1);
        LocalDate last = LocalDate.of(2026, 3, 31);
        assertDoesNotThrow(() -> Aftermath.requireWithinWindow(effective, effective, last, 30));
        assertDoesNotThrow(() -> Aftermath.requireWithinWindow(last, effective, last, 30));
        DomainException before = assertThrows(DomainException.class,
                () -> Aftermath.requireWithinWindow(effective.minusDays(1), effective, last, 30));
        assertEquals(ErrorCode.BUSINESS_RULE, before.code());
        assertThrows(DomainException.class, () -> Aftermath.requireWithinWindow(last.plusDays(1), effective, last, 30));
    }

    @Test
    void applyingMovesFromNotAppliedToAppliedAndRecordsAStep() {
        Dispute d = succeeded();
        Aftermath a = new Aftermath(d, null, due(TODAY));
        assertEquals(NOT_APPLIED, a.confirmation());
        JudicialConfirmation jc = a.applyForConfirmation(COURT, "某法院", TODAY, MEDIATOR, NOW);
        assertEquals(d.id, jc.disputeId);
        assertEquals(COURT, jc.courtId);
        assertEquals(TODAY, jc.appliedOn);
        assertEquals(MEDIATOR, jc.recordedBy);
        assertEquals(NOW, jc.recordedAt);
        assertNull(jc.ruling);
        assertEquals(APPLIED, new Aftermath(d, jc, null).confirmation());
        var step = d.drainSteps().get(0);
        assertEquals("judicial-confirmation", step.action);
        assertEquals("向某法院申请司法确认", step.note);
    }

    @Test
    void applyingTwiceIsAConflictAndOnlyASuccessfulCaseMayApply() {
        assertEquals(409, status(() -> new Aftermath(succeeded(), applied(TODAY), null)
                .applyForConfirmation(COURT, "法院", TODAY, MEDIATOR, NOW)));
        Dispute failed = succeeded();
        failed.status = MediationStatus.FAILED;
        assertThrows(IllegalTransition.class, () -> new Aftermath(failed, null, null)
                .applyForConfirmation(COURT, "法院", TODAY, MEDIATOR, NOW));
    }

    @Test
    void aRulingNeedsAnApplicationIsRecordedOnceAndNotBeforeTheApplication() {
        assertEquals(ErrorCode.BUSINESS_RULE, assertThrows(DomainException.class, () -> new Aftermath(succeeded(), null,
                null).recordRuling(JudicialConfirmation.Ruling.CONFIRMED, TODAY, NOW)).code());
        DomainException early = assertThrows(DomainException.class, () -> new Aftermath(succeeded(), applied(TODAY), null)
                .recordRuling(JudicialConfirmation.Ruling.CONFIRMED, TODAY.minusDays(1), NOW));
        assertEquals(ErrorCode.VALIDATION_FAILED, early.code());

        Dispute d = succeeded();
        JudicialConfirmation jc = applied(TODAY);
        Aftermath a = new Aftermath(d, jc, null);
        // the same day as the application; the service persists the record it is given back
        assertSame(jc, a.recordRuling(JudicialConfirmation.Ruling.CONFIRMED, TODAY, NOW));
        assertEquals(CONFIRMED, a.confirmation());
        assertEquals(TODAY, jc.ruledOn);
        assertEquals("法院裁定确认协议有效", d.drainSteps().get(0).note);
        assertEquals(409, status(() -> a.recordRuling(JudicialConfirmation.Ruling.REJECTED, TODAY, NOW)));
    }

    @Test
    void afterARejectionTheRouteIsRecordedOnce() {
        Dispute d = succeeded();
        JudicialConfirmation jc = applied(TODAY);
        Aftermath a = new Aftermath(d, jc, null);
        assertEquals(ErrorCode.BUSINESS_RULE, assertThrows(DomainException.class,
                () -> a.afterRejection(JudicialConfirmation.AfterRejection.RESUME_MEDIATION, null, NOW)).code());
        a.recordRuling(JudicialConfirmation.Ruling.REJECTED, TODAY, NOW);
        assertEquals(REJECTED, a.confirmation());
        assertEquals("法院裁定驳回申请", d.drainSteps().get(0).note);
        assertSame(jc, a.afterRejection(JudicialConfirmation.AfterRejection.LITIGATION_GUIDANCE, "已释明", NOW));
        assertEquals(REJECTION_HANDLED, a.confirmation());
        assertEquals("已释明", jc.afterRejectionNote);
        assertEquals("司法确认被驳回，已告知当事人可就原协议或原纠纷向人民法院提起诉讼：已释明", d.drainSteps().get(0).note);
        assertEquals(409, status(() -> a.afterRejection(JudicialConfirmation.AfterRejection.RESUME_MEDIATION, null, NOW)));
    }

    @Test
    void resumingMediationWithoutANoteSaysSo() {
        Dispute d = succeeded();
        JudicialConfirmation jc = applied(TODAY);
        jc.ruling = JudicialConfirmation.Ruling.REJECTED;
        new Aftermath(d, jc, null).afterRejection(JudicialConfirmation.AfterRejection.RESUME_MEDIATION, " ", NOW);
        assertEquals("司法确认被驳回，当事人同意通过人民调解变更原协议或达成新协议", d.drainSteps().get(0).note);
        JudicialConfirmation confirmed = applied(TODAY);
        confirmed.ruling = JudicialConfirmation.Ruling.CONFIRMED;
        assertEquals(ErrorCode.BUSINESS_RULE, assertThrows(DomainException.class, () -> new Aftermath(succeeded(),
                confirmed, null).afterRejection(JudicialConfirmation.AfterRejection.RESUME_MEDIATION, null, NOW)).code());
    }

    @Test
    void theFollowUpIsRecordedOnceAndOnlyWhenScheduled() {
        assertEquals(NOT_SCHEDULED, new Aftermath(succeeded(), null, null).followUp());
        assertEquals(ErrorCode.BUSINESS_RULE, assertThrows(DomainException.class, () -> new Aftermath(succeeded(), null,
                null).recordFollowUp(FollowUp.Performance.PERFORMED, 5, null, MEDIATOR, NOW)).code());
        Dispute d = succeeded();
        FollowUp f = due(TODAY);
        Aftermath a = new Aftermath(d, null, f);
        assertEquals(DUE, a.followUp());
        assertSame(f, a.recordFollowUp(FollowUp.Performance.PARTLY, 3, "部分履行", MEDIATOR, NOW));
        assertEquals(DONE, a.followUp());
        assertEquals(NOW, f.doneAt);
        assertEquals(FollowUp.Performance.PARTLY, f.performance);
        assertEquals(3, f.satisfaction);
        assertEquals("部分履行", f.note);
        assertEquals(MEDIATOR, f.recordedBy);
        assertEquals("PARTLY", d.drainSteps().get(0).note);
        assertEquals(409, status(() -> a.recordFollowUp(FollowUp.Performance.PERFORMED, 5, null, MEDIATOR, NOW)));
    }

    @Test
    void aSuccessfulCaseIsArchivedAfterItsFollowUpOrOnceTheFollowUpDateHasPassed() {
        assertThrows(DomainException.class, () -> new Aftermath(succeeded(), null, due(TODAY)).archive(TODAY, MEDIATOR, NOW));
        Dispute late = succeeded();
        new Aftermath(late, null, due(TODAY)).archive(TODAY.plusDays(1), MEDIATOR, NOW);
        assertEquals(NOW, late.archivedAt);
        assertEquals("归档", late.drainSteps().get(0).note);
        Dispute done = succeeded();
        FollowUp f = due(TODAY);
        f.doneAt = NOW;
        new Aftermath(done, null, f).archive(TODAY, MEDIATOR, NOW);
        assertEquals(MEDIATOR, done.archivedBy);
        assertEquals("回访后归档", done.drainSteps().get(0).note);
        Dispute none = succeeded();
        new Aftermath(none, null, null).archive(TODAY, MEDIATOR, NOW);
        assertEquals(NOW, none.archivedAt);
    }
}
