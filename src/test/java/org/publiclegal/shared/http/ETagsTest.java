package org.publiclegal.shared.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ETagsTest {

    private static final byte[] DIGEST = new byte[32];

    static {
        for (int i = 0; i < DIGEST.length; i++) {
            DIGEST[i] = (byte) i;
        }
    }

    @Test
    void aWeakTagOfTheFirst128BitsInBase64Url() {
        assertEquals("W/\"AAECAwQFBgcICQoLDA0ODw\"", ETags.weak(DIGEST));
        byte[] other = DIGEST.clone();
        other[16] = 99; // beyond the first 128 bits: same tag
        assertEquals(ETags.weak(DIGEST), ETags.weak(other));
        other[15] = 99;
        assertFalse(ETags.weak(DIGEST).equals(ETags.weak(other)));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        String tag = "W/\"abc\"";
        assertTrue(ETags.matches("W/\"abc\"", tag));
        assertTrue(ETags.matches("\"abc\"", tag), "strong form of the same tag");
        assertTrue(ETags.matches("W/\"x\", W/\"abc\"", tag), "one of a list");
        assertTrue(ETags.matches(" W/\"x\" ,\"abc\" ", tag), "spaces around list members");
        assertTrue(ETags.matches("*", tag));
        assertFalse(ETags.matches("W/\"abcd\"", tag));
        assertFalse(ETags.matches("W/\"ab\"", tag));
        assertFalse(ETags.matches("", tag), "empty header: no match");
        assertFalse(ETags.matches("   ", tag), "blank header: no match");
        assertFalse(ETags.matches(null, tag), "no header: no match");
        assertFalse(ETags.matches("W/\"x\"", tag));
    }
}
