package org.publiclegal.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * 一次性登录链接的令牌: 32 random bytes as 43 characters of base64url (256 bits: guessing one is hopeless, so a
 * wrong token costs the guesser nothing but a refused request); only its SHA-256 is stored. Pure rules, unit-tested.
 */
public final class SignInLinkToken {

    /** What a presented token must look like before it is even hashed. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** Where a link stands when presented. */
    public enum Standing { VALID, USED, EXPIRED }

    private SignInLinkToken() {
    }

    public static String newToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form: SHA-256 (as refresh tokens are hashed, {@link Tokens#hash}) in lower-case hex (64 characters). */
    public static String hash(String token) {
        return HexFormat.of().formatHex(Tokens.hash(token));
    }

    /** Used once is used for good; otherwise usable strictly before {@code expiresAt} (at that instant it has expired). */
    public static Standing standing(Instant expiresAt, Instant usedAt, Instant now) {
        if (usedAt != null) {
            return Standing.USED;
        }
        return now.isBefore(expiresAt) ? Standing.VALID : Standing.EXPIRED;
    }
}
