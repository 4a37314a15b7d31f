package org.publiclegal.mediation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What follows an effective agreement: 司法确认 and 回访. */
public final class AfterAgreement {

    private AfterAgreement() {
    }

    /** 司法确认 (人民调解法 Art. 33): applied for jointly within 30 days of the agreement taking effect. */
    @Entity(name = "JudicialConfirmation")
    @Table(name = "med_judicial_confirmation")
    public static class JudicialConfirmation {

        public enum Ruling { CONFIRMED, REJECTED }

        /** After a rejection: 重新调解 (change the agreement or reach a new one) or 引导诉讼. */
        public enum AfterRejection { RESUME_MEDIATION, LITIGATION_GUIDANCE }

        @Id
        public UUID disputeId;
        public UUID courtId;
        public LocalDate appliedOn;
        @Enumerated(EnumType.STRING)
        public Ruling ruling;
        public LocalDate ruledOn;
        public UUID recordedBy;
        public Instant recordedAt;
        @Enumerated(EnumType.STRING)
        public AfterRejection afterRejection;
        public String afterRejectionNote;
        @Version
        public long version;
    }

    /** 回访: whether the agreement was performed, and the parties' satisfaction. */
    @Entity(name = "FollowUp")
    @Table(name = "med_follow_up")
    public static class FollowUp {

        public enum Performance { PERFORMED, PARTLY, NOT_PERFORMED }

        @Id
        public UUID disputeId;
        public LocalDate dueOn;
        public Instant doneAt;
        @Enumerated(EnumType.STRING)
        public Performance performance;
        public Integer satisfaction;
        public String note;
        public UUID recordedBy;
        @Version
        public long version;
    }

    /** 调解会议: scheduled with time and place or video link; the minutes (调解笔录) are sealed. */
    @Entity(name = "MediationSession")
    @Table(name = "med_session")
    public static class Session {

        @Id
        public UUID id;
        public UUID disputeId;
        public Instant scheduledAt;
        @Enumerated(EnumType.STRING)
        public Dispute.Mode mode;
        public String place;
        public String videoLink;
        public String minutesCipher;
        public String present;
        public String keyId;
        public UUID createdBy;
        public Instant createdAt;
        public Instant recordedAt;
        @Version
        public long version;
    }
}
