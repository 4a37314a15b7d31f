package org.publiclegal.onboarding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.CoverageHold;

import java.util.List;

/**
 * The areas of the confirmed 村（居）法律顾问合同 imports not finished yet ({@code QUEUED} or {@code IMPORTING}, on any
 * replica): the scheduled coverage sync leaves their villages alone until the import's last row is in (its
 * {@link ContractRows#finish} brings them up to today). Read in the caller's transaction.
 */
@ApplicationScoped
public class ContractImportHold implements CoverageHold {

    @Override
    public Uni<List<String>> heldRegions() {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select distinct scope_region from onboarding_import
                        where kind = 'CONTRACTS' and status in ('QUEUED', 'IMPORTING')""", String.class)
                .getResultList());
    }
}
