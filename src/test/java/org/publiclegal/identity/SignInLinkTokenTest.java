package org.publiclegal.identity;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-time sign-in link's token: its form, its stored hash and when it may be used; boundaries named. */
class SignInLinkTokenTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-09T06:00:00Z");

    @Test
    void aTokenIs256RandomBitsInBase64Url() {
        SecureRandom random = new SecureRandom();
        String a = SignInLinkToken.newToken(random);
        String b = SignInLinkToken.newToken(random);
        assertEquals(43, a.length());
        assertTrue(SignInLinkToken.FORMAT.matcher(a).matches(), a);
        assertNotEquals(a, b);
        assertFalse(SignInLinkToken.FORMAT.matcher(a.substring(1)).matches(), "42 characters");
        assertFalse(SignInLinkToken.FORMAT.matcher(a + "x").matches(), "44 characters");
        assertFalse(SignInLinkToken.FORMAT.matcher("+" + a.substring(1)).matches(), "not base64url");
    }

    @Test
    void onlyTheSha256OfATokenIsStored() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SignInLinkToken.hash("abc"));
        String token = SignInLinkToken.newToken(new SecureRandom());
        assertEquals(SignInLinkToken.hash(token), SignInLinkToken.hash(token));
        assertEquals(64, SignInLinkToken.hash(token).length());
        assertFalse(SignInLinkToken.hash(token).contains(token));
    }

    @Test
    void aLinkServesUntilTheInstantItExpires() {
        assertEquals(SignInLinkToken.Standing.VALID, SignInLinkToken.standing(EXPIRES, null, EXPIRES.minusNanos(1)));
        assertEquals(SignInLinkToken.Standing.EXPIRED, SignInLinkToken.standing(EXPIRES, null, EXPIRES));
        assertEquals(SignInLinkToken.Standing.EXPIRED, SignInLinkToken.standing(EXPIRES, null, EXPIRES.plusSeconds(1)));
    }

    @Test
    void aUsedLinkIsUsedEvenBeforeItExpires() {
        Instant used = EXPIRES.minus(Duration.ofDays(6));
        assertEquals(SignInLinkToken.Standing.USED, SignInLinkToken.standing(EXPIRES, used, used.plusSeconds(1)));
        assertEquals(SignInLinkToken.Standing.USED, SignInLinkToken.standing(EXPIRES, used, EXPIRES.plusSeconds(1)));
    }
}
