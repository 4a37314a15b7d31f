package org.publiclegal.legalaid;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** 申请材料: an uploaded file of an application; the bytes are in the object storage. */
@Entity
@Table(name = "aid_material")
public class Material {

    @Id
    public UUID id;
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public MaterialCategory category;
    public String fileName;
    public String contentType;
    public long sizeBytes;
    public UUID objectKey;
    public UUID uploadedBy;
    public Instant uploadedAt;
}
