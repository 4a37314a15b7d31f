package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class StaffCredentialRepository implements PanacheRepositoryBase<StaffCredential, UUID> {

    public Uni<StaffCredential> findByUsername(String username) {
        return find("lower(username) = lower(?1)", username).firstResult();
    }

    /**
     * Counts a failed attempt atomically (concurrent guesses cannot lose increments) and locks the account
     * once the limit is reached.
     */
    public Uni<Integer> recordFailure(UUID accountId, int maxAttempts, Instant now, Instant lockUntil) {
        // after an expired lock the count starts again, so one typo does not lock the account once more
        return update("failedAttempts = case when lockedUntil is not null and lockedUntil <= :now then 1 "
                        + "else failedAttempts + 1 end, lockedUntil = case "
                        + "when lockedUntil is not null and lockedUntil <= :now then null "
                        + "when failedAttempts + 1 >= :max then :until else lockedUntil end, version = version + 1 "
                        + "where accountId = :id",
                Parameters.with("max", maxAttempts).and("until", lockUntil).and("id", accountId).and("now", now));
    }

    /** After a successful sign-in or an administrator's unlock. */
    public Uni<Integer> clearFailures(UUID accountId) {
        return update("failedAttempts = 0, lockedUntil = null, version = version + 1 where accountId = ?1", accountId);
    }

    /** Sets a new password hash chosen by its owner; clears the must-change flag and the failure count. */
    public Uni<Integer> changePassword(UUID accountId, String passwordHash, Instant now) {
        return update("passwordHash = :hash, passwordChangeRequired = false, changedAt = :now, failedAttempts = 0, "
                        + "lockedUntil = null, version = version + 1 where accountId = :id",
                Parameters.with("hash", passwordHash).and("now", now).and("id", accountId));
    }
}
