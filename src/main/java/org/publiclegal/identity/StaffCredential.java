package org.publiclegal.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member's username and bcrypt password hash, with the failed-attempt counter for lockout.
 * {@link #passwordChangeRequired}: the password was set by someone else (初始密码) and must be changed before
 * the account can sign in.
 */
@Entity
@Table(name = "staff_credential")
public class StaffCredential {

    @Id
    public UUID accountId;
    public String username;
    public String passwordHash;
    public int failedAttempts;
    public Instant lockedUntil;
    public Instant changedAt;
    public boolean passwordChangeRequired;
    @Version
    public long version;

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
