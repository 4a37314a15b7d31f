package org.publiclegal.region.api;

import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.region.OrganisationType.CommitteeKind;

import java.time.LocalDate;
import java.util.UUID;

/** An organisation as shown to clients (a public directory entry). */
public record OrganisationView(UUID id, OrganisationType type, CommitteeKind committeeKind, String name,
                               String regionCode, String address, String phone, boolean active,
                               LocalDate validFrom, LocalDate validTo) {

    public static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id, o.type, o.committeeKind, o.name, o.regionCode, o.address, o.phone, o.active,
                o.validFrom, o.validTo);
    }
}
