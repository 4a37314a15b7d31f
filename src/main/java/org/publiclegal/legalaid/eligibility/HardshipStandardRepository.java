package org.publiclegal.legalaid.eligibility;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.RegionCodes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** 经济困难标准 versions by region and date. */
@ApplicationScoped
@WithSession
public class HardshipStandardRepository implements PanacheRepositoryBase<HardshipStandard, UUID> {

    /**
     * The standard that applies to {@code regionCode} on {@code on}: of the rows in force that day for the
     * region or any region enclosing it, the deepest (a county's own line beats its province's). Null if none.
     */
    public Uni<HardshipStandard> applicable(String regionCode, LocalDate on) {
        return find("regionCode in ?1 and effectiveFrom <= ?2 and (effectiveTo is null or effectiveTo > ?2)"
                + " order by regionCode desc", RegionCodes.ancestorsOrSelf(regionCode), on).firstResult();
    }

    /** Every version for the region and the regions enclosing it, deepest region and newest first. */
    public Uni<List<HardshipStandard>> forRegionAndAncestors(String regionCode) {
        return list("regionCode in ?1 order by regionCode desc, effectiveFrom desc",
                RegionCodes.ancestorsOrSelf(regionCode));
    }

    /** The versions of exactly this region whose period meets {@code [from, to)} (to null: open-ended). */
    public Uni<List<HardshipStandard>> overlapping(String regionCode, LocalDate from, LocalDate to) {
        String q = "regionCode = :region and (effectiveTo is null or effectiveTo > :from)";
        Parameters p = Parameters.with("region", regionCode).and("from", from);
        if (to != null) {
            q += " and effectiveFrom < :to";
            p.and("to", to);
        }
        return list(q + " order by effectiveFrom", p);
    }
}
