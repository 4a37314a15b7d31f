package org.publiclegal.mediation.screening;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 矛盾纠纷排查: one screening round in a village or township, logged by a committee's mediator or the
 * 司法所. Counted as one 排查 (次) in the ledger, whatever it found (domain §7: activities, not disputes).
 * Never changed once recorded.
 */
@Entity
@Table(name = "med_screening")
public class Screening {

    /** 风险等级 the round found. */
    public enum RiskLevel { LOW, MEDIUM, HIGH }

    @Id
    public UUID id;
    /** The committee or 司法所 of the recorder. */
    public UUID organisationId;
    public UUID recordedBy;
    /** The village or township screened. */
    public String regionCode;
    public LocalDate screenedOn;
    public String place;
    /** 走访户数（单位数）. */
    public int householdsVisited;
    /** 排查出的矛盾纠纷数. */
    public int disputesFound;
    @Enumerated(EnumType.STRING)
    public RiskLevel riskLevel;
    public String note;
    public Instant createdAt;

    /** What the recorder enters about a round. */
    public record Round(LocalDate screenedOn, String place, String regionCode, int householdsVisited,
                        int disputesFound, RiskLevel riskLevel, String note) {
    }
}
