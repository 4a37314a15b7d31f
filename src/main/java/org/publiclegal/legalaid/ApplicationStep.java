package org.publiclegal.legalaid;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step in an application's timeline: what happened, when, by which role. */
@Entity
@Table(name = "aid_application_step")
public class ApplicationStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID applicationId;
    public Instant occurredAt;
    public String action;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus toStatus;
    public UUID actorId;
    public String actorRole;
    public String note;
}
