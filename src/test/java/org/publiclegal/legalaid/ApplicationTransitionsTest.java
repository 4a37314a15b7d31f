package org.publiclegal.legalaid;

import org.junit.jupiter.api.Test;
import org.publiclegal.legalaid.ApplicationTransitions.Capacity;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who handles an application (not only watches it) and who may act in which capacity (else 403). */
class ApplicationTransitionsTest {

    private static final String COUNTY = "532932000000";
    private static final String OTHER_COUNTY = "532931000000";

    private final UUID applicant = UUID.randomUUID();
    private final UUID centre = UUID.randomUUID();
    private final UUID lawyer = UUID.randomUUID();
    private final LegalAidApplication a = application();

    private LegalAidApplication application() {
        LegalAidApplication app = new LegalAidApplication();
        app.id = UUID.randomUUID();
        app.applicantId = applicant;
        app.centreId = centre;
        app.lawyerId = lawyer;
        app.regionCode = "532932101001";
        app.status = ApplicationStatus.IN_PROGRESS;
        return app;
    }

    private static AccessScope resident(UUID id) {
        return new AccessScope(id, Set.of(Roles.RESIDENT), null, null);
    }

    private static AccessScope staff(UUID id, String role, UUID org, String region) {
        return new AccessScope(id, Set.of(role), org, region);
    }

    @Test
    void theApplicantTheCentreTheLawyerTheCountyBureauAndTheAdministratorHandleTheCase() {
        assertTrue(ApplicationTransitions.handles(a, resident(applicant)));
        assertTrue(ApplicationTransitions.handles(a, staff(UUID.randomUUID(), Roles.AID_OFFICER, centre, COUNTY)));
        assertTrue(ApplicationTransitions.handles(a, staff(lawyer, Roles.LAWYER, UUID.randomUUID(), COUNTY)));
        assertTrue(ApplicationTransitions.handles(a, staff(UUID.randomUUID(), Roles.BUREAU_ADMIN, UUID.randomUUID(), COUNTY)));
        assertTrue(ApplicationTransitions.handles(a, staff(UUID.randomUUID(), Roles.SYSTEM_ADMIN, null, null)));
    }

    @Test
    void anotherResidentAnotherCentreAnotherLawyerAnotherCountyAndTheTownshipOfficeOnlyWatch() {
        assertFalse(ApplicationTransitions.handles(a, resident(UUID.randomUUID())));
        assertFalse(ApplicationTransitions.handles(a, staff(UUID.randomUUID(), Roles.AID_OFFICER, UUID.randomUUID(), COUNTY)));
        assertFalse(ApplicationTransitions.handles(a, staff(UUID.randomUUID(), Roles.LAWYER, centre, COUNTY)));
        assertFalse(ApplicationTransitions.handles(a, staff(UUID.randomUUID(), Roles.BUREAU_ADMIN, UUID.randomUUID(), OTHER_COUNTY)));
        assertFalse(ApplicationTransitions.handles(a, staff(UUID.randomUUID(), Roles.JUDICIAL_OFFICE, UUID.randomUUID(), COUNTY)));
        // the right organisation or person but the wrong role
        assertFalse(ApplicationTransitions.handles(a, staff(UUID.randomUUID(), Roles.MEDIATOR, centre, COUNTY)));
        assertFalse(ApplicationTransitions.handles(a, staff(lawyer, Roles.MEDIATOR, UUID.randomUUID(), COUNTY)));
        assertFalse(ApplicationTransitions.handles(a, staff(applicant, Roles.JUDICIAL_OFFICE, UUID.randomUUID(), OTHER_COUNTY)));
    }

    @Test
    void eachCapacityIsTakenOnlyByItsOwnPerson() {
        assertDoesNotThrow(() -> ApplicationTransitions.requireCapacity(a, resident(applicant), Capacity.APPLICANT));
        assertDoesNotThrow(() -> ApplicationTransitions.requireCapacity(a,
                staff(UUID.randomUUID(), Roles.AID_OFFICER, centre, COUNTY), Capacity.CENTRE));
        assertDoesNotThrow(() -> ApplicationTransitions.requireCapacity(a,
                staff(lawyer, Roles.LAWYER, UUID.randomUUID(), COUNTY), Capacity.LAWYER));
        assertDoesNotThrow(() -> ApplicationTransitions.requireCapacity(a,
                staff(UUID.randomUUID(), Roles.BUREAU_ADMIN, UUID.randomUUID(), COUNTY), Capacity.BUREAU));
    }

    @Test
    void actingInAnotherCapacityIsForbiddenWithTheReason() {
        forbidden(resident(UUID.randomUUID()), Capacity.APPLICANT, "只有申请人本人可以办理此事项");
        forbidden(staff(applicant, Roles.AID_OFFICER, centre, COUNTY), Capacity.APPLICANT, "只有申请人本人可以办理此事项");
        forbidden(staff(UUID.randomUUID(), Roles.AID_OFFICER, UUID.randomUUID(), COUNTY), Capacity.CENTRE,
                "只有受理本申请的法律援助中心工作人员可以办理此事项");
        forbidden(staff(UUID.randomUUID(), Roles.MEDIATOR, centre, COUNTY), Capacity.CENTRE,
                "只有受理本申请的法律援助中心工作人员可以办理此事项");
        forbidden(staff(UUID.randomUUID(), Roles.LAWYER, centre, COUNTY), Capacity.LAWYER, "只有本案承办律师可以办理此事项");
        forbidden(staff(lawyer, Roles.AID_OFFICER, centre, COUNTY), Capacity.LAWYER, "只有本案承办律师可以办理此事项");
        forbidden(staff(UUID.randomUUID(), Roles.BUREAU_ADMIN, UUID.randomUUID(), OTHER_COUNTY), Capacity.BUREAU,
                "只有设立该法律援助机构的司法局可以审查异议");
        forbidden(staff(UUID.randomUUID(), Roles.JUDICIAL_OFFICE, UUID.randomUUID(), COUNTY), Capacity.BUREAU,
                "只有设立该法律援助机构的司法局可以审查异议");
    }

    @Test
    void eachCapacityActsInItsOwnRole() {
        assertEquals(Roles.RESIDENT, Capacity.APPLICANT.role);
        assertEquals(Roles.AID_OFFICER, Capacity.CENTRE.role);
        assertEquals(Roles.LAWYER, Capacity.LAWYER.role);
        assertEquals(Roles.BUREAU_ADMIN, Capacity.BUREAU.role);
    }

    private void forbidden(AccessScope scope, Capacity capacity, String reason) {
        DomainException e = assertThrows(DomainException.class,
                () -> ApplicationTransitions.requireCapacity(a, scope, capacity), capacity + " " + scope);
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertEquals(reason, e.getMessage());
    }
}
