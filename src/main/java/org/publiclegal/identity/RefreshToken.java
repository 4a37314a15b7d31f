package org.publiclegal.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token, stored only as its SHA-256. Tokens issued from one sign-in form a family: each refresh
 * rotates to a new member, and replaying a rotated member revokes the family.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    public UUID id;
    public UUID accountId;
    public UUID familyId;
    public byte[] tokenHash;
    public Instant issuedAt;
    public Instant expiresAt;
    public Instant rotatedAt;
    public Instant revokedAt;
    @Version
    public long version;
}
