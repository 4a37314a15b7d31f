package org.publiclegal.shared.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * 行政区划代码: 12 digits, province(2) city(2) county(2) township(3) village(3). The significant prefix of
 * a code is the part before its trailing zero groups; every code in its subtree starts with it, so a
 * subtree is {@code code like prefix || '%'}, one index range scan.
 */
public final class RegionCodes {

    public enum Level {
        PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

        private final int digits;

        Level(int digits) {
            this.digits = digits;
        }

        public int digits() {
            return digits;
        }
    }

    private RegionCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && code.length() == 12 && code.chars().allMatch(c -> c >= '0' && c <= '9')
                && !code.startsWith("00");
    }

    public static Level levelOf(String code) {
        if (code.endsWith("0000000000")) {
            return Level.PROVINCE;
        }
        if (code.endsWith("00000000")) {
            return Level.CITY;
        }
        if (code.endsWith("000000")) {
            return Level.COUNTY;
        }
        if (code.endsWith("000")) {
            return Level.TOWNSHIP;
        }
        return Level.VILLAGE;
    }

    /** The digits shared by every code in the subtree of {@code code}. */
    public static String prefix(String code) {
        return code.substring(0, levelOf(code).digits());
    }

    /** The code itself and the codes of every region enclosing it, deepest first. */
    public static List<String> ancestorsOrSelf(String code) {
        List<String> codes = new ArrayList<>();
        for (Level level : Level.values()) {
            if (level.digits() <= levelOf(code).digits()) {
                String prefix = code.substring(0, level.digits());
                codes.add(0, prefix + "0".repeat(12 - prefix.length()));
            }
        }
        return codes;
    }

    /**
     * The smallest code of the subtree of {@code code}: with its {@link #upperBound} it makes the subtree
     * the B-tree range {@code lower <= region_code < upper} (columns use collation "C", byte order).
     */
    public static String lowerBound(String code) {
        return prefix(code);
    }

    /** Exclusive upper bound of the subtree: the prefix followed by ':' (the character after '9'). */
    public static String upperBound(String code) {
        return prefix(code) + ":";
    }

    /** Whether {@code code} lies in the subtree rooted at {@code root} (a code is in its own subtree). */
    public static boolean within(String code, String root) {
        return code != null && root != null && code.startsWith(prefix(root));
    }
}
