package org.publiclegal.shared.validation;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.validation.ChineseIdNumber.Validator;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 居民身份证号码 (GB 11643-1999): 18 characters, a real birth date, and the ISO 7064 MOD 11-2 check character. */
class ChineseIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void theStandardsOwnExampleWithCheckCharacterXIsValid() {
        assertEquals("11010519491231002X", Validator.withCheckCharacter("11010519491231002"));
        assertTrue(Validator.isValidNumber("11010519491231002X", TODAY));
        assertTrue(Validator.isValidNumber("11010519491231002x", TODAY), "a lower-case x is the same character");
    }

    @Test
    void everyCheckCharacterFromOneToTwoIsComputed() {
        // the eleven remainders map to 1 0 X 9 8 7 6 5 4 3 2; vary the sequence digits to reach each of them
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (int seq = 0; seq < 200 && seen.size() < 11; seq++) {
            String id = Validator.withCheckCharacter("53293219900101" + String.format("%03d", seq));
            seen.add(id.charAt(17));
            assertTrue(Validator.isValidNumber(id, TODAY), id);
        }
        assertEquals(11, seen.size());
    }

    @Test
    void aWrongCheckCharacterIsInvalid() {
        assertFalse(Validator.isValidNumber("110105194912310021", TODAY));
        assertFalse(Validator.isValidNumber("11010519491231002Y", TODAY));
    }

    @Test
    void seventeenAndNineteenCharactersAreInvalid() {
        assertFalse(Validator.isValidNumber("11010519491231002", TODAY));
        assertFalse(Validator.isValidNumber("11010519491231002X0", TODAY));
    }

    @Test
    void aCharacterJustOutsideTheDigitsIsInvalidEvenWithAMatchingCheckCharacter() {
        // '/' and ':' sit either side of '0'..'9'; withCheckCharacter computes a check that would otherwise match
        assertFalse(Validator.isValidNumber(Validator.withCheckCharacter("1101051949123100/"), TODAY));
        assertFalse(Validator.isValidNumber(Validator.withCheckCharacter("11010519491231:02"), TODAY));
        assertTrue(Validator.isValidNumber(Validator.withCheckCharacter("99010519491231009"), TODAY), "nines and zeros are digits");
    }

    @Test
    void theBirthDateMustExist() {
        assertFalse(Validator.isValidNumber(Validator.withCheckCharacter("53293219900230001"), TODAY), "30 February");
        assertFalse(Validator.isValidNumber(Validator.withCheckCharacter("53293219901301001"), TODAY), "month 13");
        assertTrue(Validator.isValidNumber(Validator.withCheckCharacter("53293220000229001"), TODAY), "29 February 2000");
    }

    @Test
    void aBirthOnNewYearsDay1900IsValidAndOnNewYearsEve1899IsNot() {
        assertTrue(Validator.isValidNumber(Validator.withCheckCharacter("53293219000101001"), TODAY));
        assertFalse(Validator.isValidNumber(Validator.withCheckCharacter("53293218991231001"), TODAY));
    }

    @Test
    void aBirthTodayIsValidAndTomorrowIsNot() {
        assertTrue(Validator.isValidNumber(Validator.withCheckCharacter("53293220260302001"), TODAY));
        assertFalse(Validator.isValidNumber(Validator.withCheckCharacter("53293220260303001"), TODAY));
    }

    @Test
    void withoutAGivenDayTheCheckUsesTodayAndAbsentValuesAreLeftToNotNull() {
        assertTrue(Validator.isValidNumber("11010519491231002X"));
        assertFalse(Validator.isValidNumber(Validator.withCheckCharacter("53293230000101001")), "born in 3000");
        Validator v = new Validator();
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid("11010519491231002X", null));
        assertFalse(v.isValid("110105194912310021", null));
    }
}
