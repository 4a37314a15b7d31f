package org.publiclegal.mediation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.mediation.MediationStatus.*;

/** The mediation state machine (人民调解法 Art. 17–31), without a database. */
class DisputeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(30));
    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 3, 2);
    private static final UUID MEDIATOR = UUID.randomUUID();

    /** Every act with the name {@link MediationStatus#actions()} uses. */
    private static final Map<String, Consumer<Dispute>> ACTS = new LinkedHashMap<>();

    static {
        ACTS.put("accept", d -> d.accept(DUE, false, NOW));
        ACTS.put("decline", d -> d.decline("已起诉", NOW));
        ACTS.put("consent", d -> d.partyConsented(false, NOW, "张三"));
        ACTS.put("refuse", d -> d.partyRefused("不愿调解", NOW));
        ACTS.put("assign", d -> d.assigned(NOW, "李调解员"));
        ACTS.put("extend", d -> d.extend(DUE.plus(Duration.ofDays(15)), "双方同意延长", NOW));
        ACTS.put("draft-agreement", d -> d.agreementDrafted(NOW));
        ACTS.put("confirm-agreement", d -> d.agreementConfirmed(NOW, "张三"));
        ACTS.put("seal-agreement", d -> d.sealed(true, NOW));
        ACTS.put("fail", d -> d.fail("分歧较大", NOW));
        ACTS.put("withdraw", d -> d.withdraw("已自行和解", NOW));
        ACTS.put("escalate", d -> d.escalate("有激化风险", NOW));
        ACTS.put("message", Dispute::requireOpenForMessages);
        ACTS.put("oral-agreement", d -> d.oralAgreement("申请人、被申请人1", NOW));
        ACTS.put("paper-agreement", d -> d.paperAgreement(NOW));
        ACTS.put("end-mediation", d -> d.endedByParty("被申请人1", "不想再谈", NOW));
        ACTS.put("archive", d -> d.archive(true, null, TODAY, MEDIATOR, NOW));
        ACTS.put("after-rejection", d -> d.note("after-rejection", "引导诉讼", NOW, SUCCEEDED));
    }


    private static Dispute in(MediationStatus status) {
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.status = status;
        d.dueAt = DUE;
        d.currentDueAt = status.isOpen() ? DUE : null;
        return d;
    }

    @ParameterizedTest
    @EnumSource(MediationStatus.class)
    void everyActNotListedForAStatusIsAnIllegalTransitionNamingTheAllowedOnes(MediationStatus status) {
        for (Map.Entry<String, Consumer<Dispute>> act : ACTS.entrySet()) {
            Dispute d = in(status);
            if (status.actions().contains(act.getKey())) {
                act.getValue().accept(d);
                if (!act.getKey().equals("message")) {
                    assertEquals(act.getKey(), d.drainSteps().get(0).action, status + " " + act.getKey());
                }
            } else {
                IllegalTransition e = assertThrows(IllegalTransition.class, () -> act.getValue().accept(d),
                        status + " must refuse " + act.getKey());
                assertEquals(status.actions(), e.allowed());
                assertEquals(status, d.status, "a refused act changes nothing");
                assertTrue(d.drainSteps().isEmpty());
            }
        }
    }

    @Test
    void acceptingStartsTheTimeLimitAndMediationBeginsOnlyWhenEveryPartyHasConsented() {
        Dispute waiting = in(SUBMITTED);
        waiting.accept(DUE, false, NOW);
        assertEquals(ACCEPTED, waiting.status);
        assertEquals(DUE, waiting.dueAt);
        assertEquals(DUE, waiting.currentDueAt);
        assertEquals(NOW, waiting.acceptedAt);

        Dispute ready = in(SUBMITTED);
        ready.accept(DUE, true, NOW);
        assertEquals(IN_MEDIATION, ready.status);
    }

    @Test
    void theLastConsentStartsMediationOnlyOnceTheCommitteeHasAccepted() {
        Dispute beforeAcceptance = in(SUBMITTED);
        beforeAcceptance.partyConsented(true, NOW, "王五");
        assertEquals(SUBMITTED, beforeAcceptance.status);
        assertEquals("王五同意调解", beforeAcceptance.drainSteps().get(0).note);

        Dispute notAll = in(ACCEPTED);
        notAll.partyConsented(false, NOW, "王五");
        assertEquals(ACCEPTED, notAll.status);

        Dispute all = in(ACCEPTED);
        all.partyConsented(true, NOW, "王五");
        assertEquals(IN_MEDIATION, all.status);
    }

    @Test
    void aRefusalDeclineFailureOrWithdrawalEndsTheCaseAndItsTimeLimit() {
        Dispute refused = in(ACCEPTED);
        refused.partyRefused("不愿调解", NOW);
        assertEquals(REFUSED_BY_PARTY, refused.status);
        assertNull(refused.currentDueAt);
        assertEquals(NOW, refused.concludedAt);

        Dispute declined = in(SUBMITTED);
        declined.decline("已向法院起诉", NOW);
        assertEquals(NOT_ACCEPTED, declined.status);
        assertEquals("已向法院起诉", declined.declineReason);
        assertNull(declined.currentDueAt);

        Dispute failed = in(AGREEMENT_PENDING);
        failed.fail("一方反悔", NOW);
        assertEquals(FAILED, failed.status);
        assertEquals("一方反悔", failed.failureReason);
        assertNull(failed.currentDueAt);
        assertEquals(NOW, failed.concludedAt);

        Dispute withdrawn = in(IN_MEDIATION);
        withdrawn.withdraw("已自行和解", NOW);
        assertEquals(WITHDRAWN, withdrawn.status);
        assertNull(withdrawn.currentDueAt);
        assertEquals(NOW, withdrawn.concludedAt);
    }

    @Test
    void anExtensionMustEndLaterThanTheCurrentTimeLimit() {
        Dispute same = in(IN_MEDIATION);
        DomainException e = assertThrows(DomainException.class, () -> same.extend(DUE, "延长", NOW), "the same day is no extension");
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertThrows(DomainException.class, () -> same.extend(DUE.minusSeconds(1), "延长", NOW));
        assertEquals(DUE, same.dueAt);

        Dispute longer = in(IN_MEDIATION);
        Instant later = DUE.plusSeconds(1);
        longer.extend(later, "双方同意延长", NOW);
        assertEquals(later, longer.dueAt);
        assertEquals(later, longer.currentDueAt);
        assertEquals("双方同意延长", longer.extensionReason);
        assertEquals(IN_MEDIATION, longer.status);

        Dispute noLimit = in(ACCEPTED);
        noLimit.dueAt = null;
        noLimit.extend(NOW, "设定期限", NOW);
        assertEquals(NOW, noLimit.dueAt);
    }

    @Test
    void theAgreementTakesEffectOnlyWhenEveryPartyHasConfirmedBeforeTheSeal() {
        Dispute unconfirmed = in(AGREEMENT_PENDING);
        DomainException e = assertThrows(DomainException.class, () -> unconfirmed.sealed(false, NOW));
        assertEquals(ErrorCode.BUSINESS_RULE, e.code());
        assertEquals(AGREEMENT_PENDING, unconfirmed.status);
        assertEquals(DUE, unconfirmed.currentDueAt);

        Dispute confirmed = in(AGREEMENT_PENDING);
        confirmed.agreementConfirmed(NOW, "张三");
        assertEquals(AGREEMENT_PENDING, confirmed.status);
        confirmed.sealed(true, NOW);
        assertEquals(SUCCEEDED, confirmed.status);
        assertEquals(NOW, confirmed.concludedAt);
        assertNull(confirmed.currentDueAt);
        List<MediationStep> steps = confirmed.drainSteps();
        assertEquals("张三确认协议", steps.get(0).note);
        assertEquals("协议生效", steps.get(1).note);
    }

    @Test
    void draftingAnAgreementWaitsForTheConfirmations() {
        Dispute d = in(IN_MEDIATION);
        d.agreementDrafted(NOW);
        assertEquals(AGREEMENT_PENDING, d.status);
        MediationStep step = d.drainSteps().get(0);
        assertEquals(IN_MEDIATION, step.fromStatus);
        assertEquals(AGREEMENT_PENDING, step.toStatus);
        assertEquals(d.id, step.disputeId);
        assertEquals(NOW, step.occurredAt);
    }

    @Test
    void aRiskReportAndAnAssignmentLeaveTheCaseWhereItIs() {
        Dispute d = in(ACCEPTED);
        d.escalate("扬言报复", NOW);
        assertEquals(NOW, d.riskEscalatedAt);
        assertEquals("扬言报复", d.riskNote);
        d.assigned(NOW, "李调解员、王调解员");
        assertEquals(ACCEPTED, d.status);
        assertEquals("李调解员、王调解员", d.drainSteps().get(1).note);
    }

    @Test
    void aTimelineNoteIsAllowedOnlyInTheStatusesGiven() {
        Dispute d = in(SUCCEEDED);
        d.note("follow-up", "已履行", NOW, SUCCEEDED);
        assertEquals("follow-up", d.drainSteps().get(0).action);
        assertThrows(IllegalTransition.class, () -> d.note("schedule-session", "x", NOW, ACCEPTED, IN_MEDIATION));
        assertTrue(d.drainSteps().isEmpty());
    }

    @Test
    void aCourtReferredCaseIsAcceptedOnEntryWithTheReferralsTimeLimit() {
        // the referral days moved to AppConfig (app.mediation.*-referral-days) in issue 13
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.origin = Dispute.Origin.COURT_REFERRED;
        d.referralType = Dispute.ReferralType.ENTRUSTED_SIMPLIFIED;
        d.courtCaseNumber = "(2026)云2932民初123号";
        d.referredByCourt(DUE, NOW);
        assertEquals(ACCEPTED, d.status);
        assertEquals(NOW, d.createdAt);
        assertEquals(NOW, d.acceptedAt);
        assertEquals(DUE, d.currentDueAt);
        assertEquals("ENTRUSTED_SIMPLIFIED (2026)云2932民初123号", d.drainSteps().get(0).note);
    }

    @Test
    void theResultGoesBackToTheCourtOnceAndOnlyWhenTheCaseHasAnOutcome() {
        Dispute open = in(IN_MEDIATION);
        open.origin = Dispute.Origin.COURT_REFERRED;
        assertThrows(IllegalTransition.class, () -> open.returnToCourt("x", NOW));

        Dispute applied = in(SUCCEEDED);
        applied.origin = Dispute.Origin.APPLIED;
        DomainException notReferred = assertThrows(DomainException.class, () -> applied.returnToCourt("x", NOW));
        assertEquals(ErrorCode.BUSINESS_RULE, notReferred.code());

        Dispute done = in(FAILED);
        done.origin = Dispute.Origin.COURT_REFERRED;
        done.returnToCourt("调解不成，退回法院", NOW);
        assertEquals(NOW, done.returnedToCourtAt);
        assertEquals("调解不成，退回法院", done.courtResultNote);
        assertEquals(FAILED, done.status);
        assertEquals("return-to-court", done.drainSteps().get(0).action);
        DomainException twice = assertThrows(DomainException.class, () -> done.returnToCourt("再次反馈", NOW));
        assertEquals(ErrorCode.CONFLICT, twice.code());
        assertEquals("调解不成，退回法院", done.courtResultNote);
    }

    @Test
    void aCaseIsOverdueOnlyAfterItsTimeLimitAndOnlyWhileOpen() {
        Dispute d = in(IN_MEDIATION);
        d.currentDueAt = NOW;
        assertFalse(d.isOverdue(NOW), "at the time limit is still in time");
        assertTrue(d.isOverdue(NOW.plusMillis(1)));
        d.status = SUCCEEDED;
        assertFalse(d.isOverdue(NOW.plusMillis(1)));
        d.status = IN_MEDIATION;
        d.currentDueAt = null;
        assertFalse(d.isOverdue(NOW.plusMillis(1)));
    }

    @Test
    void aSubmittedDisputeStartsItsTimelineAndDrainingEmptiesIt() {
        Dispute d = new Dispute();
        d.submitted(NOW);
        assertEquals(SUBMITTED, d.status);
        assertEquals(NOW, d.createdAt);
        assertEquals(1, d.drainSteps().size());
        assertTrue(d.drainSteps().isEmpty());
    }
}
