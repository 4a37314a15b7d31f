package org.publiclegal.advisory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A village/community a contract covers. Never changed. */
@Entity
@Table(name = "adv_contract_village")
public class ContractVillage {

    @Id
    public UUID id;
    public UUID contractId;
    public String villageCode;

    public static ContractVillage of(UUID contractId, String villageCode) {
        ContractVillage v = new ContractVillage();
        v.id = UUID.randomUUID();
        v.contractId = contractId;
        v.villageCode = villageCode;
        return v;
    }
}
