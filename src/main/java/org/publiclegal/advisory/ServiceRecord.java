package org.publiclegal.advisory;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.publiclegal.shared.domain.DomainException;

import java.time.Instant;
import java.util.UUID;

/**
 * 服务记录 (一事一记): one piece of advisor work in a village, booked or not — consultation, review, legal opinion,
 * review of 村规民约 and major decisions, joining a mediation, a lecture (with topic and attendance). A mistaken
 * record is voided with a reason (its ledger events get negative twins), never deleted.
 */
@Entity
@Table(name = "adv_service_record")
public class ServiceRecord {

    @Id
    public UUID id;
    public UUID advisorId;
    public UUID organisationId;
    public String villageCode;
    public Instant startedAt;
    public int durationMinutes;
    @Enumerated(EnumType.STRING)
    public ServiceKind kind;
    @Enumerated(EnumType.STRING)
    public ServiceMode mode;
    public String summary;
    public int personsServed;
    public String lectureTopic;
    public Integer attendance;
    public UUID bookingId;
    public UUID recordedBy;
    public Instant createdAt;
    public Instant voidedAt;
    public String voidReason;
    @Version
    public long version;

    /** 作废: the record no longer counts. */
    public void voidRecord(String reason, Instant now) {
        if (voidedAt != null) {
            throw DomainException.conflict("该服务记录已作废");
        }
        voidedAt = now;
        voidReason = reason;
    }
}
