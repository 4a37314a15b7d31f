package org.publiclegal.identity;

import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.RegionCodes;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The settings of the first-administrator bootstrap (初始系统管理员), checked before anything is written.
 * A wrong setting stops the start-up with a message naming the variable to fix.
 *
 * @param password the initial password; the administrator must change it at the first sign-in
 */
public record AdminBootstrapSettings(String username, String password, String regionCode, String regionName,
                                     String organisationName) {

    /** The same rules as for staff created over the API (StaffViews.CreateStaffRequest). */
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.\\-]{3,64}");
    static final Pattern PASSWORD = Pattern.compile("(?=.*[A-Za-z])(?=.*\\d).{10,}");

    /**
     * The settings, or empty when no APP_BOOTSTRAP_ADMIN_USERNAME is set (bootstrap off).
     *
     * @param readFile reads a password file; the trailing line break a file usually ends with is dropped
     */
    public static Optional<AdminBootstrapSettings> from(AppConfig.BootstrapAdmin c, UnaryOperator<String> readFile) {
        if (c.username().isEmpty()) {
            return Optional.empty();
        }
        String username = c.username().get().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalStateException("APP_BOOTSTRAP_ADMIN_USERNAME must be 3 to 64 letters, digits or _ . -");
        }
        String password = c.passwordFile().map(readFile).map(AdminBootstrapSettings::stripLineBreak)
                .or(c::password)
                .orElseThrow(() -> new IllegalStateException("APP_BOOTSTRAP_ADMIN_USERNAME is set without a password: "
                        + "set APP_BOOTSTRAP_ADMIN_PASSWORD_FILE (preferred) or APP_BOOTSTRAP_ADMIN_PASSWORD"));
        if (!PASSWORD.matcher(password).matches() || !PasswordLength.Validator.fits(password)) {
            throw new IllegalStateException("The initial administrator password must have 10 to 72 characters "
                    + "(at most 72 bytes in UTF-8) with at least one letter and one digit");
        }
        String region = c.regionCode().map(String::trim).orElseThrow(() -> new IllegalStateException(
                "APP_BOOTSTRAP_ADMIN_REGION_CODE is missing: the 12-digit region code of the administrator's "
                        + "justice department (a province such as 530000000000 on an empty database)"));
        if (!RegionCodes.isValid(region)) {
            throw new IllegalStateException("APP_BOOTSTRAP_ADMIN_REGION_CODE must be a 12-digit region code, not '"
                    + region + "'");
        }
        return Optional.of(new AdminBootstrapSettings(username, password, region,
                c.regionName().map(String::trim).filter(n -> !n.isEmpty()).orElse(null), c.organisationName().trim()));
    }

    static String stripLineBreak(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "AdminBootstrapSettings[username=" + username + ", regionCode=" + regionCode + "]";
    }
}
