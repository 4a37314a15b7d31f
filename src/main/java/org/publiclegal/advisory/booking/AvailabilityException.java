package org.publiclegal.advisory.booking;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.publiclegal.advisory.ServiceMode;

import java.time.Instant;
import java.util.UUID;

/** 请假 (LEAVE: no slots in the period) or 加开 (EXTRA: an additional session) for one advisor. */
@Entity
@Table(name = "adv_availability_exception")
public class AvailabilityException {

    public enum Kind { LEAVE, EXTRA }

    @Id
    public UUID id;
    public UUID advisorId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public Instant startsAt;
    public Instant endsAt;
    @Enumerated(EnumType.STRING)
    public ServiceMode mode;
    public String villageCode;
    public Integer slotMinutes;
    public String note;
    public Instant createdAt;

    public SlotCalculator.Change change() {
        return new SlotCalculator.Change(kind == Kind.LEAVE, startsAt, endsAt, mode, villageCode, slotMinutes);
    }
}
