package org.publiclegal.mediation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which mediation statuses are still with the committee (queues, time limits) and what the ended ones allow. */
class MediationStatusTest {

    @ParameterizedTest
    @EnumSource(value = MediationStatus.class, names = {"SUBMITTED", "ACCEPTED", "IN_MEDIATION", "AGREEMENT_PENDING"})
    void aCaseBeforeItsOutcomeIsOpen(MediationStatus status) {
        assertTrue(status.isOpen());
        assertTrue(MediationStatus.OPEN.contains(status));
    }

    @ParameterizedTest
    @EnumSource(value = MediationStatus.class, names = {"SUCCEEDED", "FAILED", "NOT_ACCEPTED", "REFUSED_BY_PARTY", "WITHDRAWN"})
    void aCaseWithAnOutcomeIsNotOpen(MediationStatus status) {
        assertFalse(status.isOpen());
        assertFalse(MediationStatus.OPEN.contains(status));
        assertTrue(Dispute.CLOSED.contains(status));
    }

    @Test
    void anEndedCaseAllowsOnlyArchivingAndASuccessfulOneKeepsItsFollowUps() {
        for (MediationStatus s : List.of(MediationStatus.FAILED, MediationStatus.NOT_ACCEPTED,
                MediationStatus.REFUSED_BY_PARTY, MediationStatus.WITHDRAWN)) {
            // since issue 13 an ended case can still be archived (归档), and nothing else
            assertEquals(List.of("archive"), s.actions(), s.name());
        }
        assertEquals(List.of("judicial-confirmation", "after-rejection", "follow-up", "message", "archive"),
                MediationStatus.SUCCEEDED.actions());
    }

    @Test
    void onlyAPendingAgreementCanBeSealedAndWithdrawingEndsBeforeTheAgreement() {
        for (MediationStatus s : MediationStatus.values()) {
            assertEquals(s == MediationStatus.AGREEMENT_PENDING, s.actions().contains("seal-agreement"), s.name());
            assertEquals(s == MediationStatus.SUBMITTED || s == MediationStatus.ACCEPTED || s == MediationStatus.IN_MEDIATION,
                    s.actions().contains("withdraw"), s.name());
        }
    }
}
