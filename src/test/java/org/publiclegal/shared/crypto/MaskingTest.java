package org.publiclegal.shared.crypto;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How personal data is shown to staff: enough to recognise, never enough to use. */
class MaskingTest {

    @Test
    void anIdNumberKeepsItsFirstAndLastFour() {
        assertEquals("5329**********1234", Masking.idNumber("532932199001011234"));
        assertEquals("1101**********002X", Masking.idNumber("11010519491231002X"));
    }

    @Test
    void anIdNumberOfNineCharactersHidesOneAndOfEightOrFewerHidesAll() {
        assertEquals("1234*6789", Masking.idNumber("123456789"));
        assertEquals("********", Masking.idNumber("12345678"), "keeping four and four would show all of it");
        assertEquals("***", Masking.idNumber("123"));
        assertEquals("", Masking.idNumber(""));
        assertNull(Masking.idNumber(null));
    }

    @Test
    void aMobileKeepsItsFirstThreeAndLastFour() {
        assertEquals("138****5678", Masking.mobile("13812345678"));
        assertEquals("138*5678", Masking.mobile("13845678"), "eight characters: one hidden");
        assertEquals("*******", Masking.mobile("1234567"), "seven or fewer: all hidden");
        assertEquals("**", Masking.mobile("12"));
        assertNull(Masking.mobile(null));
    }

    @Test
    void anAddressKeepsAtMostSixCharactersAndAtMostHalf() {
        assertEquals("云南省大理白****", Masking.address("云南省大理白族自治州鹤庆县云鹤镇"));
        assertEquals("云南省大理白****", Masking.address("云南省大理白族自治州鹤庆"), "12 characters keep 6");
        assertEquals("云南省大理****", Masking.address("云南省大理白族自治州鹤"), "11 characters keep 5");
        assertEquals("鹤****", Masking.address("鹤庆县"), "three characters keep one");
        assertEquals("****", Masking.address("鹤"));
        assertNull(Masking.address(null));
    }

    @Test
    void aNameKeepsItsFirstCharacterEvenOutsideTheBasicPlane() {
        assertEquals("张**", Masking.name("张三丰"));
        assertEquals("张*", Masking.name("张"), "a one-character name still hides something");
        assertEquals("𠮷*", Masking.name("𠮷三"), "a supplementary character is one character");
        assertEquals("", Masking.name(""));
        assertNull(Masking.name(null));
    }
}
