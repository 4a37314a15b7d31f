package org.publiclegal.legalaid;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 通知辩护/通知代理 registered from a notice (Art. 25, 28, 36) and Art. 26's experienced lawyer, without a database. */
class NoticeCaseTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-02-27T16:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-02T16:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static LegalAidApplication notice(String grounds) {
        LegalAidApplication a = new LegalAidApplication();
        a.id = UUID.randomUUID();
        a.notifiedGrounds = grounds;
        a.noticeKind = LegalAidApplication.NoticeKind.DEFENCE;
        a.noticeBodyName = "鹤庆县人民法院";
        a.noticeDocumentNumber = "（2026）云2932刑初18号";
        a.noticeReceivedOn = LocalDate.of(2026, 2, 28);
        return a;
    }

    @Test
    void aNoticeIsReceivedAndGrantedOnTheDateReceivedWithTheAssignmentClockRunning() {
        LegalAidApplication a = notice("MINOR");
        a.registerNotice(RECEIVED, DUE, NOW);
        assertEquals(ApplicationStatus.GRANTED, a.status);
        assertEquals(LegalAidApplication.Intake.NOTICE, a.intake);
        assertEquals(RECEIVED, a.submittedAt);
        assertEquals(RECEIVED, a.receivedAt);
        assertEquals(RECEIVED, a.decidedAt);
        assertEquals(NOW, a.createdAt);
        assertEquals(DUE, a.assignmentDueAt);
        assertEquals(DUE, a.currentDueAt);
        assertTrue(a.decisionReason.startsWith("通知辩护"), a.decisionReason);
        ApplicationStep step = a.drainSteps().get(0);
        assertEquals("register-notice", step.action);
        assertNull(step.fromStatus);
        assertEquals("鹤庆县人民法院 （2026）云2932刑初18号（2026-02-28 收到）", step.note);
        assertTrue(a.isOverdue(DUE.plus(Duration.ofSeconds(1))));
        assertFalse(a.isOverdue(DUE));
    }

    @Test
    void aRepresentationNoticeSaysSo() {
        LegalAidApplication a = notice("COMPULSORY_MEDICAL_TREATMENT");
        a.noticeKind = LegalAidApplication.NoticeKind.REPRESENTATION;
        a.registerNotice(RECEIVED, DUE, NOW);
        assertTrue(a.decisionReason.startsWith("通知代理"), a.decisionReason);
    }

    @Test
    void aNoticeWithoutGroundsIsRefusedAndARegisteredOneCannotBeRegisteredAgain() {
        LegalAidApplication none = notice("");
        DomainException e = assertThrows(DomainException.class, () -> none.registerNotice(RECEIVED, DUE, NOW));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertNull(none.status);
        assertEquals(LegalAidApplication.Intake.APP, none.intake);

        LegalAidApplication twice = notice("MINOR");
        twice.registerNotice(RECEIVED, DUE, NOW);
        assertThrows(IllegalTransition.class, () -> twice.registerNotice(RECEIVED, DUE, NOW));
    }

    @Test
    void onlyADraftEnteredAtTheWindowIsTheCentresToPrepare() {
        LegalAidApplication a = new LegalAidApplication();
        a.status = ApplicationStatus.DRAFT;
        assertFalse(a.isWindowDraft(), "an app draft");
        a.intake = LegalAidApplication.Intake.WINDOW;
        assertTrue(a.isWindowDraft());
        a.status = ApplicationStatus.SUBMITTED;
        assertFalse(a.isWindowDraft(), "submitted");
    }

    @Test
    void onlyLifeImprisonmentDeathPenaltyAndReviewCasesNeedAnExperiencedLawyer() {
        assertTrue(notice("LIFE_OR_DEATH_PENALTY").needsExperiencedLawyer());
        assertTrue(notice("DEATH_PENALTY_REVIEW,MINOR").needsExperiencedLawyer());
        assertFalse(notice("MINOR,TRIAL_IN_ABSENTIA").needsExperiencedLawyer());
        assertFalse(notice("").needsExperiencedLawyer());
        assertFalse(notice(null).needsExperiencedLawyer());
    }

    @Test
    void aLawyerInTheirThirdYearSinceFirstPracticeIsRefusedAndExactlyThreeYearsIsAccepted() {
        LegalAidApplication a = notice("LIFE_OR_DEATH_PENALTY");
        DomainException two = assertThrows(DomainException.class, () -> a.requireExperiencedLawyer(2024, 3, TODAY));
        assertEquals("lawyerId", two.errors().get(0).field());
        assertTrue(two.getMessage().contains("第二十六条") && two.getMessage().contains("2024"), two.getMessage());
        assertDoesNotThrow(() -> a.requireExperiencedLawyer(2023, 3, TODAY));
        assertDoesNotThrow(() -> a.requireExperiencedLawyer(2010, 3, TODAY));
        DomainException none = assertThrows(DomainException.class, () -> a.requireExperiencedLawyer(null, 3, TODAY));
        assertTrue(none.getMessage().contains("没有首次执业年份记录"), none.getMessage());
        assertDoesNotThrow(() -> notice("MINOR").requireExperiencedLawyer(null, 3, TODAY));
        assertDoesNotThrow(() -> notice("MINOR").requireExperiencedLawyer(2026, 3, TODAY));
    }
}
