package org.publiclegal.shared.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The time rules of an access token, at their boundaries. */
class TokenTimesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Duration MAX = Duration.ofMinutes(15);

    @Test
    void aTokenIssuedNowForTheConfiguredLifetimeIsAccepted() {
        assertNull(TokenTimes.violation(NOW, NOW.plus(MAX), NOW, MAX));
    }

    @Test
    void issuedAtUpToTheAllowedSkewAheadIsAcceptedOneSecondMoreIsNot() {
        Instant edge = NOW.plus(TokenTimes.ALLOWED_CLOCK_SKEW);
        assertNull(TokenTimes.violation(edge, edge.plus(MAX), NOW, MAX));
        Instant beyond = edge.plusSeconds(1);
        assertEquals("the token is issued in the future", TokenTimes.violation(beyond, beyond.plus(MAX), NOW, MAX));
    }

    @Test
    void aTokenIssuedLongAgoIsNotRefusedForItsAge() {
        // expiry is the library's check; this rule only looks at the future and at the lifetime
        Instant past = NOW.minus(Duration.ofDays(3));
        assertNull(TokenTimes.violation(past, past.plus(MAX), NOW, MAX));
    }

    @Test
    void aLifetimeOfExactlyTheMaximumIsAcceptedOneSecondLongerIsNot() {
        assertNull(TokenTimes.violation(NOW, NOW.plus(MAX), NOW, MAX));
        assertEquals("the token lives longer than PT15M",
                TokenTimes.violation(NOW, NOW.plus(MAX).plusSeconds(1), NOW, MAX));
    }

    @Test
    void aTokenWithoutIssuedAtOrExpiryIsRefused() {
        assertEquals("the token has no iat or exp", TokenTimes.violation(null, NOW.plus(MAX), NOW, MAX));
        assertEquals("the token has no iat or exp", TokenTimes.violation(NOW, null, NOW, MAX));
    }
}
