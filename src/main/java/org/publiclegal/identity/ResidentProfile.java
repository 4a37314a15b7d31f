package org.publiclegal.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * 实名信息 of a resident. The ID number, mobile and address columns hold AES-GCM ciphertexts sealed with
 * key {@link #keyId}; {@link PersonalData} opens and masks them.
 */
@Entity
@Table(name = "resident_profile")
public class ResidentProfile {

    @Id
    public UUID accountId;
    public String realName;
    public String idNumberCipher;
    public String mobileCipher;
    public String addressCipher;
    public String keyId;
    public String homeVillageCode;
    public Instant updatedAt;
    @Version
    public long version;
}
