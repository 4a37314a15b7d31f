package org.publiclegal.shared.crypto;

/** How personal data is shown to anyone but its owner, unless an audited unmasked read is made. */
public final class Masking {

    private Masking() {
    }

    /**
     * {@code 532932199001011234} → {@code 5329**********1234}. A value of 8 characters or fewer is hidden
     * entirely: keeping four at each end would show all of it.
     */
    public static String idNumber(String id) {
        if (id == null || id.length() <= 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /**
     * {@code 13812345678} → {@code 138****5678}. A value of 7 characters or fewer is hidden entirely: keeping
     * three and four would show all of it.
     */
    public static String mobile(String mobile) {
        if (mobile == null || mobile.length() <= 7) {
            return mobile == null ? null : "*".repeat(mobile.length());
        }
        return mobile.substring(0, 3) + "*".repeat(mobile.length() - 7) + mobile.substring(mobile.length() - 4);
    }

    /** Keeps the first six characters (county/township level), hides the rest. */
    public static String address(String address) {
        if (address == null) {
            return null;
        }
        int keep = Math.min(6, address.length() / 2);
        return address.substring(0, keep) + "****";
    }

    /** {@code 张三丰} → {@code 张**}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
