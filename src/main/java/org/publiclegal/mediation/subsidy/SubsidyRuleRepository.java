package org.publiclegal.mediation.subsidy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.RegionCodes;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** 以案奖补标准 by region, tier and date. */
@ApplicationScoped
@WithSession
public class SubsidyRuleRepository implements PanacheRepositoryBase<SubsidyRule, UUID> {

    /** The rules of exactly these regions (e.g. every region enclosing a month's cases). */
    public Uni<List<SubsidyRule>> ofRegions(Collection<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("regionCode in ?1", List.copyOf(regionCodes));
    }

    /** Every rule that applies in the region: its own and those of the regions enclosing it, deepest first. */
    public Uni<List<SubsidyRule>> forRegionAndAncestors(String regionCode) {
        return list("regionCode in ?1 order by regionCode desc, tier, effectiveFrom desc",
                RegionCodes.ancestorsOrSelf(regionCode));
    }

    /** The versions of exactly this region and tier whose period meets {@code [from, to)} (to null: open-ended). */
    public Uni<List<SubsidyRule>> overlapping(String regionCode, SubsidyTier tier, LocalDate from, LocalDate to) {
        String q = "regionCode = :region and tier = :tier and (effectiveTo is null or effectiveTo > :from)";
        Parameters p = Parameters.with("region", regionCode).and("tier", tier).and("from", from);
        if (to != null) {
            q += " and effectiveFrom < :to";
            p.and("to", to);
        }
        return list(q + " order by effectiveFrom", p);
    }
}
