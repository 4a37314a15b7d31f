package org.publiclegal.region;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.RegionCodes;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    /** Organisations located in the subtree of {@code regionCode}, by region then id. */
    public Uni<List<Organisation>> inSubtree(String regionCode, OrganisationType type, String afterRegion,
                                             UUID afterId, int limit) {
        StringBuilder q = new StringBuilder("regionCode >= :low and regionCode < :high");
        Parameters p = Parameters.with("low", RegionCodes.lowerBound(regionCode))
                .and("high", RegionCodes.upperBound(regionCode));
        if (type != null) {
            q.append(" and type = :type");
            p.and("type", type);
        }
        if (afterRegion != null) {
            q.append(" and (regionCode > :ar or (regionCode = :ar and id > :aid))");
            p.and("ar", afterRegion).and("aid", afterId);
        }
        return find(q + " order by regionCode, id", p).range(0, limit).list();
    }

    /**
     * The nearest organisation of a type whose coverage contains {@code regionCode}: the deepest one on the
     * path from the region up to its province (e.g. the 法律援助中心 of the county a village lies in).
     */
    public Uni<Organisation> coveringNearest(OrganisationType type, String regionCode) {
        return find("type = ?1 and active = true and regionCode in ?2 order by regionCode desc",
                type, RegionCodes.ancestorsOrSelf(regionCode)).firstResult();
    }
}
