package org.publiclegal.mediation.api;

import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeListing;
import org.publiclegal.mediation.DisputeQueries.AgreementFile;
import org.publiclegal.mediation.DisputeQueries.DisputeFile;
import org.publiclegal.mediation.DisputeQueries.PartyFile;
import org.publiclegal.mediation.DisputeType;
import org.publiclegal.mediation.MediationStatus;
import org.publiclegal.mediation.MediationStep;
import org.publiclegal.shared.domain.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response records of the mediation endpoints. */
public final class MediationViews {

    /** Shown when mediation fails or is refused (人民调解法 Art. 26). */
    static final String OTHER_ROUTES = "调解不成或一方不同意调解的，当事人可以依法通过仲裁、行政、司法等途径维护自己的权利："
            + "向有关行政机关申请处理、申请仲裁，或者向人民法院提起诉讼；如有需要可申请法律援助（拨打 12348）。";

    private MediationViews() {
    }

    public record DisputeSummary(UUID id, String reference, MediationStatus status, DisputeType disputeType,
                                 Dispute.Origin origin, String regionCode, UUID committeeId, Dispute.Mode preferredMode,
                                 Instant createdAt, Instant dueAt, boolean overdue, boolean riskEscalated,
                                 Instant archivedAt, List<String> allowedActions) {

        public static DisputeSummary of(Dispute d, Instant now) {
            return new DisputeSummary(d.id, d.reference, d.status, d.disputeType, d.origin, d.regionCode, d.committeeId,
                    d.preferredMode, d.createdAt, d.currentDueAt, d.isOverdue(now), d.riskEscalatedAt != null,
                    d.archivedAt, d.allowedActions());
        }

        public static DisputeSummary of(DisputeListing d, Instant now) {
            return new DisputeSummary(d.id(), d.reference(), d.status(), d.disputeType(), d.origin(), d.regionCode(),
                    d.committeeId(), d.preferredMode(), d.createdAt(), d.currentDueAt(), d.isOverdue(now),
                    d.riskEscalatedAt() != null, d.archivedAt(), d.allowedActions());
        }
    }

    /**
     * How a case reached the committee: the channel of an application (APP, VISIT 来访, PHONE 来电), the sender
     * of a 移送 case, the date actually received and the mediator who entered it (null for app submissions).
     */
    public record IntakeView(Dispute.IntakeChannel channel, Dispute.Sender transferredByKind, String transferredByName,
                             LocalDate receivedOn, UUID enteredBy) {
    }

    public record TimelineEntry(Instant at, String action, MediationStatus from, MediationStatus to, String actorRole,
                                String note) {
        static TimelineEntry of(MediationStep s) {
            return new TimelineEntry(s.occurredAt, s.action, s.fromStatus, s.toStatus, s.actorRole, s.note);
        }
    }

    /**
     * The case file. {@code invitationCodes} appears only in the answer to the submission: pass each code to
     * the party it belongs to (by party id); it is not stored and cannot be shown again.
     */
    public record DisputeDetail(DisputeSummary summary, String facts, String claims, BigDecimal amount,
                                List<PartyFile> parties, List<UUID> mediators, String declineReason,
                                String failureReason, String otherRoutes, String extensionReason,
                                AgreementFile agreement, CourtReferralView courtReferral, IntakeView intake,
                                List<TimelineEntry> timeline, Map<UUID, String> invitationCodes) {

        public static DisputeDetail of(DisputeFile f, Instant now, Map<UUID, String> codes) {
            Dispute d = f.dispute();
            boolean ended = d.status == MediationStatus.FAILED || d.status == MediationStatus.REFUSED_BY_PARTY
                    || d.status == MediationStatus.NOT_ACCEPTED;
            return new DisputeDetail(DisputeSummary.of(d, now), f.facts(), f.claims(), Money.toYuan(d.amountFen),
                    f.parties(), f.mediators(), d.declineReason, d.failureReason, ended ? OTHER_ROUTES : null,
                    d.extensionReason, f.agreement(),
                    d.courtId == null ? null : new CourtReferralView(d.courtId, d.courtCaseNumber, d.referralType,
                            d.returnedToCourtAt, d.courtResultNote),
                    new IntakeView(d.intakeChannel, d.transferredByKind, d.transferredByName, d.receivedOn, d.enteredBy),
                    f.timeline().stream().map(TimelineEntry::of).toList(), codes);
        }
    }

    /** The court a case came from, and whether its result was returned. */
    public record CourtReferralView(UUID courtId, String courtCaseNumber, Dispute.ReferralType referralType,
                                    Instant returnedAt, String resultNote) {
    }

    public record MessageView(long id, UUID senderId, String senderRole, String text, Instant sentAt) {
    }
}
