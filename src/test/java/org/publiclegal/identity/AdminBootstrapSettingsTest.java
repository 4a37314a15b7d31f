package org.publiclegal.identity;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.config.AppConfig;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminBootstrapSettingsTest {

    private record Config(Optional<String> username, Optional<String> password, Optional<String> passwordFile,
                          Optional<String> regionCode, Optional<String> regionName, String organisationName)
            implements AppConfig.BootstrapAdmin {
    }

    private static Config config(String username, String password, String file, String region, String regionName) {
        return new Config(Optional.ofNullable(username), Optional.ofNullable(password), Optional.ofNullable(file),
                Optional.ofNullable(region), Optional.ofNullable(regionName), " 云南省司法厅 ");
    }

    private static String refused(Config c) {
        return assertThrows(IllegalStateException.class, () -> AdminBootstrapSettings.from(c, f -> "unused")).getMessage();
    }

    @Test
    void withoutAUsernameTheBootstrapIsOffEvenWithAPassword() {
        assertTrue(AdminBootstrapSettings.from(config(null, "abcdefghi1", null, "530000000000", null), f -> "x").isEmpty());
    }

    @Test
    void aCompleteSettingIsTrimmedAndKeepsThePasswordAsGiven() {
        AdminBootstrapSettings s = AdminBootstrapSettings.from(
                config(" admin ", " abcdefghi1", null, " 530000000000 ", " 云南省 "), f -> "unused").orElseThrow();
        assertEquals("admin", s.username());
        assertEquals(" abcdefghi1", s.password());
        assertEquals("530000000000", s.regionCode());
        assertEquals("云南省", s.regionName());
        assertEquals("云南省司法厅", s.organisationName());
        assertFalse(s.toString().contains("abcdefghi1"), "toString must not show the password");
        assertEquals("AdminBootstrapSettings[username=admin, regionCode=530000000000]", s.toString());
    }

    @Test
    void aBlankRegionNameCountsAsNone() {
        assertNull(AdminBootstrapSettings.from(config("admin", "abcdefghi1", null, "530000000000", "  "), f -> "")
                .orElseThrow().regionName());
    }

    @Test
    void thePasswordFileWinsOverThePasswordAndLosesOneTrailingLineBreak() {
        AdminBootstrapSettings s = AdminBootstrapSettings.from(
                config("admin", "abcdefghi1", "/run/secrets/admin", "530000000000", null),
                f -> f.equals("/run/secrets/admin") ? "fromfile12\n" : "wrong").orElseThrow();
        assertEquals("fromfile12", s.password());
        assertEquals("fromfile12", AdminBootstrapSettings.from(
                config("admin", null, "f", "530000000000", null), f -> "fromfile12\r\n").orElseThrow().password());
        assertEquals("fromfile12\n", AdminBootstrapSettings.stripLineBreak("fromfile12\n\n"));
        assertEquals("fromfile12", AdminBootstrapSettings.stripLineBreak("fromfile12"));
    }

    @Test
    void aUsernameWithoutAnyPasswordIsRefusedNamingBothVariables() {
        String message = refused(config("admin", null, null, "530000000000", null));
        assertTrue(message.contains("APP_BOOTSTRAP_ADMIN_PASSWORD_FILE") && message.contains("APP_BOOTSTRAP_ADMIN_PASSWORD"), message);
    }

    @Test
    void aPasswordOfSeventyTwoBytesIsAcceptedAndSeventyThreeOrTwentyFiveHanziAreNot() {
        String seventyTwo = "a1" + "b".repeat(70);
        assertTrue(AdminBootstrapSettings.from(config("admin", seventyTwo, null, "530000000000", null), f -> "").isPresent());
        assertTrue(refused(config("admin", seventyTwo + "c", null, "530000000000", null)).contains("72 bytes"));
        // 24 characters, but 22 汉字 of 3 bytes each plus two ASCII characters: 68 bytes fit, 71 bytes fit, 74 do not
        assertTrue(AdminBootstrapSettings.from(config("admin", "a1" + "密".repeat(22), null, "530000000000", null), f -> "").isPresent());
        assertTrue(refused(config("admin", "a1" + "密".repeat(24), null, "530000000000", null)).contains("72 bytes"));
    }

    @Test
    void aPasswordOfExactlyTenCharactersWithALetterAndADigitIsAcceptedAndNineAreNot() {
        assertTrue(AdminBootstrapSettings.from(config("admin", "abcdefghi1", null, "530000000000", null), f -> "").isPresent());
        assertTrue(refused(config("admin", "abcdefgh1", null, "530000000000", null)).contains("10 to 72"));
        assertTrue(refused(config("admin", "abcdefghij", null, "530000000000", null)).contains("digit"));
        assertTrue(refused(config("admin", "1234567890", null, "530000000000", null)).contains("letter"));
    }

    @Test
    void aUsernameOfTwoCharactersOrWithSpacesInsideIsRefusedAndThreeIsAccepted() {
        assertTrue(refused(config("ab", "abcdefghi1", null, "530000000000", null)).contains("APP_BOOTSTRAP_ADMIN_USERNAME"));
        refused(config("a b", "abcdefghi1", null, "530000000000", null));
        assertTrue(AdminBootstrapSettings.from(config("abc", "abcdefghi1", null, "530000000000", null), f -> "").isPresent());
    }

    @Test
    void theRegionCodeIsRequiredAndMustBeTwelveDigits() {
        assertTrue(refused(config("admin", "abcdefghi1", null, null, null)).contains("APP_BOOTSTRAP_ADMIN_REGION_CODE is missing"));
        assertTrue(refused(config("admin", "abcdefghi1", null, "53000000000", null)).contains("12-digit"));
        assertTrue(refused(config("admin", "abcdefghi1", null, "000000000000", null)).contains("12-digit"));
    }
}
