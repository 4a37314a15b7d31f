package org.publiclegal.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordLengthTest {

    private final PasswordLength.Validator validator = new PasswordLength.Validator();

    @Test
    void seventyTwoBytesFitAndSeventyThreeDoNot() {
        assertTrue(validator.isValid("x".repeat(72), null));
        assertFalse(validator.isValid("x".repeat(73), null));
    }

    @Test
    void bytesNotCharactersAreCountedSoTwentyFourHanziFitAndTwentyFiveDoNot() {
        assertTrue(validator.isValid("密".repeat(24), null));
        assertFalse(validator.isValid("密".repeat(25), null));
    }

    @Test
    void anAbsentPasswordIsLeftToNotBlank() {
        assertTrue(PasswordLength.Validator.fits(null));
    }
}
