package org.publiclegal.mediation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** 调解会议: scheduled with time and place or video link; the minutes (调解笔录) are sealed. */
@Entity(name = "MediationSession")
@Table(name = "med_session")
public class MediationSession {

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
