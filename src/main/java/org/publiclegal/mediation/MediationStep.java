package org.publiclegal.mediation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of a dispute's timeline. */
@Entity
@Table(name = "med_step")
public class MediationStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID disputeId;
    public Instant occurredAt;
    public String action;
    @Enumerated(EnumType.STRING)
    public MediationStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public MediationStatus toStatus;
    public UUID actorId;
    public String actorRole;
    public String note;
}
