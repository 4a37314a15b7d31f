package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** 回访, one per dispute with an effective agreement (keyed by the dispute). */
@ApplicationScoped
@WithSession
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {
}
