package org.publiclegal.onboarding;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.domain.RegionCodes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@link NameLookups} through the pool (outside any Hibernate session). */
@ApplicationScoped
public class NameLookupsFromDatabase implements NameLookups {

    private final Pool pool;

    public NameLookupsFromDatabase(Pool pool) {
        this.pool = pool;
    }

    @Override
    public List<Named> organisations(String root, String name, Set<OrganisationType> types) {
        String[] typeNames = types.stream().map(Enum::name).toArray(String[]::new);
        List<Named> out = new ArrayList<>();
        pool.preparedQuery("""
                        select id, type, region_code from organisation
                        where name = $1 and region_code >= $2 and region_code < $3 and type = any($4) order by region_code""")
                .execute(Tuple.of(name, RegionCodes.lowerBound(root), RegionCodes.upperBound(root), typeNames))
                .await().indefinitely()
                .forEach(r -> out.add(new Named(r.getUUID(0), OrganisationType.valueOf(r.getString(1)), r.getString(2))));
        return out;
    }

    @Override
    public List<UUID> staff(UUID organisationId, String name, String role) {
        List<UUID> out = new ArrayList<>();
        pool.preparedQuery("""
                        select id, roles from account
                        where kind = 'STAFF' and organisation_id = $1 and display_name = $2 order by active desc, id""")
                .execute(Tuple.of(organisationId, name)).await().indefinitely()
                .forEach(r -> {
                    if (Arrays.asList(r.getString(1).split(",")).contains(role)) {
                        out.add(r.getUUID(0));
                    }
                });
        return out;
    }

    @Override
    public boolean courtCaseTaken(UUID courtId, String caseNumber) {
        return pool.preparedQuery("select 1 from med_dispute where court_id = $1 and court_case_number = $2")
                .execute(Tuple.of(courtId, caseNumber)).await().indefinitely().size() > 0;
    }

    @Override
    public Named nearestCovering(OrganisationType type, String regionCode) {
        var rows = pool.preparedQuery("""
                        select id, type, region_code from organisation
                        where type = $1 and active = true and region_code = any($2) order by region_code desc, id limit 1""")
                .execute(Tuple.of(type.name(), RegionCodes.ancestorsOrSelf(regionCode).toArray(String[]::new)))
                .await().indefinitely();
        for (var r : rows) {
            return new Named(r.getUUID(0), OrganisationType.valueOf(r.getString(1)), r.getString(2));
        }
        return null;
    }

    @Override
    public LocalDate regionValidFrom(String code) {
        var rows = pool.preparedQuery("select valid_from from region where code = $1").execute(Tuple.of(code))
                .await().indefinitely();
        for (var r : rows) {
            return r.getLocalDate(0);
        }
        return null;
    }
}
