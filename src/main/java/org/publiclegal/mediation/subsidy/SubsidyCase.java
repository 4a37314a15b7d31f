package org.publiclegal.mediation.subsidy;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * What the subsidy needs to know of a successful dispute beyond the dispute itself: its difficulty tier and
 * recorded by the committee's mediator. Whether the agreement was performed comes from the 回访 record.
 */
@Entity
@Table(name = "med_subsidy_case")
public class SubsidyCase {

    @Id
    public UUID disputeId;
    @Enumerated(EnumType.STRING)
    public SubsidyTier tier;
    public UUID tierSetBy;
    public Instant tierSetAt;
    @Version
    public long version;

    public static SubsidyCase of(UUID disputeId) {
        SubsidyCase c = new SubsidyCase();
        c.disputeId = disputeId;
        return c;
    }
}
