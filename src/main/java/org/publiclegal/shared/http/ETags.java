package org.publiclegal.shared.http;

import java.util.Arrays;
import java.util.Base64;

/** Weak entity tags and the {@code If-None-Match} comparison (RFC 9110 §13.1.2: weak comparison). */
public final class ETags {

    private ETags() {
    }

    /** {@code W/"…"} from the first 128 bits of the digest, base64url. */
    public static String weak(byte[] digest) {
        return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
    }

    /** Whether an If-None-Match header value names this tag (weakly), or is {@code *}. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String mine = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
