package org.publiclegal.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MobileNumbersTest {

    @Test
    void elevenDigitsStartingOneThreeToNine() {
        assertEquals("13800138000", MobileNumbers.normalise("13800138000"));
        assertEquals("19912345678", MobileNumbers.normalise("19912345678"), "the highest second digit");
        assertNull(MobileNumbers.normalise("12800138000"), "1 then 2");
        assertNull(MobileNumbers.normalise("10800138000"), "1 then 0");
        assertNull(MobileNumbers.normalise("23800138000"), "not starting with 1");
        assertNull(MobileNumbers.normalise("1380013800"), "10 digits");
        assertNull(MobileNumbers.normalise("138001380001"), "12 digits");
        assertNull(MobileNumbers.normalise("1380013800a"));
        assertNull(MobileNumbers.normalise(null));
        assertNull(MobileNumbers.normalise(""));
    }

    @Test
    void spacesAndHyphensBetweenTheDigitsAreDropped() {
        assertEquals("13800138000", MobileNumbers.normalise("138 0013 8000"));
        assertEquals("13800138000", MobileNumbers.normalise("138-0013-8000"));
        assertEquals("13800138000", MobileNumbers.normalise(" 13800138000 "));
        assertNull(MobileNumbers.normalise("+86 13800138000"), "no country code");
        assertNull(MobileNumbers.normalise("138.0013.8000"));
    }
}
