package org.publiclegal.education;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** 审核记录: one step of an episode's history (a refusal keeps its reason here). */
@Entity
@Table(name = "edu_episode_step")
public class EpisodeStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID episodeId;
    public Instant occurredAt;
    public String action;
    @Enumerated(EnumType.STRING)
    public EpisodeStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public EpisodeStatus toStatus;
    public UUID actorId;
    public String note;
}
