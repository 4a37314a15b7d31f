package org.publiclegal.legalaid;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of an application list (the resident's list, the centre's queue): the columns the list shows, read as a
 * projection, so a page loads no managed entities and none of the sealed personal data.
 */
public record ApplicationListing(UUID id, String reference, ApplicationStatus status, AidMatter matter,
                                 AidServiceType serviceType, String regionCode, UUID centreId, Instant createdAt,
                                 Instant submittedAt, Instant currentDueAt, boolean provisionalAidGrounds,
                                 boolean provisionalAid, UUID lawyerId, String eligibilityOutcome,
                                 LegalAidApplication.Intake intake, Integer rating, String objectionDecision) {

    /** The HQL select list of this record over the alias {@code a}, in the constructor's order. */
    static final String SELECT = "select new org.publiclegal.legalaid.ApplicationListing(a.id, a.reference, a.status, "
            + "a.matter, a.serviceType, a.regionCode, a.centreId, a.createdAt, a.submittedAt, a.currentDueAt, "
            + "a.provisionalAidGrounds, a.provisionalAid, a.lawyerId, a.eligibilityOutcome, a.intake, a.rating, "
            + "a.objectionDecision) from LegalAidApplication a";

    /** As {@link LegalAidApplication#isOverdue}. */
    public boolean isOverdue(Instant now) {
        return currentDueAt != null && currentDueAt.isBefore(now) && status.isOpen();
    }
}
