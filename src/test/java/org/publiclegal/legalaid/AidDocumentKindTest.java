package org.publiclegal.legalaid;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.documents.DocumentKind;
import org.publiclegal.shared.domain.DomainException;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which decision a case prints: the one that stands. */
class AidDocumentKindTest {

    private static LegalAidApplication decided(ApplicationStatus status, ApplicationStatus beforeObjection) {
        LegalAidApplication a = new LegalAidApplication();
        a.decidedAt = Instant.parse("2026-11-26T03:00:00Z");
        a.status = status;
        a.statusBeforeObjection = beforeObjection;
        return a;
    }

    @Test
    void aGrantedCaseAtAnyLaterStepPrintsTheGrant() {
        for (ApplicationStatus s : new ApplicationStatus[]{ApplicationStatus.GRANTED, ApplicationStatus.ASSIGNED,
                ApplicationStatus.IN_PROGRESS, ApplicationStatus.CLOSED, ApplicationStatus.TERMINATED}) {
            assertEquals(DocumentKind.AID_GRANT, AidDocuments.kind(decided(s, null), AidDocuments.Type.DECISION), s.name());
        }
        assertEquals(DocumentKind.AID_GRANT, AidDocuments.kind(decided(ApplicationStatus.OBJECTION_FILED,
                ApplicationStatus.TERMINATED), AidDocuments.Type.DECISION));
    }

    @Test
    void aRefusalStaysARefusalWhileObjectedTo() {
        assertEquals(DocumentKind.AID_REFUSAL, AidDocuments.kind(decided(ApplicationStatus.REFUSED, null),
                AidDocuments.Type.DECISION));
        assertEquals(DocumentKind.AID_REFUSAL, AidDocuments.kind(decided(ApplicationStatus.OBJECTION_FILED,
                ApplicationStatus.REFUSED), AidDocuments.Type.DECISION));
    }

    @Test
    void noDecisionStandsWhenUndecidedOrBackUnderReview() {
        LegalAidApplication undecided = decided(ApplicationStatus.UNDER_REVIEW, null);
        assertThrows(DomainException.class, () -> AidDocuments.kind(undecided, AidDocuments.Type.DECISION));
        undecided.decidedAt = null;
        undecided.status = ApplicationStatus.GRANTED;
        assertThrows(DomainException.class, () -> AidDocuments.kind(undecided, AidDocuments.Type.DECISION));
    }

    @Test
    void noticesNeedTheirRequestOrAssignment() {
        LegalAidApplication a = decided(ApplicationStatus.GRANTED, null);
        assertThrows(DomainException.class, () -> AidDocuments.kind(a, AidDocuments.Type.MATERIALS));
        assertThrows(DomainException.class, () -> AidDocuments.kind(a, AidDocuments.Type.ASSIGNMENT));
        a.materialsRequested = true;
        a.missingItems = " ";
        assertThrows(DomainException.class, () -> AidDocuments.kind(a, AidDocuments.Type.MATERIALS));
        a.missingItems = "身份证复印件";
        assertEquals(DocumentKind.AID_MATERIALS, AidDocuments.kind(a, AidDocuments.Type.MATERIALS));
        a.lawyerId = UUID.randomUUID();
        assertThrows(DomainException.class, () -> AidDocuments.kind(a, AidDocuments.Type.ASSIGNMENT));
        a.assignedAt = Instant.now();
        assertEquals(DocumentKind.AID_ASSIGNMENT, AidDocuments.kind(a, AidDocuments.Type.ASSIGNMENT));
    }
}
