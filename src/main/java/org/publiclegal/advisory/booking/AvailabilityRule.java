package org.publiclegal.advisory.booking;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.publiclegal.advisory.ServiceMode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** 每周固定服务时间: a weekly recurring availability of one advisor in one mode. */
@Entity
@Table(name = "adv_availability_rule")
public class AvailabilityRule {

    @Id
    public UUID id;
    public UUID advisorId;
    /** ISO day of week, 1 = Monday. */
    public short dayOfWeek;
    public LocalTime startsAt;
    public LocalTime endsAt;
    @Enumerated(EnumType.STRING)
    public ServiceMode mode;
    /** The village whose 法律服务室 hosts an on-site rule. */
    public String villageCode;
    public int slotMinutes;
    public LocalDate validFrom;
    public LocalDate validTo;
    public Instant createdAt;

    public SlotCalculator.Rule rule() {
        return new SlotCalculator.Rule(DayOfWeek.of(dayOfWeek), startsAt, endsAt, mode, villageCode, slotMinutes,
                validFrom, validTo);
    }
}
