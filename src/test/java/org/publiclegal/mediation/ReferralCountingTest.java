package org.publiclegal.mediation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 诉前委派调解 (before filing) and 委托调解 (after filing) are counted under separate kinds (issue 12). */
class ReferralCountingTest {

    @ParameterizedTest(name = "{0} counts as {1}")
    @CsvSource({
            "DELEGATED, MEDIATION_COURT_REFERRAL_RECEIVED",
            "ENTRUSTED_ORDINARY, MEDIATION_COURT_ENTRUSTMENT_RECEIVED",
            "ENTRUSTED_SIMPLIFIED, MEDIATION_COURT_ENTRUSTMENT_RECEIVED"})
    void delegatedBeforeFilingIsSeparateFromEntrustedAfterFiling(Dispute.ReferralType type, String kind) {
        assertEquals(kind, MediationEvents.referralKind(type));
    }
}
