package org.publiclegal.legalaid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
}
