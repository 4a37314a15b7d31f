package org.publiclegal.shared.security;

import java.time.Duration;
import java.time.Instant;

/**
 * The time rules an access token must meet on top of its signature, issuer, audience and expiry (which the
 * JWT library checks): it says when it was issued ({@code iat}), that moment is not in the future beyond
 * {@link #ALLOWED_CLOCK_SKEW}, and it does not live longer ({@code exp − iat}) than the configured access-token
 * lifetime. A token signed with the real key but minted for days, or dated ahead, is refused.
 */
public final class TokenTimes {

    /** How far clocks of replicas may drift apart: an {@code iat} up to this far ahead is accepted. */
    public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofSeconds(60);

    private TokenTimes() {
    }

    /**
     * Why the token is refused, or null when its times are acceptable.
     *
     * @param issuedAt    the token's {@code iat}, null when absent
     * @param expiresAt   the token's {@code exp}, null when absent
     * @param now         the current time
     * @param maxLifetime the longest lifetime a token may have (the configured access-token lifetime)
     */
    public static String violation(Instant issuedAt, Instant expiresAt, Instant now, Duration maxLifetime) {
        if (issuedAt == null || expiresAt == null) {
            return "the token has no iat or exp";
        }
        if (issuedAt.isAfter(now.plus(ALLOWED_CLOCK_SKEW))) {
            return "the token is issued in the future";
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
            return "the token lives longer than " + maxLifetime;
        }
        return null;
    }
}
