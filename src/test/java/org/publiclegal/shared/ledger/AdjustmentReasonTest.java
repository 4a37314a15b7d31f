package org.publiclegal.shared.ledger;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdjustmentReasonTest {

    @Test
    void aPercentEncodedChineseReasonIsDecodedAndStripped() {
        assertEquals("纸质台账补录", AdjustmentReason.parse(
                " " + URLEncoder.encode("纸质台账补录", StandardCharsets.UTF_8) + " "));
    }

    @Test
    void anAbsentOrBlankReasonIsNoReason() {
        assertNull(AdjustmentReason.parse(null));
        assertNull(AdjustmentReason.parse(""));
        assertNull(AdjustmentReason.parse("%20+"));
    }

    @Test
    void aReasonOfExactly500CharactersIsAcceptedAnd501IsA400NamingTheHeader() {
        assertEquals(500, AdjustmentReason.parse("补".repeat(500).replace("补", "a")).length());
        DomainException e = assertThrows(DomainException.class, () -> AdjustmentReason.parse("a".repeat(501)));
        assertEquals("Adjustment-Reason", e.errors().get(0).field());
        assertEquals("补录原因最多 500 字", e.errors().get(0).message());
    }

    @Test
    void aBrokenPercentEncodingIsA400() {
        DomainException e = assertThrows(DomainException.class, () -> AdjustmentReason.parse("%E8%A"));
        assertEquals("Adjustment-Reason", e.errors().get(0).field());
    }
}
