package org.publiclegal.shared.storage;

/** Uploaded files: the accepted types recognised by their leading bytes (whatever the client claims), hashes, names. */
public final class FileTypes {

    private FileTypes() {
    }

    /** The media type of {@code content}, or null when it is not an accepted image or PDF. */
    public static String detect(byte[] c) {
        if (starts(c, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(c, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (c.length >= 12 && starts(c, 'R', 'I', 'F', 'F') && c[8] == 'W' && c[9] == 'E' && c[10] == 'B' && c[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static boolean starts(byte[] c, int... magic) {
        if (c.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((c[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Hex SHA-256 of an upload: stored with it, and the Idempotency-Key fingerprint of the upload. */
    public static String sha256Hex(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client's file name made safe to store and send back: no path separators or control characters, ≤ 200 chars. */
    public static String cleanName(String name, String fallback) {
        String n = name == null || name.isBlank() ? fallback : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
