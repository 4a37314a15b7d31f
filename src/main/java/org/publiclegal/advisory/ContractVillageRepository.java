package org.publiclegal.advisory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ContractVillageRepository implements PanacheRepositoryBase<ContractVillage, UUID> {

    public Uni<List<ContractVillage>> ofContracts(Collection<UUID> contractIds) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("contractId in ?1 order by villageCode", contractIds);
    }
}
