package org.publiclegal.mediation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** 证据材料 of a dispute: an uploaded image or PDF; the bytes are sealed in the object storage. */
@Entity
@Table(name = "med_evidence")
public class Evidence {

    @Id
    public UUID id;
    public UUID disputeId;
    public String fileName;
    public String contentType;
    public long sizeBytes;
    public UUID objectKey;
    public UUID uploadedBy;
    public Instant uploadedAt;
}
