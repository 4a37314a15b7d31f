package org.publiclegal.region;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.RegionCodes.Level;

import java.util.List;

/**
 * Region lookups. A subtree is the key range {@code [prefix, prefix + ':')} on the primary key (collation
 * "C"), so children and whole subtrees are single index range scans, never recursion.
 */
@ApplicationScoped
@WithSession
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    public Uni<List<Region>> children(String code) {
        return list("parentCode = ?1 and validTo is null order by code", code);
    }

    /**
     * The subtree below {@code code} (excluding it), optionally one level only, in code order,
     * {@code limit + 1} rows starting after {@code afterCode}.
     */
    public Uni<List<Region>> subtree(String code, Level level, String afterCode, int limit) {
        StringBuilder q = new StringBuilder("code > :after and code < :high");
        Parameters p = Parameters.with("high", RegionCodes.upperBound(code))
                .and("after", afterCode == null ? code : afterCode);
        if (level != null) {
            q.append(" and level = :level");
            p.and("level", level);
        }
        return find(q + " order by code", p).range(0, limit).list();
    }

    /** Name search (trigram index), e.g. the village picker of the mini-program. */
    public Uni<List<Region>> search(String text, String within, Level level, int limit) {
        StringBuilder q = new StringBuilder("name like :text and validTo is null");
        Parameters p = Parameters.with("text", "%" + text.replace("%", "").replace("_", "") + "%");
        if (within != null) {
            q.append(" and code >= :low and code < :high");
            p.and("low", RegionCodes.lowerBound(within)).and("high", RegionCodes.upperBound(within));
        }
        if (level != null) {
            q.append(" and level = :level");
            p.and("level", level);
        }
        return find(q + " order by code", p).range(0, limit - 1).list();
    }

    /** Subordinate regions of {@code code} still on the register on or after {@code day}. */
    public Uni<Long> servingChildren(String code, java.time.LocalDate day) {
        return count("parentCode = ?1 and (validTo is null or validTo > ?2)", code, day);
    }
}
