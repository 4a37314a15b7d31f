package org.publiclegal.shared.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are stored in fen (分, {@code long}) and shown in yuan with two decimals: never floating point. */
public final class Money {

    private Money() {
    }

    /** Yuan (at most two decimals) to fen; null stays null. */
    public static Long toFen(BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        return yuan.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }

    /** Fen to yuan with two decimals; null stays null. */
    public static BigDecimal toYuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2);
    }
}
