package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** 调解协议书, one per dispute (keyed by the dispute). */
@ApplicationScoped
@WithSession
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {
}
