package org.publiclegal.legalaid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statutory state machine, without a database. */
class LegalAidApplicationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(7));

    /** Every act the aggregate knows, by the name {@link ApplicationStatus#actions()} uses. */
    private static final Map<String, Consumer<LegalAidApplication>> ACTS = new LinkedHashMap<>();

    static {
        ACTS.put("submit", a -> a.submit(LATER, NOW));
        ACTS.put("withdraw", a -> a.withdraw(NOW, null));
        ACTS.put("supplement", a -> a.supplement(NOW, null));
        ACTS.put("object", a -> a.object("不服", LATER, NOW));
        ACTS.put("rate", a -> a.rate(5, null, NOW));
        ACTS.put("receive", a -> a.receive(NOW));
        ACTS.put("request-materials", a -> a.requestMaterials("户口本", LATER, true, NOW));
        ACTS.put("grant", a -> a.grant(null, LATER, NOW));
        ACTS.put("refuse", a -> a.refuse("不符合经济困难标准", NOW));
        ACTS.put("assign", a -> a.assign(UUID.randomUUID(), UUID.randomUUID(), NOW));
        ACTS.put("assign-provisionally", a -> a.assignProvisionally(UUID.randomUUID(), UUID.randomUUID(), NOW));
        ACTS.put("accept", a -> a.accept(NOW));
        ACTS.put("progress-note", a -> a.progressNote("开庭", NOW));
        ACTS.put("close", a -> a.close(CaseOutcome.WON, 100L, 100L, "报告", NOW));
        ACTS.put("terminate", a -> a.terminate(TerminationGround.HIRED_OWN_LAWYER, "自行委托", NOW));
        ACTS.put("decide-objection", a -> a.decideObjection(true, "维持", LATER, NOW));
        ACTS.put("deem-withdrawn", a -> a.deemWithdrawn(NOW));
    }

    private static LegalAidApplication in(ApplicationStatus status) {
        LegalAidApplication a = new LegalAidApplication();
        a.id = UUID.randomUUID();
        a.status = status;
        a.provisionalAidGrounds = true;
        a.urgentPreservation = true;
        a.reviewDueAt = LATER;
        a.statusBeforeObjection = ApplicationStatus.REFUSED;
        a.statusBeforeTermination = ApplicationStatus.IN_PROGRESS;
        return a;
    }

    @ParameterizedTest
    @EnumSource(ApplicationStatus.class)
    void everyActNotListedForAStatusIsAnIllegalTransitionNamingTheAllowedOnes(ApplicationStatus status) {
        for (Map.Entry<String, Consumer<LegalAidApplication>> act : ACTS.entrySet()) {
            LegalAidApplication a = in(status);
            boolean allowed = status.actions().contains(act.getKey())
                    || (act.getKey().equals("deem-withdrawn") && status == ApplicationStatus.MATERIALS_REQUESTED);
            if (act.getKey().equals("upload-material")) {
                continue;
            }
            if (allowed) {
                act.getValue().accept(a);
                String expectedStep = act.getKey().equals("decide-objection") ? "uphold-objection" : act.getKey();
                assertEquals(expectedStep, a.lastStep().action, status + " " + act.getKey());
            } else {
                IllegalTransition e = assertThrows(IllegalTransition.class, () -> act.getValue().accept(a),
                        status + " must refuse " + act.getKey());
                assertEquals(status.actions(), e.allowed());
                assertEquals(status, a.status, "a refused act changes nothing");
            }
        }
    }

    @Test
    void submittingStartsTheReviewClockAndReceivingKeepsIt() {
        LegalAidApplication a = in(ApplicationStatus.DRAFT);
        a.reviewDueAt = null;
        a.submit(LATER, NOW);
        assertEquals(LATER, a.reviewDueAt);
        assertEquals(LATER, a.currentDueAt);
        a.receive(NOW.plus(Duration.ofDays(3)));
        assertEquals(ApplicationStatus.UNDER_REVIEW, a.status);
        assertEquals(LATER, a.currentDueAt, "Art. 43 counts from receipt of the application, not from the officer's click");
    }

    @Test
    void aRefusalEndsProvisionalAidAndANewDecisionCanBeObjectedToAgain() {
        LegalAidApplication a = in(ApplicationStatus.UNDER_REVIEW);
        a.limitationEndsOn = LocalDate.ofInstant(NOW, java.time.ZoneId.of("Asia/Shanghai")).plusDays(2);
        a.assignProvisionally(UUID.randomUUID(), UUID.randomUUID(), NOW);
        a.refuse("不符合条件", NOW);
        assertNull(a.lawyerId, "the provisional lawyer no longer sees the case");
        a.object("不服", LATER, NOW);
        a.decideObjection(false, "纠正", LATER, NOW);
        a.assign(UUID.randomUUID(), UUID.randomUUID(), NOW);
        a.terminate(TerminationGround.NO_LONGER_IN_HARDSHIP, "收入提高", NOW);
        a.object("终止不当", LATER, NOW);
        assertEquals(ApplicationStatus.OBJECTION_FILED, a.status);
    }

    @Test
    void materialsCanBeRequestedOnlyOnceAndTheClockResumesWithThePausedTimeAddedBack() {
        LegalAidApplication a = in(ApplicationStatus.UNDER_REVIEW);
        Instant materialsDue = NOW.plus(Duration.ofDays(10));
        a.requestMaterials("户口本；收入证明", materialsDue, true, NOW);
        assertEquals(materialsDue, a.currentDueAt);
        a.supplement(NOW.plus(Duration.ofDays(2)), null);
        assertEquals(LATER.plus(Duration.ofDays(2)), a.reviewDueAt, "two paused days are added back");
        assertEquals(a.reviewDueAt, a.currentDueAt);
        assertThrows(DomainException.class, () -> a.requestMaterials("再补一次", materialsDue, true, NOW));
    }

    @Test
    void withoutPausingTheReviewDeadlineStays() {
        LegalAidApplication a = in(ApplicationStatus.UNDER_REVIEW);
        a.requestMaterials("户口本", NOW.plus(Duration.ofDays(10)), false, NOW);
        a.supplement(NOW.plus(Duration.ofDays(2)), null);
        assertEquals(LATER, a.reviewDueAt);
    }

    @Test
    void provisionalAidNeedsArticle44Grounds() {
        LocalDate today = LocalDate.of(2026, 3, 2);
        assertTrue(LegalAidApplication.hasProvisionalAidGrounds(today.plusDays(6), false, today));
        assertFalse(LegalAidApplication.hasProvisionalAidGrounds(today.plusDays(7), false, today));
        assertFalse(LegalAidApplication.hasProvisionalAidGrounds(today.minusDays(1), false, today));
        assertTrue(LegalAidApplication.hasProvisionalAidGrounds(null, true, today));
        LegalAidApplication a = in(ApplicationStatus.UNDER_REVIEW);
        a.urgentPreservation = false;
        a.limitationEndsOn = LocalDate.ofInstant(NOW, java.time.ZoneId.of("Asia/Shanghai")).plusDays(30);
        assertThrows(DomainException.class, () -> a.assignProvisionally(UUID.randomUUID(), UUID.randomUUID(), NOW),
                "a limitation period ending in 30 days is no ground");
    }

    @Test
    void grantingAfterProvisionalAidAssignsAtOnce() {
        LegalAidApplication a = in(ApplicationStatus.UNDER_REVIEW);
        a.assignProvisionally(UUID.randomUUID(), UUID.randomUUID(), NOW);
        assertEquals(ApplicationStatus.UNDER_REVIEW, a.status);
        a.grant(null, LATER, NOW);
        assertEquals(ApplicationStatus.ASSIGNED, a.status);
        assertNull(a.currentDueAt);
    }

    @Test
    void aCorrectedRefusalBecomesAGrantAndACorrectedTerminationIsUndone() {
        LegalAidApplication refused = in(ApplicationStatus.REFUSED);
        refused.object("我符合条件", LATER, NOW);
        refused.decideObjection(false, "应予援助", LATER, NOW);
        assertEquals(ApplicationStatus.GRANTED, refused.status);
        assertEquals(LATER, refused.assignmentDueAt);

        LegalAidApplication terminated = in(ApplicationStatus.IN_PROGRESS);
        terminated.terminate(TerminationGround.NO_LONGER_IN_HARDSHIP, "收入提高", NOW);
        terminated.object("收入并未提高", LATER, NOW);
        terminated.decideObjection(false, "终止理由不成立", LATER, NOW);
        assertEquals(ApplicationStatus.IN_PROGRESS, terminated.status);

        LegalAidApplication upheld = in(ApplicationStatus.REFUSED);
        upheld.object("不服", LATER, NOW);
        upheld.decideObjection(true, "维持", LATER, NOW);
        assertEquals(ApplicationStatus.REFUSED, upheld.status);
        assertThrows(DomainException.class, () -> upheld.object("再次异议", LATER, NOW));
    }

    // ---- Art. 44 provisional aid ending without a grant -------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"withdraw", "deem-withdrawn", "refuse"})
    void aProvisionallyAssignedLawyerLeavesTheCaseAndLosesAccessWhenItEndsWithoutAGrant(String act) {
        LegalAidApplication a = in(act.equals("refuse") ? ApplicationStatus.UNDER_REVIEW : ApplicationStatus.MATERIALS_REQUESTED);
        a.applicantId = UUID.randomUUID();
        a.centreId = UUID.randomUUID();
        a.regionCode = "532932101001";
        UUID lawyer = UUID.randomUUID();
        a.assignProvisionally(lawyer, UUID.randomUUID(), NOW);
        AccessScope lawyerScope = new AccessScope(lawyer, Set.of(Roles.LAWYER), UUID.randomUUID(), "532932000000");
        assertTrue(lawyerScope.canSeeCase(a.applicantId, a.regionCode, a.centreId, a.lawyerId), "sees it while acting");

        ACTS.get(act).accept(a);

        assertNull(a.lawyerId);
        assertNull(a.providerOrgId);
        assertFalse(a.provisionalAid, "nobody gives provisional aid any more");
        assertFalse(lawyerScope.canSeeCase(a.applicantId, a.regionCode, a.centreId, a.lawyerId), "that lawyer no longer sees the case");
        assertTrue(a.lastStep().note.endsWith(LegalAidApplication.PROVISIONAL_AID_ENDED), a.lastStep().note);
    }

    @Test
    void withdrawingWithoutProvisionalAidKeepsTheApplicantsReasonAsTheNote() {
        LegalAidApplication a = in(ApplicationStatus.UNDER_REVIEW);
        a.withdraw(NOW, "已与对方和解");
        assertEquals("已与对方和解", a.lastStep().note);
        assertNull(a.currentDueAt);

        LegalAidApplication provisional = in(ApplicationStatus.UNDER_REVIEW);
        provisional.assignProvisionally(UUID.randomUUID(), UUID.randomUUID(), NOW);
        provisional.withdraw(NOW, "已与对方和解");
        assertEquals("已与对方和解；" + LegalAidApplication.PROVISIONAL_AID_ENDED, provisional.lastStep().note);
    }

    @Test
    void aProvisionalLawyerStaysWhenTheApplicationIsGrantedAndIsNotReplacedByASecondOne() {
        LegalAidApplication a = in(ApplicationStatus.SUBMITTED);
        UUID lawyer = UUID.randomUUID();
        a.assignProvisionally(lawyer, UUID.randomUUID(), NOW);
        assertEquals(ApplicationStatus.SUBMITTED, a.status, "provisional aid does not move the application");
        assertTrue(a.provisionalAid);
        assertThrows(DomainException.class, () -> a.assignProvisionally(UUID.randomUUID(), UUID.randomUUID(), NOW));
        assertEquals(lawyer, a.lawyerId);
    }

    @Test
    void provisionalAidGroundsAreRecomputedOnTheChinaDateOfTheAssignment() {
        LegalAidApplication a = in(ApplicationStatus.UNDER_REVIEW);
        a.urgentPreservation = false;
        a.provisionalAidGrounds = false;
        // 2026-03-02T02:00Z is 10:00 on 2 March in China: a limitation period ending 8 March is 6 days away
        a.limitationEndsOn = LocalDate.of(2026, 3, 8);
        a.assignProvisionally(UUID.randomUUID(), UUID.randomUUID(), NOW);
        assertTrue(a.provisionalAidGrounds);
        assertTrue(a.provisionalAid);
    }

    @Test
    void anArt44LimitationPeriodEndingTodayIsAGroundAndOneThatEndedYesterdayIsNot() {
        LocalDate today = LocalDate.of(2026, 3, 2);
        assertTrue(LegalAidApplication.hasProvisionalAidGrounds(today, false, today));
        assertFalse(LegalAidApplication.hasProvisionalAidGrounds(today.minusDays(1), false, today));
        assertFalse(LegalAidApplication.hasProvisionalAidGrounds(null, false, today), "no limitation, no urgency");
        assertTrue(LegalAidApplication.hasProvisionalAidGrounds(today.plusDays(30), true, today), "urgency suffices");
    }

    @Test
    void submittingComputesTheArt44GroundsFromTheSubmissionDay() {
        LegalAidApplication a = in(ApplicationStatus.DRAFT);
        a.urgentPreservation = false;
        a.limitationEndsOn = LocalDate.of(2026, 3, 9); // 7 days after 2 March: not under 7
        a.submit(LATER, NOW);
        assertFalse(a.provisionalAidGrounds);
        assertEquals(NOW, a.submittedAt);

        LegalAidApplication b = in(ApplicationStatus.DRAFT);
        b.urgentPreservation = false;
        b.limitationEndsOn = LocalDate.of(2026, 3, 8);
        b.submit(LATER, NOW);
        assertTrue(b.provisionalAidGrounds);
    }

    // ---- supplements and deadlines --------------------------------------------------------------------

    @Test
    void aSupplementHandedInExactlyAtItsDeadlineIsAcceptedAndOneSecondLaterIsNot() {
        Instant due = NOW.plus(Duration.ofDays(10));
        LegalAidApplication onTime = in(ApplicationStatus.UNDER_REVIEW);
        onTime.requestMaterials("户口本", due, true, NOW);
        onTime.supplement(due, "补交户口本");
        assertEquals(ApplicationStatus.UNDER_REVIEW, onTime.status);
        assertEquals(LATER.plus(Duration.ofDays(10)), onTime.reviewDueAt, "ten paused days are added back");
        assertNull(onTime.clockPausedAt);

        LegalAidApplication late = in(ApplicationStatus.UNDER_REVIEW);
        late.requestMaterials("户口本", due, true, NOW);
        DomainException e = assertThrows(DomainException.class, () -> late.supplement(due.plusSeconds(1), null));
        assertTrue(e.getMessage().contains("视为撤回"), e.getMessage());
        assertEquals(ApplicationStatus.MATERIALS_REQUESTED, late.status);
    }

    @Test
    void aSupplementWithoutADeadlineIsAlwaysAccepted() {
        LegalAidApplication a = in(ApplicationStatus.MATERIALS_REQUESTED);
        a.materialsDueAt = null;
        a.clockPausedAt = null;
        a.supplement(LATER.plus(Duration.ofDays(100)), null);
        assertEquals(ApplicationStatus.UNDER_REVIEW, a.status);
        assertEquals(LATER, a.reviewDueAt, "no pause, no time added");
        assertEquals(LATER, a.currentDueAt);
    }

    @Test
    void requestingMaterialsWaitsForThemAndPausesOnlyWhenConfigured() {
        Instant due = NOW.plus(Duration.ofDays(10));
        LegalAidApplication paused = in(ApplicationStatus.UNDER_REVIEW);
        paused.requestMaterials("户口本", due, true, NOW);
        assertEquals(NOW, paused.clockPausedAt);
        assertEquals(due, paused.materialsDueAt);
        assertEquals("户口本", paused.missingItems);
        assertTrue(paused.materialsRequested);

        LegalAidApplication running = in(ApplicationStatus.UNDER_REVIEW);
        running.requestMaterials("户口本", due, false, NOW);
        assertNull(running.clockPausedAt);
    }

    @Test
    void deemingWithdrawnEndsTheWait() {
        LegalAidApplication a = in(ApplicationStatus.MATERIALS_REQUESTED);
        a.currentDueAt = LATER;
        a.deemWithdrawn(NOW);
        assertEquals(ApplicationStatus.DEEMED_WITHDRAWN, a.status);
        assertNull(a.currentDueAt);
        assertEquals("逾期未补正材料，视为撤回申请", a.lastStep().note);
    }

    // ---- decisions ------------------------------------------------------------------------------------

    @Test
    void grantingStartsTheAssignmentClockAndRefusingStopsAllClocks() {
        LegalAidApplication granted = in(ApplicationStatus.UNDER_REVIEW);
        granted.grant("符合条件", LATER, NOW);
        assertEquals(ApplicationStatus.GRANTED, granted.status);
        assertEquals(LATER, granted.assignmentDueAt);
        assertEquals(LATER, granted.currentDueAt);
        assertEquals(NOW, granted.decidedAt);
        assertNull(granted.assignedAt);

        LegalAidApplication refused = in(ApplicationStatus.UNDER_REVIEW);
        refused.currentDueAt = LATER;
        refused.refuse("不符合经济困难标准", NOW);
        assertNull(refused.currentDueAt);
        assertEquals("不符合经济困难标准", refused.decisionReason);
        assertEquals("不符合经济困难标准", refused.lastStep().note);
    }

    @Test
    void assigningAndAcceptingRecordTheLawyerAndStopTheClock() {
        LegalAidApplication a = in(ApplicationStatus.GRANTED);
        a.currentDueAt = LATER;
        UUID lawyer = UUID.randomUUID();
        UUID firm = UUID.randomUUID();
        a.assign(lawyer, firm, NOW);
        assertEquals(lawyer, a.lawyerId);
        assertEquals(firm, a.providerOrgId);
        assertNull(a.currentDueAt);
        assertFalse(a.provisionalAid);
        a.accept(NOW);
        assertEquals(ApplicationStatus.IN_PROGRESS, a.status);
        assertEquals(NOW, a.acceptedAt);
        a.close(CaseOutcome.WON, 500_000L, 300_000L, "胜诉", NOW);
        assertEquals(ApplicationStatus.CLOSED, a.status);
        assertEquals(300_000L, a.recoveredAmountFen);
        assertEquals("WON", a.lastStep().note);
    }

    @Test
    void anUpheldObjectionIsStoredAsUpheldAndACorrectionAsCorrected() {
        LegalAidApplication upheld = in(ApplicationStatus.REFUSED);
        upheld.object("不服", LATER, NOW);
        assertEquals(LATER, upheld.currentDueAt, "the bureau's 5 days run");
        upheld.decideObjection(true, "维持", LATER, NOW);
        assertEquals("UPHELD", upheld.objectionDecision);
        assertEquals(NOW, upheld.objectionDecidedAt);
        assertNull(upheld.currentDueAt);
        assertEquals("uphold-objection", upheld.lastStep().action);

        LegalAidApplication corrected = in(ApplicationStatus.REFUSED);
        corrected.object("不服", LATER, NOW);
        corrected.decideObjection(false, "应予援助", LATER, NOW);
        assertEquals("CORRECTED", corrected.objectionDecision);
        assertEquals("correct-decision", corrected.lastStep().action);
        assertEquals("应予援助", corrected.decisionReason);
        assertEquals(NOW, corrected.decidedAt);
    }

    @Test
    void aCorrectedTerminationOfAGrantedCaseRestartsTheAssignmentDeadline() {
        Instant newDue = LATER.plus(Duration.ofDays(3));
        LegalAidApplication a = in(ApplicationStatus.GRANTED);
        a.assignmentDueAt = NOW;
        a.terminate(TerminationGround.NO_LONGER_IN_HARDSHIP, "收入提高", NOW);
        assertEquals(ApplicationStatus.GRANTED, a.statusBeforeTermination);
        assertNull(a.currentDueAt);
        a.object("收入并未提高", LATER, NOW);
        a.decideObjection(false, "终止理由不成立", newDue, NOW);
        assertEquals(ApplicationStatus.GRANTED, a.status);
        assertEquals(newDue, a.assignmentDueAt, "a new 3-day assignment period, not the lapsed one");
        assertEquals(newDue, a.currentDueAt);
        assertNull(a.terminationGround);
    }

    @Test
    void aCorrectedTerminationOfACaseInProgressWaitsForNothing() {
        LegalAidApplication a = in(ApplicationStatus.IN_PROGRESS);
        a.terminate(TerminationGround.NO_LONGER_IN_HARDSHIP, "收入提高", NOW);
        a.object("收入并未提高", LATER, NOW);
        a.decideObjection(false, "终止理由不成立", LATER, NOW);
        assertEquals(ApplicationStatus.IN_PROGRESS, a.status);
        assertNull(a.currentDueAt);
        assertNull(a.assignmentDueAt);
    }

    @Test
    void aRatingIsGivenOnce() {
        LegalAidApplication a = in(ApplicationStatus.CLOSED);
        a.rate(4, "满意", NOW);
        assertEquals(4, a.rating);
        assertEquals("4星", a.lastStep().note);
        assertThrows(DomainException.class, () -> a.rate(5, null, NOW));
        assertEquals(4, a.rating);
    }

    @Test
    void onlyRecordedNotifiedGroundsMakeANotifiedDefence() {
        LegalAidApplication a = in(ApplicationStatus.SUBMITTED);
        a.notifiedGrounds = null;
        assertFalse(a.isNotifiedDefence());
        a.notifiedGrounds = " ";
        assertFalse(a.isNotifiedDefence());
        a.notifiedGrounds = "MINOR";
        assertTrue(a.isNotifiedDefence());
    }

    // ---- overdue and the timeline ---------------------------------------------------------------------

    @Test
    void aCaseIsOverdueOnlyAfterItsDeadlineAndOnlyWhileOpen() {
        LegalAidApplication a = in(ApplicationStatus.UNDER_REVIEW);
        a.currentDueAt = NOW;
        assertFalse(a.isOverdue(NOW), "at the deadline is still in time");
        assertTrue(a.isOverdue(NOW.plusMillis(1)));
        assertFalse(a.isOverdue(NOW.minusMillis(1)));
        a.status = ApplicationStatus.REFUSED;
        assertFalse(a.isOverdue(NOW.plusMillis(1)), "a finished case is never overdue");
        a.status = ApplicationStatus.UNDER_REVIEW;
        a.currentDueAt = null;
        assertFalse(a.isOverdue(NOW.plusMillis(1)), "no deadline, nothing overdue");
    }

    @Test
    void eachStepRecordsWhatHappenedAndDrainingEmptiesThePendingSteps() {
        LegalAidApplication a = in(ApplicationStatus.SUBMITTED);
        assertNull(a.lastStep());
        a.receive(NOW);
        assertEquals(NOW, a.receivedAt);
        ApplicationStep step = a.lastStep();
        assertEquals(a.id, step.applicationId);
        assertEquals(ApplicationStatus.SUBMITTED, step.fromStatus);
        assertEquals(ApplicationStatus.UNDER_REVIEW, step.toStatus);
        assertEquals(NOW, step.occurredAt);
        a.requestMaterials("户口本", LATER, true, NOW);
        assertEquals(2, a.drainSteps().size());
        assertTrue(a.drainSteps().isEmpty(), "drained steps are not written twice");
        assertNull(a.lastStep());
    }
}
