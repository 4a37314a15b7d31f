package org.publiclegal.onboarding;

import org.publiclegal.region.OrganisationType;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Look-ups of the registers as rows name them: a committee, a court, a law firm, a mediator or a lawyer by name, the
 * centre whose area a region lies in, a region's first day on the register (blocking: the import job runs on a
 * worker thread).
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

    /**
     * The nearest active organisation of {@code type} whose area contains {@code regionCode} (the deepest on its path
     * up to the province, as {@code OrganisationService.nearestCovering} finds it), or null.
     */
    Named nearestCovering(OrganisationType type, String regionCode);

    /** The first day region {@code code} is on the register (在册日期), or null when it is not registered. */
    LocalDate regionValidFrom(String code);
}
