package org.publiclegal.shared.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Yuan in, fen stored: exact, never rounded. */
class MoneyTest {

    @Test
    void yuanWithUpToTwoDecimalsBecomeFen() {
        assertEquals(1234L, Money.toFen(new BigDecimal("12.34")));
        assertEquals(1230L, Money.toFen(new BigDecimal("12.3")));
        assertEquals(1200L, Money.toFen(new BigDecimal("12")));
        assertEquals(1234L, Money.toFen(new BigDecimal("12.340")), "a trailing zero is not a third decimal");
        assertEquals(-150L, Money.toFen(new BigDecimal("-1.50")));
        assertEquals(0L, Money.toFen(BigDecimal.ZERO));
        assertNull(Money.toFen(null));
    }

    @Test
    void aThirdDecimalIsRefusedRatherThanRounded() {
        assertThrows(ArithmeticException.class, () -> Money.toFen(new BigDecimal("12.345")));
        assertThrows(ArithmeticException.class, () -> Money.toFen(new BigDecimal("0.005")), "not half a fen rounded up");
    }

    @Test
    void anAmountBeyondALongIsRefused() {
        assertThrows(ArithmeticException.class, () -> Money.toFen(new BigDecimal("1E+20")));
    }

    @Test
    void fenBecomeYuanWithTwoDecimals() {
        assertEquals(new BigDecimal("12.34"), Money.toYuan(1234L));
        assertEquals(new BigDecimal("0.05"), Money.toYuan(5L));
        assertEquals(new BigDecimal("0.00"), Money.toYuan(0L));
        assertNull(Money.toYuan(null));
    }
}
