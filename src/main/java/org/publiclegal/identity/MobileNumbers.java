package org.publiclegal.identity;

import java.util.regex.Pattern;

/**
 * 手机号 of a staff member as it is entered (by hand in {@code POST /api/staff} or {@code PUT /api/staff/{id}/mobile},
 * or in a 工作人员 import): a mainland mobile, 11 digits starting 1[3-9], spaces and hyphens between the digits
 * allowed ({@code 138 0013 8000}, {@code 138-0013-8000}) and dropped. One rule for both ways in.
 */
public final class MobileNumbers {

    /** The message of a refused number (the import reports it under the 手机号 column, the API under {@code mobile}). */
    public static final String INVALID = "手机号应为 11 位数字";

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private MobileNumbers() {
    }

    /** The number as it is sealed (digits only), or null when {@code entered} is not a mainland mobile. */
    public static String normalise(String entered) {
        if (entered == null) {
            return null;
        }
        String digits = entered.strip().replace(" ", "").replace("-", "");
        return MOBILE.matcher(digits).matches() ? digits : null;
    }
}
