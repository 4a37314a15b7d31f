package org.publiclegal.notification;

import org.junit.jupiter.api.Test;
import org.publiclegal.advisory.booking.Booking;
import org.publiclegal.advisory.booking.BookingStatus;
import org.publiclegal.legalaid.ApplicationStatus;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.MediationStatus;
import org.publiclegal.mediation.Party;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each module's record means to the resident: status text, next actor, what to do, urgency, the notice. */
class MatterRulesTest {

    private static final Instant DUE = Instant.parse("2026-12-10T15:59:59Z"); // 12月10日 23:59 China time

    private static LegalAidApplication aid(ApplicationStatus status) {
        LegalAidApplication a = new LegalAidApplication();
        a.id = UUID.randomUUID();
        a.reference = "LA2026-000001";
        a.status = status;
        return a;
    }

    @Test
    void aDraftAsksTheApplicantToSubmitWithoutANotice() {
        MatterState s = MatterRules.legalAid(aid(ApplicationStatus.DRAFT));
        assertEquals("DRAFT", s.code());
        assertEquals(MatterState.ACT_NOW, s.urgency());
        assertEquals("申请人", s.nextActor());
        assertEquals("上传所需材料后提交申请", s.todo());
        assertNull(s.noticeTitle());
        assertEquals(NoticeKind.AID_PROGRESS, s.kind());
    }

    @Test
    void aSubmittedApplicationWaitsForTheCentre() {
        MatterState s = MatterRules.legalAid(aid(ApplicationStatus.SUBMITTED));
        assertEquals("SUBMITTED", s.code());
        assertEquals(MatterState.WAITING, s.urgency());
        assertEquals("法律援助中心", s.nextActor());
        assertNull(s.todo());
        assertEquals("申请已提交", s.noticeTitle());
        assertTrue(s.noticeBody().contains("LA2026-000001"));
    }

    @Test
    void reviewNamesTheDecisionDayWhenItIsKnown() {
        LegalAidApplication a = aid(ApplicationStatus.UNDER_REVIEW);
        assertEquals("法律援助中心正在审查您的申请 LA2026-000001。", MatterRules.legalAid(a).noticeBody());
        a.reviewDueAt = DUE;
        MatterState s = MatterRules.legalAid(a);
        assertEquals("法律援助中心正在审查您的申请 LA2026-000001，将于12月10日前作出决定。", s.noticeBody());
        assertEquals(DUE, s.deadline());
        assertEquals(MatterState.WAITING, s.urgency());
    }

    @Test
    void materialsRequestedIsTheApplicantsTurnWithTheListAndTheDay() {
        LegalAidApplication a = aid(ApplicationStatus.MATERIALS_REQUESTED);
        MatterState undated = MatterRules.legalAid(a);
        assertEquals("请尽快补正材料：见补正通知", undated.todo());
        assertEquals("您的申请 LA2026-000001 需要补正材料：见补正通知", undated.noticeBody());
        a.missingItems = "劳动合同";
        a.materialsDueAt = DUE;
        MatterState s = MatterRules.legalAid(a);
        assertEquals("请于12月10日前补正材料：劳动合同", s.todo());
        assertEquals("您的申请 LA2026-000001 需要补正材料：劳动合同。逾期未补正视为撤回申请，截止12月10日。", s.noticeBody());
        assertEquals(MatterState.ACT_NOW, s.urgency());
        assertEquals(DUE, s.deadline());
        assertEquals("申请人", s.nextActor());
    }

    @Test
    void grantedAssignedAndInProgressWaitOnTheCentreOrTheLawyer() {
        LegalAidApplication g = aid(ApplicationStatus.GRANTED);
        g.assignmentDueAt = DUE;
        assertEquals(DUE, MatterRules.legalAid(g).deadline());
        assertEquals("法律援助中心", MatterRules.legalAid(g).nextActor());
        assertEquals("承办律师", MatterRules.legalAid(aid(ApplicationStatus.ASSIGNED)).nextActor());
        assertEquals("已指派承办律师", MatterRules.legalAid(aid(ApplicationStatus.ASSIGNED)).noticeTitle());
        assertEquals("律师已开始承办", MatterRules.legalAid(aid(ApplicationStatus.IN_PROGRESS)).noticeTitle());
        assertEquals(MatterState.WAITING, MatterRules.legalAid(aid(ApplicationStatus.IN_PROGRESS)).urgency());
    }

    @Test
    void aRefusalShowsTheReasonAndTheObjection() {
        LegalAidApplication a = aid(ApplicationStatus.REFUSED);
        assertEquals("您的申请 LA2026-000001 未获法律援助。如有异议，可提出异议。", MatterRules.legalAid(a).noticeBody());
        a.decisionReason = "不符合经济困难标准";
        MatterState s = MatterRules.legalAid(a);
        assertEquals("您的申请 LA2026-000001 未获法律援助，理由：不符合经济困难标准。如有异议，可提出异议。", s.noticeBody());
        assertEquals(MatterState.ACT_NOW, s.urgency());
        assertEquals("如有异议，可向司法局提出异议", s.todo());
        assertEquals("如有异议，可向司法局提出异议", MatterRules.legalAid(aid(ApplicationStatus.TERMINATED)).todo());
    }

    @Test
    void aClosedCaseAsksForARatingOnceThenIsFinished() {
        LegalAidApplication a = aid(ApplicationStatus.CLOSED);
        MatterState s = MatterRules.legalAid(a);
        assertEquals(NoticeKind.RATING_REQUEST, s.kind());
        assertEquals(MatterState.ACT_NOW, s.urgency());
        assertEquals("CLOSED", s.code());
        a.rating = 5;
        MatterState rated = MatterRules.legalAid(a);
        assertEquals("CLOSED_RATED", rated.code());
        assertEquals(MatterState.FINISHED, rated.urgency());
        assertNull(rated.noticeTitle());
    }

    @Test
    void anObjectionWaitsOnTheBureauUntilItsDay() {
        LegalAidApplication a = aid(ApplicationStatus.OBJECTION_FILED);
        assertEquals("司法局正在审查您对 LA2026-000001 的异议。", MatterRules.legalAid(a).noticeBody());
        a.objectionDueAt = DUE;
        assertEquals("司法局正在审查您对 LA2026-000001 的异议，将于12月10日前作出决定。", MatterRules.legalAid(a).noticeBody());
        assertEquals("司法局", MatterRules.legalAid(a).nextActor());
    }

    @Test
    void withdrawnIsFinishedSilentlyButDeemedWithdrawnIsNotified() {
        assertNull(MatterRules.legalAid(aid(ApplicationStatus.WITHDRAWN)).noticeTitle());
        assertEquals(MatterState.FINISHED, MatterRules.legalAid(aid(ApplicationStatus.WITHDRAWN)).urgency());
        MatterState deemed = MatterRules.legalAid(aid(ApplicationStatus.DEEMED_WITHDRAWN));
        assertEquals("申请视为撤回", deemed.noticeTitle());
        assertEquals(MatterState.FINISHED, deemed.urgency());
    }

    private static Dispute dispute(MediationStatus status, Dispute.Origin origin) {
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.reference = "MD2026-000001";
        d.status = status;
        d.origin = origin;
        return d;
    }

    private static Party party(Party.Consent consent) {
        Party p = new Party();
        p.consent = consent;
        return p;
    }

    @Test
    void anInvitedPartyMustConsentFirst() {
        Dispute d = dispute(MediationStatus.SUBMITTED, Dispute.Origin.APPLIED);
        MatterState s = MatterRules.dispute(d, party(Party.Consent.PENDING));
        assertEquals("SUBMITTED_INVITED", s.code());
        assertEquals("待您确认是否同意调解", s.statusText());
        assertEquals("请确认是否同意调解", s.todo());
        assertEquals(MatterState.ACT_NOW, s.urgency());
        Dispute court = dispute(MediationStatus.ACCEPTED, Dispute.Origin.COURT_REFERRED);
        court.dueAt = DUE;
        MatterState c = MatterRules.dispute(court, party(Party.Consent.PENDING));
        assertEquals("ACCEPTED_INVITED", c.code());
        assertEquals("法院委派调解，待您确认", c.statusText());
        assertEquals(DUE, c.deadline());
    }

    @Test
    void theApplicantWaitsForTheCommitteeThenForTheOthers() {
        MatterState s = MatterRules.dispute(dispute(MediationStatus.SUBMITTED, Dispute.Origin.APPLIED), party(Party.Consent.CONSENTED));
        assertEquals("SUBMITTED", s.code());
        assertEquals(MatterState.WAITING, s.urgency());
        assertEquals("人民调解委员会", s.nextActor());
        Dispute d = dispute(MediationStatus.ACCEPTED, Dispute.Origin.APPLIED);
        assertTrue(MatterRules.dispute(d, null).noticeBody().endsWith("各方同意后开始调解。"));
        d.dueAt = DUE;
        MatterState a = MatterRules.dispute(d, party(Party.Consent.CONSENTED));
        assertEquals("ACCEPTED", a.code());
        assertTrue(a.noticeBody().endsWith("调解期限至12月10日。"));
        assertEquals(MediationStatus.IN_MEDIATION.name(),
                MatterRules.dispute(dispute(MediationStatus.IN_MEDIATION, Dispute.Origin.APPLIED), null).code());
    }

    @Test
    void anAgreementWaitsForEachPartysConfirmation() {
        Dispute d = dispute(MediationStatus.AGREEMENT_PENDING, Dispute.Origin.APPLIED);
        Party own = party(Party.Consent.CONSENTED);
        MatterState s = MatterRules.dispute(d, own);
        assertEquals("AGREEMENT_TO_CONFIRM", s.code());
        assertEquals(MatterState.ACT_NOW, s.urgency());
        own.agreementConfirmedAt = DUE;
        MatterState done = MatterRules.dispute(d, own);
        assertEquals("AGREEMENT_CONFIRMED", done.code());
        assertEquals(MatterState.WAITING, done.urgency());
        assertNull(done.noticeTitle());
        assertEquals("AGREEMENT_CONFIRMED", MatterRules.dispute(d, null).code());
    }

    @Test
    void endingsAreFinishedWithTheirReasons() {
        Dispute failed = dispute(MediationStatus.FAILED, Dispute.Origin.APPLIED);
        assertTrue(MatterRules.dispute(failed, null).noticeBody().contains("调解不成。"));
        failed.failureReason = "双方分歧过大";
        assertTrue(MatterRules.dispute(failed, null).noticeBody().contains("调解不成：双方分歧过大。"));
        Dispute declined = dispute(MediationStatus.NOT_ACCEPTED, Dispute.Origin.APPLIED);
        assertEquals("调委会未受理 MD2026-000001。", MatterRules.dispute(declined, null).noticeBody());
        declined.declineReason = "已起诉";
        assertEquals("调委会未受理 MD2026-000001：已起诉。", MatterRules.dispute(declined, null).noticeBody());
        for (MediationStatus st : new MediationStatus[]{MediationStatus.SUCCEEDED, MediationStatus.FAILED,
                MediationStatus.NOT_ACCEPTED, MediationStatus.REFUSED_BY_PARTY, MediationStatus.WITHDRAWN}) {
            MatterState s = MatterRules.dispute(dispute(st, Dispute.Origin.APPLIED), null);
            assertEquals(MatterState.FINISHED, s.urgency(), st.name());
            assertEquals(st.name(), s.code());
            assertEquals(NoticeKind.MEDIATION_PROGRESS, s.kind());
        }
    }

    private static Booking booking(BookingStatus status) {
        Booking b = new Booking();
        b.id = UUID.fromString("0a1b2c3d-0000-0000-0000-000000000000");
        b.status = status;
        b.startsAt = Instant.parse("2026-12-03T02:00:00Z"); // 12月3日 10:00 China time
        return b;
    }

    @Test
    void aConfirmedBookingAsksTheResidentToAttendAtItsTime() {
        MatterState pending = MatterRules.booking(booking(BookingStatus.PENDING));
        assertEquals(MatterState.WAITING, pending.urgency());
        assertNull(pending.noticeTitle());
        assertEquals("法律顾问", pending.nextActor());
        MatterState s = MatterRules.booking(booking(BookingStatus.CONFIRMED));
        assertEquals("请于12月3日 10:00按预约方式参加咨询", s.todo());
        assertEquals(MatterState.ACT_NOW, s.urgency());
        assertEquals(Instant.parse("2026-12-03T02:00:00Z"), s.deadline());
        assertEquals("YY-0A1B2C3D", MatterRules.bookingReference(booking(BookingStatus.PENDING)));
    }

    @Test
    void aBookingEndsDeclinedCancelledNoShowOrCompletedAndRated() {
        Booking d = booking(BookingStatus.DECLINED);
        assertEquals("您12月3日 10:00的预约未被接受，可另选时段。", MatterRules.booking(d).noticeBody());
        d.declineReason = "出差";
        assertEquals("您12月3日 10:00的预约未被接受：出差，可另选时段。", MatterRules.booking(d).noticeBody());
        assertNull(MatterRules.booking(booking(BookingStatus.CANCELLED)).noticeTitle());
        assertEquals(MatterState.FINISHED, MatterRules.booking(booking(BookingStatus.NO_SHOW)).urgency());
        Booking c = booking(BookingStatus.COMPLETED);
        MatterState s = MatterRules.booking(c);
        assertEquals(NoticeKind.RATING_REQUEST, s.kind());
        assertEquals(MatterState.ACT_NOW, s.urgency());
        c.rating = 2;
        assertEquals("RATED", MatterRules.booking(c).code());
        assertEquals(MatterState.FINISHED, MatterRules.booking(c).urgency());
        assertEquals(NoticeKind.BOOKING_PROGRESS, MatterRules.booking(c).kind());
    }

    @Test
    void aMattersStageChangeIsWhatSendsANoticeAndUndatedMattersSortAfterDatedOnes() {
        Matter m = new Matter();
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        MatterState review = new MatterState("UNDER_REVIEW", "审查中", "法律援助中心", null, DUE, 1, NoticeKind.AID_PROGRESS, "t", "b");
        assertTrue(m.update(review, now));
        assertFalse(m.update(review, now));
        assertEquals(DUE, m.sortAt);
        assertEquals((short) 1, m.urgency);
        MatterState undated = new MatterState("ASSIGNED", "已指派", null, null, null, 1, NoticeKind.AID_PROGRESS, null, null);
        assertTrue(m.update(undated, now));
        assertTrue(m.sortAt.isAfter(DUE));
        assertTrue(Matter.sortKey(null, now.plusSeconds(60)).isBefore(Matter.sortKey(null, now)),
                "the later change sorts first among undated matters");
        assertEquals(Matter.UNDATED.minusSeconds(now.getEpochSecond()), Matter.sortKey(null, now));
    }
}
