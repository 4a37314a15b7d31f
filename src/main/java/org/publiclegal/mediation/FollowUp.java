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
 * 回访: whether the agreement was performed, and the parties' satisfaction; scheduled when the agreement takes
 * effect, recorded once. Its lifecycle is kept by {@link Aftermath}.
 */
@Entity(name = "FollowUp")
@Table(name = "med_follow_up")
public class FollowUp {

    /** 履行情况: 已履行, 部分履行, 未履行. */
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
