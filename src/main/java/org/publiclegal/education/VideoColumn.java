package org.publiclegal.education;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * 栏目 (e.g. 《律师普法》): owned by an organisation, whose region is the owning region: reviewers are the
 * 司法所 / 司法局 covering it. Holds the 期 counter ({@link VideoColumnRepository#nextEpisodeNo}).
 */
@Entity
@Table(name = "edu_column")
public class VideoColumn {

    @Id
    public UUID id;
    public String name;
    public String description;
    public UUID organisationId;
    public String regionCode;
    public int lastEpisodeNo;
    public UUID createdBy;
    public Instant createdAt;
    @Version
    public long version;

    public static VideoColumn create(String name, String description, UUID organisationId, String regionCode,
                                     UUID createdBy, Instant now) {
        VideoColumn c = new VideoColumn();
        c.id = UUID.randomUUID();
        c.name = name;
        c.description = description;
        c.organisationId = organisationId;
        c.regionCode = regionCode;
        c.createdBy = createdBy;
        c.createdAt = now;
        return c;
    }
}
