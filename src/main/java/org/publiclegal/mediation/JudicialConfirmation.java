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

/**
 * 司法确认 (人民调解法 Art. 33): applied for jointly within 30 days of the agreement taking effect, the court's
 * ruling, and after a rejection what the parties do next. Its lifecycle is kept by {@link Aftermath}.
 */
@Entity(name = "JudicialConfirmation")
@Table(name = "med_judicial_confirmation")
public class JudicialConfirmation {

    /** 裁定: 确认有效 or 驳回申请. */
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
