package org.publiclegal.mediation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of a dispute list (调解案件列表): the dozen columns a list shows, read as a projection, so a page of 20
 * loads no managed entities and none of the sealed texts (facts, claims) a list never shows.
 */
public record DisputeListing(UUID id, String reference, MediationStatus status, DisputeType disputeType,
                             Dispute.Origin origin, String regionCode, UUID committeeId, Dispute.Mode preferredMode,
                             Instant createdAt, Instant currentDueAt, Instant riskEscalatedAt, Instant archivedAt) {

    /** The HQL select list of this record over the alias {@code d}, in the constructor's order. */
    static final String SELECT = "select new org.publiclegal.mediation.DisputeListing(d.id, d.reference, d.status, "
            + "d.disputeType, d.origin, d.regionCode, d.committeeId, d.preferredMode, d.createdAt, d.currentDueAt, "
            + "d.riskEscalatedAt, d.archivedAt) from Dispute d";

    /** As {@link Dispute#isOverdue}. */
    public boolean isOverdue(Instant now) {
        return currentDueAt != null && currentDueAt.isBefore(now) && status.isOpen();
    }

    /** As {@link Dispute#allowedActions}. */
    public List<String> allowedActions() {
        return archivedAt != null ? List.of() : status.actions();
    }
}
