package org.publiclegal.mediation.subsidy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 以案奖补 rule is in force on [effectiveFrom, effectiveTo). */
class SubsidyRuleTest {

    private static SubsidyRule rule(LocalDate from, LocalDate to) {
        return SubsidyRule.create(new SubsidyRule.Terms("532932000000", SubsidyTier.ORDINARY, 20_000, true, false,
                from, to, "鹤庆县以案定补办法"), UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aRuleIsInForceFromItsFirstDayUntilTheDayBeforeItsEnd() {
        SubsidyRule r = rule(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
        assertTrue(r.inForceOn(LocalDate.of(2026, 1, 1)), "the first day counts");
        assertFalse(r.inForceOn(LocalDate.of(2025, 12, 31)), "the day before does not");
        assertTrue(r.inForceOn(LocalDate.of(2026, 12, 31)), "the last day counts");
        assertFalse(r.inForceOn(LocalDate.of(2027, 1, 1)), "effectiveTo is the first day no longer in force");
    }

    @Test
    void anOpenEndedRuleStaysInForce() {
        SubsidyRule r = rule(LocalDate.of(2026, 1, 1), null);
        assertTrue(r.inForceOn(LocalDate.of(2099, 12, 31)));
        assertFalse(r.inForceOn(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void aNewRuleKeepsItsTerms() {
        UUID by = UUID.randomUUID();
        SubsidyRule r = SubsidyRule.create(new SubsidyRule.Terms("532932101000", SubsidyTier.MAJOR, 80_000, false, true,
                LocalDate.of(2026, 1, 1), null, "云鹤镇奖补办法"), by, Instant.EPOCH);
        assertEquals(by, r.createdBy);
        assertEquals(80_000, r.amountFen);
        assertTrue(r.needsPerformance);
        assertFalse(r.needsWrittenAgreement);
    }
}
