package org.publiclegal.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The stable key of an imported row: SHA-256 over its kind and identifying values (stripped; an absent value is
 * distinct from an empty one), so the same row in the same or another file has the same key.
 */
public final class RowKey {

    private RowKey() {
    }

    public static String of(ImportKind kind, List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.name().getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                sha.update((byte) 0x1F);
                if (part == null) {
                    sha.update((byte) 0x00);
                } else {
                    sha.update(part.strip().getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
