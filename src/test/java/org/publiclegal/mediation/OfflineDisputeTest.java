package org.publiclegal.mediation;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.mediation.MediationStatus.*;

/** Cases entered and concluded by mediators off the app (issue 13), without a database. */
class OfflineDisputeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-02-26T16:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(30));
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final UUID MEDIATOR = UUID.randomUUID();

    private static Dispute entered(Dispute.Origin origin, Dispute.IntakeChannel channel, Dispute.Sender sender,
                                   String senderName) {
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.origin = origin;
        d.intakeChannel = channel;
        d.transferredByKind = sender;
        d.transferredByName = senderName;
        d.receivedOn = LocalDate.of(2026, 2, 27);
        return d;
    }

    private static Dispute in(MediationStatus status) {
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.status = status;
        d.dueAt = DUE;
        d.currentDueAt = status.isOpen() ? DUE : null;
        return d;
    }

    @Test
    void aWalkInWhoseEveryPartyConsentedIsAcceptedAtTheDateReceivedAndInMediation() {
        Dispute d = entered(Dispute.Origin.APPLIED, Dispute.IntakeChannel.VISIT, null, null);
        d.registeredByStaff(RECEIVED, DUE, true, NOW);
        assertEquals(IN_MEDIATION, d.status);
        assertEquals(RECEIVED, d.acceptedAt);
        assertEquals(NOW, d.createdAt);
        assertEquals(DUE, d.dueAt);
        assertEquals(DUE, d.currentDueAt);
        MediationStep step = d.drainSteps().get(0);
        assertEquals("register", step.action);
        assertEquals("APPLIED 2026-02-27", step.note);
        assertNull(step.fromStatus);
    }

    @Test
    void aProactiveCaseWaitingForAConsentIsAcceptedOnly() {
        Dispute d = entered(Dispute.Origin.PROACTIVE, Dispute.IntakeChannel.APP, null, null);
        d.registeredByStaff(RECEIVED, DUE, false, NOW);
        assertEquals(ACCEPTED, d.status);
    }

    @Test
    void aTransferredCaseNeedsItsSenderAndOnlyItMayHaveOne() {
        Dispute ok = entered(Dispute.Origin.TRANSFERRED, Dispute.IntakeChannel.APP, Dispute.Sender.POLICE_STATION, "云鹤派出所");
        ok.registeredByStaff(RECEIVED, DUE, true, NOW);
        assertEquals(IN_MEDIATION, ok.status);

        assertEquals("移送的案件请填写移送单位", assertInvalid("transferredBy",
                entered(Dispute.Origin.TRANSFERRED, Dispute.IntakeChannel.APP, null, null)).getMessage());
        assertInvalid("transferredBy", entered(Dispute.Origin.TRANSFERRED, Dispute.IntakeChannel.APP, Dispute.Sender.POLICE_STATION, null));
        assertInvalid("transferredBy", entered(Dispute.Origin.TRANSFERRED, Dispute.IntakeChannel.APP, null, "云鹤派出所"));
        assertEquals("只有移送的案件填写移送单位", assertInvalid("transferredBy",
                entered(Dispute.Origin.PROACTIVE, Dispute.IntakeChannel.APP, Dispute.Sender.PETITION_OFFICE, "信访办")).getMessage());
    }

    @Test
    void anApplicationAtTheCommitteeIsAVisitOrACallAndOnlyAnApplicationIsEither() {
        assertInvalid("intakeChannel", entered(Dispute.Origin.APPLIED, Dispute.IntakeChannel.APP, null, null));
        assertInvalid("intakeChannel", entered(Dispute.Origin.APPLIED, null, null, null));
        assertInvalid("intakeChannel", entered(Dispute.Origin.PROACTIVE, Dispute.IntakeChannel.PHONE, null, null));
        Dispute call = entered(Dispute.Origin.APPLIED, Dispute.IntakeChannel.PHONE, null, null);
        call.registeredByStaff(RECEIVED, DUE, true, NOW);
        assertEquals(IN_MEDIATION, call.status);
    }

    @Test
    void aCourtReferralIsNotRegisteredThisWay() {
        assertInvalid("origin", entered(Dispute.Origin.COURT_REFERRED, Dispute.IntakeChannel.APP, null, null));
    }

    private static DomainException assertInvalid(String field, Dispute d) {
        DomainException e = assertThrows(DomainException.class, () -> d.registeredByStaff(RECEIVED, DUE, true, NOW));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(field, e.errors().get(0).field());
        assertNull(d.status, "nothing changed");
        assertTrue(d.drainSteps().isEmpty());
        return e;
    }

    @Test
    void anOralAgreementIsASuccessThatEndsTheTimeLimitAndNamesWhoAgreed() {
        Dispute d = in(IN_MEDIATION);
        d.oralAgreement("申请人、被申请人1", NOW);
        assertEquals(SUCCEEDED, d.status);
        assertEquals(NOW, d.concludedAt);
        assertNull(d.currentDueAt);
        assertEquals("口头协议：申请人、被申请人1", d.drainSteps().get(0).note);
    }

    @Test
    void aPaperAgreementIsASuccessFromMediationOrFromAnUnconfirmedDraft() {
        for (MediationStatus from : List.of(IN_MEDIATION, AGREEMENT_PENDING)) {
            Dispute d = in(from);
            d.paperAgreement(NOW);
            assertEquals(SUCCEEDED, d.status);
            assertEquals(NOW, d.concludedAt);
            assertNull(d.currentDueAt);
            assertEquals("paper-agreement", d.drainSteps().get(0).action);
        }
    }

    @Test
    void anyPartyEndingTheMediationEndsItAsFailedCitingArticle23() {
        Dispute d = in(AGREEMENT_PENDING);
        d.endedByParty("被申请人1", "不同意赔偿金额", NOW);
        assertEquals(FAILED, d.status);
        assertEquals("被申请人1要求终止调解（人民调解法第二十三条）：不同意赔偿金额", d.failureReason);
        assertEquals(NOW, d.concludedAt);
        assertNull(d.currentDueAt);
        assertEquals(d.failureReason, d.drainSteps().get(0).note);

        Dispute noReason = in(IN_MEDIATION);
        noReason.endedByParty("申请人", "  ", NOW);
        assertEquals("申请人要求终止调解（人民调解法第二十三条）", noReason.failureReason);
        Dispute nullReason = in(IN_MEDIATION);
        nullReason.endedByParty("申请人", null, NOW);
        assertEquals("申请人要求终止调解（人民调解法第二十三条）", nullReason.failureReason);
    }

    @Test
    void aSuccessfulCaseIsArchivedAfterItsFollowUpOrTheDayAfterTheFollowUpPeriodAndNotBefore() {
        LocalDate due = TODAY;
        Dispute early = in(SUCCEEDED);
        DomainException e = assertThrows(DomainException.class, () -> early.archive(false, due, TODAY, MEDIATOR, NOW));
        assertEquals(ErrorCode.BUSINESS_RULE, e.code());
        assertNull(early.archivedAt);
        assertTrue(early.drainSteps().isEmpty());

        Dispute late = in(SUCCEEDED);
        late.archive(false, due, TODAY.plusDays(1), MEDIATOR, NOW);
        assertEquals(NOW, late.archivedAt);
        assertEquals(MEDIATOR, late.archivedBy);
        assertEquals(SUCCEEDED, late.status, "archiving keeps the outcome");
        assertEquals("归档", late.drainSteps().get(0).note);

        Dispute followedUp = in(SUCCEEDED);
        followedUp.archive(true, due.plusDays(10), TODAY, MEDIATOR, NOW);
        assertEquals("回访后归档", followedUp.drainSteps().get(0).note);

        Dispute noFollowUp = in(SUCCEEDED);
        assertDoesNotThrow(() -> noFollowUp.archive(false, null, TODAY, MEDIATOR, NOW));
    }

    @Test
    void anEndedCaseIsArchivedAtOnce() {
        for (MediationStatus s : List.of(FAILED, NOT_ACCEPTED, REFUSED_BY_PARTY, WITHDRAWN)) {
            Dispute d = in(s);
            d.archive(false, TODAY.plusDays(30), TODAY, MEDIATOR, NOW);
            assertEquals(NOW, d.archivedAt, s.name());
        }
    }

    @Test
    void anArchivedCaseAllowsNothingMore() {
        Dispute d = in(SUCCEEDED);
        d.archive(true, null, TODAY, MEDIATOR, NOW);
        d.drainSteps();
        assertEquals(List.of(), d.allowedActions());
        IllegalTransition again = assertThrows(IllegalTransition.class, () -> d.archive(true, null, TODAY, MEDIATOR, NOW));
        assertEquals(List.of(), again.allowed());
        assertThrows(IllegalTransition.class, () -> d.note("follow-up", "x", NOW, SUCCEEDED));
        assertThrows(IllegalTransition.class, d::requireOpenForMessages);
        assertTrue(d.drainSteps().isEmpty());
        assertEquals(SUCCEEDED.actions(), in(SUCCEEDED).allowedActions());
    }

    @Test
    void aReceivedDateIsNeitherInTheFutureNorBefore2000() {
        assertDoesNotThrow(() -> EntryRules.checkReceivedOn(TODAY, TODAY));
        assertDoesNotThrow(() -> EntryRules.checkReceivedOn(LocalDate.of(2000, 1, 1), TODAY));
        DomainException tomorrow = assertThrows(DomainException.class,
                () -> EntryRules.checkReceivedOn(TODAY.plusDays(1), TODAY));
        assertEquals("receivedOn", tomorrow.errors().get(0).field());
        DomainException before2000 = assertThrows(DomainException.class,
                () -> EntryRules.checkReceivedOn(LocalDate.of(1999, 12, 31), TODAY));
        assertEquals("receivedOn", before2000.errors().get(0).field());
    }

    @Test
    void aPersonEnteredByTheMediatorNeedsSexAndAgeAndAValidIdNumberIfAny() {
        OfflineCommands.PartyEntry person = new OfflineCommands.PartyEntry(Party.Kind.PERSON, "杨树林", Party.Sex.MALE, 52,
                null, "鹤庆县云鹤镇", null, true);
        assertDoesNotThrow(() -> EntryRules.checkParty(person, 0));
        assertEquals("parties[1]", assertThrows(DomainException.class, () -> EntryRules.checkParty(
                new OfflineCommands.PartyEntry(Party.Kind.PERSON, "杨树林", null, 52, null, null, null, true), 1)).errors().get(0).field());
        assertEquals("parties[0]", assertThrows(DomainException.class, () -> EntryRules.checkParty(
                new OfflineCommands.PartyEntry(Party.Kind.PERSON, "杨树林", Party.Sex.FEMALE, null, null, null, null, true), 0)).errors().get(0).field());
        assertDoesNotThrow(() -> EntryRules.checkParty(
                new OfflineCommands.PartyEntry(Party.Kind.ORGANISATION, "某公司", null, null, null, null, null, true), 0));
        assertEquals("parties[0].idNumber", assertThrows(DomainException.class, () -> EntryRules.checkParty(
                new OfflineCommands.PartyEntry(Party.Kind.PERSON, "杨树林", Party.Sex.MALE, 52, "532932197401011234",
                        null, null, true), 0)).errors().get(0).field());
        String valid = org.publiclegal.shared.validation.ChineseIdNumber.Validator.withCheckCharacter("53293219740101123");
        assertDoesNotThrow(() -> EntryRules.checkParty(new OfflineCommands.PartyEntry(Party.Kind.PERSON, "杨树林",
                Party.Sex.MALE, 52, " " + valid.toLowerCase() + " ", null, null, true), 0));
        assertDoesNotThrow(() -> EntryRules.checkParty(new OfflineCommands.PartyEntry(Party.Kind.PERSON, "杨树林",
                Party.Sex.MALE, 52, " ", null, null, true), 0));
    }

    @Test
    void aPartyIsNamedApplicantOrRespondentWithItsNumber() {
        Party applicant = new Party();
        applicant.role = Party.Role.APPLICANT;
        applicant.position = 0;
        assertEquals("申请人", applicant.label());
        Party second = new Party();
        second.role = Party.Role.RESPONDENT;
        second.position = 2;
        assertEquals("被申请人2", second.label());
    }

    @Test
    void aPaperAgreementsPerformanceDateIsItsLastTermsDeadline() {
        OfflineCommands.PaperAgreement p = new OfflineCommands.PaperAgreement("f", "r", List.of(
                new OfflineCommands.Term("a", "m", LocalDate.of(2026, 4, 1)),
                new OfflineCommands.Term("b", "m", LocalDate.of(2026, 5, 1)),
                new OfflineCommands.Term("c", "m", LocalDate.of(2026, 3, 1))), UUID.randomUUID());
        assertEquals(LocalDate.of(2026, 5, 1), p.performanceDueOn());
        assertNull(new OfflineCommands.PaperAgreement("f", "r", List.of(), null).performanceDueOn());
    }
}
