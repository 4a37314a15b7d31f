package org.publiclegal.legalaid.eligibility;

import org.junit.jupiter.api.Test;
import org.publiclegal.legalaid.eligibility.HardshipStandard.Basis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The monthly hardship line computed from its basis, rounded half up to the fen, and its Chinese description. */
class HardshipStandardTest {

    @Test
    void aMultipleOfTheDibaoLineWithAnExactHalfFenRoundsUp() {
        // 0.5 × 2,200.01 = 1,100.005: half-even, half-down and truncation would give 1,100.00
        assertEquals(new BigDecimal("1100.01"), Basis.DIBAO_MULTIPLE.monthlyThreshold(new BigDecimal("0.5"), new BigDecimal("2200.01")));
        assertEquals(new BigDecimal("1100.01"), Basis.MIN_WAGE.monthlyThreshold(new BigDecimal("0.5"), new BigDecimal("2200.01")));
    }

    @Test
    void aShareOfTheYearlyIncomeIsDividedByTwelveAndAnExactHalfFenRoundsUp() {
        // 0.5 × 60,000.12 = 30,000.06; ÷ 12 = 2,500.005 → 2,500.01
        assertEquals(new BigDecimal("2500.01"), Basis.DISPOSABLE_INCOME_PCT.monthlyThreshold(new BigDecimal("0.5"), new BigDecimal("60000.12")));
        // just below the half: 2,500.004166… → 2,500.00
        assertEquals(new BigDecimal("2500.00"), Basis.DISPOSABLE_INCOME_PCT.monthlyThreshold(new BigDecimal("0.5"), new BigDecimal("60000.10")));
    }

    @Test
    void aMonthlyBasisIsNotDividedByTwelve() {
        assertEquals(new BigDecimal("2490.00"), Basis.MIN_WAGE.monthlyThreshold(BigDecimal.ONE, new BigDecimal("2490")));
        assertEquals(new BigDecimal("1650.00"), Basis.DIBAO_MULTIPLE.monthlyThreshold(new BigDecimal("1.5"), new BigDecimal("1100")));
    }

    @Test
    void theBasisIsDescribedAsTheProvincesWriteIt() {
        assertEquals("低保标准的1.5倍", Basis.DIBAO_MULTIPLE.describe(new BigDecimal("1.500")));
        assertEquals("低保标准", Basis.DIBAO_MULTIPLE.describe(new BigDecimal("1.000")));
        assertEquals("最低工资标准的1.2倍", Basis.MIN_WAGE.describe(new BigDecimal("1.2")));
        assertEquals("上年度城镇居民人均可支配收入的45%", Basis.DISPOSABLE_INCOME_PCT.describe(new BigDecimal("0.450")));
        assertEquals("上年度城镇居民人均可支配收入的100%", Basis.DISPOSABLE_INCOME_PCT.describe(BigDecimal.ONE));
    }

    @Test
    void aNewVersionKeepsItsTermsAndComputesItsLine() {
        Instant now = Instant.parse("2026-01-05T02:00:00Z");
        HardshipStandard s = HardshipStandard.create(new HardshipStandard.Terms("440000000000", Basis.DISPOSABLE_INCOME_PCT,
                new BigDecimal("0.5"), new BigDecimal("62208"), new BigDecimal("50000"), true,
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), "粤府令第268号"), now);
        assertNotNull(s.id);
        assertEquals(new BigDecimal("2592.00"), s.monthlyThreshold);
        assertEquals("上年度城镇居民人均可支配收入的50%", s.describeBasis());
        assertEquals(now, s.createdAt);
        assertEquals(LocalDate.of(2027, 1, 1), s.effectiveTo);
    }
}
