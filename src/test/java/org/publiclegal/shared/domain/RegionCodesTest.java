package org.publiclegal.shared.domain;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.RegionCodes.Level;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 行政区划代码: the basis of every access scope (a subtree is a prefix, a prefix is an index range). */
class RegionCodesTest {

    private static final String PROVINCE = "530000000000";
    private static final String CITY = "532900000000";
    private static final String COUNTY = "532932000000";
    private static final String TOWNSHIP = "532932101000";
    private static final String VILLAGE = "532932101001";

    @Test
    void aValidCodeHasTwelveDigitsAndAProvince() {
        assertTrue(RegionCodes.isValid(VILLAGE));
        assertTrue(RegionCodes.isValid("990000000000"));
        assertFalse(RegionCodes.isValid("53293210100"), "11 digits");
        assertFalse(RegionCodes.isValid("5329321010011"), "13 digits");
        assertFalse(RegionCodes.isValid("53293210100A"));
        assertFalse(RegionCodes.isValid("53293210100/"), "the character before '0'");
        assertFalse(RegionCodes.isValid("53293210100:"), "the character after '9'");
        assertFalse(RegionCodes.isValid("001000000000"), "no province 00");
        assertFalse(RegionCodes.isValid(null));
    }

    @Test
    void theLevelFollowsTheTrailingZeroGroups() {
        assertEquals(Level.PROVINCE, RegionCodes.levelOf(PROVINCE));
        assertEquals(Level.CITY, RegionCodes.levelOf(CITY));
        assertEquals(Level.COUNTY, RegionCodes.levelOf(COUNTY));
        assertEquals(Level.TOWNSHIP, RegionCodes.levelOf(TOWNSHIP));
        assertEquals(Level.VILLAGE, RegionCodes.levelOf(VILLAGE));
        assertEquals(Level.VILLAGE, RegionCodes.levelOf("532932101100"), "a village number ending in 00");
        assertEquals(List.of(2, 4, 6, 9, 12), java.util.Arrays.stream(Level.values()).map(Level::digits).toList());
    }

    @Test
    void aSubtreeIsTheRangeFromItsPrefixToThePrefixFollowedByColon() {
        assertEquals("532932", RegionCodes.prefix(COUNTY));
        assertEquals("532932101", RegionCodes.lowerBound(TOWNSHIP));
        assertEquals("532932101:", RegionCodes.upperBound(TOWNSHIP));
        assertTrue(RegionCodes.upperBound(COUNTY).compareTo("532932999999") > 0, "the last code of the county is inside");
        assertTrue(RegionCodes.upperBound(COUNTY).compareTo("532933000000") < 0, "the next county is outside");
    }

    @Test
    void theAncestorsOfAVillageAreItsTownshipCountyCityAndProvinceDeepestFirst() {
        assertEquals(List.of(VILLAGE, TOWNSHIP, COUNTY, CITY, PROVINCE), RegionCodes.ancestorsOrSelf(VILLAGE));
        assertEquals(List.of(COUNTY, CITY, PROVINCE), RegionCodes.ancestorsOrSelf(COUNTY));
        assertEquals(List.of(PROVINCE), RegionCodes.ancestorsOrSelf(PROVINCE));
    }

    @Test
    void aCodeIsWithinItselfItsAncestorsButNotItsSiblingsOrNothing() {
        assertTrue(RegionCodes.within(VILLAGE, VILLAGE));
        assertTrue(RegionCodes.within(VILLAGE, COUNTY));
        assertTrue(RegionCodes.within(VILLAGE, PROVINCE));
        assertFalse(RegionCodes.within(COUNTY, VILLAGE), "a county is not inside its village");
        assertFalse(RegionCodes.within("532932102001", TOWNSHIP), "the next township's village");
        assertFalse(RegionCodes.within(null, COUNTY));
        assertFalse(RegionCodes.within(VILLAGE, null));
    }
}
