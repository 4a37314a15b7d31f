package org.publiclegal.legalaid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.legalaid.ApplicationStatus.*;

/** Which statuses sit in the staff queues (and can be overdue), and what each status allows. */
class ApplicationStatusTest {

    /** Still waiting on the centre, the lawyer or the bureau. */
    private static final Set<ApplicationStatus> WAITING = EnumSet.of(SUBMITTED, UNDER_REVIEW, MATERIALS_REQUESTED,
            GRANTED, ASSIGNED, IN_PROGRESS, OBJECTION_FILED);

    @ParameterizedTest
    @EnumSource(value = ApplicationStatus.class, names = {"SUBMITTED", "UNDER_REVIEW", "MATERIALS_REQUESTED", "GRANTED",
            "ASSIGNED", "IN_PROGRESS", "OBJECTION_FILED"})
    void aStatusWaitingOnStaffIsOpen(ApplicationStatus status) {
        assertTrue(status.isOpen());
        assertTrue(ApplicationStatus.OPEN.contains(status));
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationStatus.class, names = {"DRAFT", "REFUSED", "CLOSED", "TERMINATED", "WITHDRAWN",
            "DEEMED_WITHDRAWN"})
    void aDraftAndEveryFinishedStatusAreNotOpen(ApplicationStatus status) {
        assertFalse(status.isOpen());
        assertFalse(ApplicationStatus.OPEN.contains(status));
    }

    @Test
    void theOpenListIsExactlyTheWaitingStatusesInDeclarationOrder() {
        assertEquals(List.copyOf(WAITING), ApplicationStatus.OPEN);
    }

    @Test
    void theEndStatesAllowNothingAndARefusalOrTerminationOnlyAnObjection() {
        assertEquals(List.of(), WITHDRAWN.actions());
        assertEquals(List.of(), DEEMED_WITHDRAWN.actions());
        assertEquals(List.of("object"), REFUSED.actions());
        assertEquals(List.of("object"), TERMINATED.actions());
        assertEquals(List.of("rate"), CLOSED.actions());
        assertEquals(List.of("decide-objection"), OBJECTION_FILED.actions());
        assertEquals(List.of("upload-material", "submit", "withdraw"), DRAFT.actions());
    }

    @Test
    void provisionalAidIsPossibleOnlyBeforeTheDecision() {
        for (ApplicationStatus s : values()) {
            assertEquals(EnumSet.of(SUBMITTED, UNDER_REVIEW, MATERIALS_REQUESTED).contains(s),
                    s.actions().contains("assign-provisionally"), s.name());
        }
    }
}
