package org.publiclegal.shared.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One countable act in the append-only ledger the yearly figures are totalled from. */
@Entity
@Table(name = "ledger_event")
public class LedgerEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    public String regionCode;
    public UUID organisationId;
    public Instant occurredAt;
    public int quantity;
    public Long amountFen;
    public String sourceType;
    public UUID sourceId;
    public Long correctsId;
    public Instant recordedAt;
    /** 补录原因: given when the event is dated inside a closed period (see {@link PeriodLock}). */
    public String adjustmentReason;
}
