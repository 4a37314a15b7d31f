package org.publiclegal.onboarding;

import org.publiclegal.region.OrganisationType;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Look-ups of the registers by name, as 台账 rows name a committee, a court, a law firm, a mediator or a lawyer
 * (blocking: the import job runs on a worker thread).
 */
public interface NameLookups {

    /** A registered organisation found by name. */
    record Named(UUID id, OrganisationType type, String regionCode) {
    }

    /** The organisations of these types called {@code name} whose region lies within {@code root}. */
    List<Named> organisations(String root, String name, Set<OrganisationType> types);

    /** The staff of {@code organisationId} with {@code role} whose name is {@code name} (active or since left). */
    List<UUID> staff(UUID organisationId, String name, String role);

    /** Whether a mediation case with this court's case number (法院委派/委托案号) is registered. */
    boolean courtCaseTaken(UUID courtId, String caseNumber);
}
