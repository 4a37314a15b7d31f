package org.publiclegal.shared.security;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.security.AccessScope.Filter;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one access mechanism: residents see their own, staff their region subtree or their cases, else 404. */
class AccessScopeTest {

    private static final String COUNTY = "532932000000";
    private static final String TOWNSHIP = "532932101000";
    private static final String VILLAGE = "532932101001";
    private static final String OTHER_VILLAGE = "532932102001";

    private final UUID me = UUID.randomUUID();
    private final UUID org = UUID.randomUUID();

    private AccessScope resident() {
        return new AccessScope(me, Set.of(Roles.RESIDENT), null, null);
    }

    private AccessScope staff(String role, String region) {
        return new AccessScope(me, Set.of(role), org, region);
    }

    @Test
    void aResidentHasNoOrganisationAndAStaffMemberWhoIsAlsoAResidentActsAsStaff() {
        assertTrue(resident().isResident());
        assertFalse(new AccessScope(me, Set.of(Roles.RESIDENT, Roles.MEDIATOR), org, TOWNSHIP).isResident());
        assertFalse(staff(Roles.MEDIATOR, TOWNSHIP).isResident());
        assertTrue(staff(Roles.SYSTEM_ADMIN, null).isSystemAdmin());
        assertFalse(staff(Roles.BUREAU_ADMIN, COUNTY).isSystemAdmin());
    }

    @Test
    void aStaffScopeIsTheRegionPrefixAndTheAdministratorsIsEverything() {
        assertEquals("532932", staff(Roles.BUREAU_ADMIN, COUNTY).regionPrefix());
        assertEquals("532932101", staff(Roles.JUDICIAL_OFFICE, TOWNSHIP).regionPrefix());
        assertEquals("", staff(Roles.SYSTEM_ADMIN, null).regionPrefix());
        assertNull(staff(Roles.LAWYER, null).regionPrefix());
    }

    @Test
    void aScopeCoversItsSubtreeOnly() {
        AccessScope office = staff(Roles.JUDICIAL_OFFICE, TOWNSHIP);
        assertTrue(office.covers(VILLAGE));
        assertTrue(office.covers(TOWNSHIP));
        assertFalse(office.covers(OTHER_VILLAGE));
        assertFalse(office.covers(COUNTY), "the county is above the township");
        assertFalse(office.covers(null));
        assertFalse(staff(Roles.LAWYER, null).covers(VILLAGE), "no region, nothing covered");
        assertFalse(resident().covers(VILLAGE), "residents have no region scope");
        assertTrue(staff(Roles.SYSTEM_ADMIN, null).covers(VILLAGE));
    }

    @Test
    void aResidentSeesTheirOwnRecordsAndStaffTheirRegions() {
        UUID other = UUID.randomUUID();
        assertTrue(resident().canSee(me, OTHER_VILLAGE));
        assertFalse(resident().canSee(other, VILLAGE));
        assertTrue(staff(Roles.JUDICIAL_OFFICE, TOWNSHIP).canSee(other, VILLAGE));
        assertFalse(staff(Roles.JUDICIAL_OFFICE, TOWNSHIP).canSee(me, OTHER_VILLAGE));
    }

    @Test
    void anInvisibleOrMissingRecordIsNotFoundNeverForbidden() {
        String record = "r";
        assertSame(record, resident().requireVisible(record, me, VILLAGE, "居民", 1));
        assertThrows(NotFound.class, () -> resident().requireVisible(record, UUID.randomUUID(), VILLAGE, "居民", 1));
        assertThrows(NotFound.class, () -> resident().requireVisible(null, me, VILLAGE, "居民", 1));
    }

    @Test
    void theListFilterIsTheOwnerForResidentsAndAKeyRangeForStaff() {
        assertEquals(new Filter("p.accountId = :scopeOwner", Map.of("scopeOwner", me)), resident().filter("p.accountId", "p.regionCode"));
        assertEquals("1 = 0", resident().filter(null, "p.regionCode").predicate(), "residents own no rows of this kind");
        assertEquals(new Filter("p.regionCode >= :scopeLow and p.regionCode < :scopeHigh",
                        Map.of("scopeLow", "532932101", "scopeHigh", "532932101:")),
                staff(Roles.JUDICIAL_OFFICE, TOWNSHIP).filter("p.accountId", "p.regionCode"));
        assertEquals(new Filter("1 = 1", Map.of()), staff(Roles.SYSTEM_ADMIN, null).filter("p.accountId", "p.regionCode"));
        assertEquals(new Filter("1 = 0", Map.of()), staff(Roles.LAWYER, null).filter("p.accountId", "p.regionCode"));
    }

    @Test
    void aCaseIsSeenByItsApplicantItsOrganisationItsAssigneeAndTheOfficesAboveIt() {
        UUID applicant = UUID.randomUUID();
        UUID assignee = UUID.randomUUID();
        assertTrue(new AccessScope(applicant, Set.of(Roles.RESIDENT), null, null).canSeeCase(applicant, VILLAGE, org, assignee));
        assertFalse(resident().canSeeCase(applicant, VILLAGE, org, me), "a resident is never an assignee");
        assertTrue(staff(Roles.AID_OFFICER, COUNTY).canSeeCase(applicant, VILLAGE, org, assignee));
        assertTrue(staff(Roles.MEDIATOR, TOWNSHIP).canSeeCase(applicant, OTHER_VILLAGE, org, assignee));
        assertFalse(staff(Roles.AID_OFFICER, COUNTY).canSeeCase(applicant, VILLAGE, UUID.randomUUID(), assignee),
                "another centre in the same county");
        assertFalse(new AccessScope(me, Set.of(Roles.AID_OFFICER), null, COUNTY).canSeeCase(applicant, VILLAGE, null, assignee),
                "no organisation matches nothing");
        assertTrue(new AccessScope(assignee, Set.of(Roles.LAWYER), UUID.randomUUID(), null).canSeeCase(applicant, VILLAGE, org, assignee));
        assertTrue(new AccessScope(assignee, Set.of(Roles.MEDIATOR), UUID.randomUUID(), null).canSeeCase(applicant, VILLAGE, org, assignee));
        assertFalse(new AccessScope(assignee, Set.of(Roles.JUDICIAL_OFFICE), UUID.randomUUID(), OTHER_VILLAGE)
                .canSeeCase(applicant, VILLAGE, org, assignee), "an office is no assignee");
        assertFalse(staff(Roles.LAWYER, COUNTY).canSeeCase(applicant, VILLAGE, org, null), "a lawyer of the organisation who is not assigned");
        assertTrue(staff(Roles.JUDICIAL_OFFICE, TOWNSHIP).canSeeCase(applicant, VILLAGE, UUID.randomUUID(), null));
        assertTrue(staff(Roles.BUREAU_ADMIN, COUNTY).canSeeCase(applicant, VILLAGE, UUID.randomUUID(), null));
        assertFalse(staff(Roles.JUDICIAL_OFFICE, TOWNSHIP).canSeeCase(applicant, OTHER_VILLAGE, UUID.randomUUID(), null));
        assertTrue(staff(Roles.SYSTEM_ADMIN, null).canSeeCase(applicant, OTHER_VILLAGE, null, null));
    }

    @Test
    void aCaseOutsideTheScopeIsNotFound() {
        String record = "case";
        assertSame(record, staff(Roles.BUREAU_ADMIN, COUNTY).requireCase(record, null, VILLAGE, null, null, "案件", 1));
        assertThrows(NotFound.class, () -> staff(Roles.JUDICIAL_OFFICE, TOWNSHIP).requireCase(record, null, OTHER_VILLAGE, null, null, "案件", 1));
        assertThrows(NotFound.class, () -> staff(Roles.BUREAU_ADMIN, COUNTY).requireCase(null, null, VILLAGE, null, null, "案件", 1));
    }

    @Test
    void theCaseListFilterIsTheOrOfWhatEachRoleSees() {
        assertEquals(new Filter("a.applicantId = :scopeOwner", Map.of("scopeOwner", me)),
                resident().caseFilter("a.applicantId", "a.regionCode", "a.centreId", "a.lawyerId"));
        assertEquals(new Filter("1 = 1", Map.of()),
                staff(Roles.SYSTEM_ADMIN, null).caseFilter("a.applicantId", "a.regionCode", "a.centreId", "a.lawyerId"));
        assertEquals(new Filter("(a.centreId = :scopeOrg)", Map.of("scopeOrg", org)),
                staff(Roles.AID_OFFICER, COUNTY).caseFilter("a.applicantId", "a.regionCode", "a.centreId", "a.lawyerId"));
        assertEquals(new Filter("(a.lawyerId = :scopeAssignee)", Map.of("scopeAssignee", me)),
                staff(Roles.LAWYER, null).caseFilter("a.applicantId", "a.regionCode", "a.centreId", "a.lawyerId"));
        assertEquals(new Filter("1 = 0", Map.of()),
                staff(Roles.LAWYER, null).caseFilter("a.applicantId", "a.regionCode", "a.centreId", null), "no assignee column");
        assertEquals(new Filter("(a.committeeId = :scopeOrg or a.mediatorId = :scopeAssignee)", Map.of("scopeOrg", org, "scopeAssignee", me)),
                staff(Roles.MEDIATOR, TOWNSHIP).caseFilter("d.applicantId", "d.regionCode", "a.committeeId", "a.mediatorId"));
        assertEquals(new Filter("((d.regionCode >= :scopeLow and d.regionCode < :scopeHigh))",
                        Map.of("scopeLow", "532932", "scopeHigh", "532932:")),
                staff(Roles.BUREAU_ADMIN, COUNTY).caseFilter("d.applicantId", "d.regionCode", "d.committeeId", null));
        assertEquals(new Filter("((d.regionCode >= :scopeLow and d.regionCode < :scopeHigh))",
                        Map.of("scopeLow", "532932101", "scopeHigh", "532932101:")),
                staff(Roles.JUDICIAL_OFFICE, TOWNSHIP).caseFilter("d.applicantId", "d.regionCode", "d.committeeId", null));
        assertEquals(new Filter("1 = 0", Map.of()),
                new AccessScope(me, Set.of(Roles.AID_OFFICER), null, null).caseFilter("a.applicantId", "a.regionCode", "a.centreId", null),
                "an officer without an organisation sees nothing");
        assertEquals(new Filter("1 = 0", Map.of()),
                new AccessScope(me, Set.of(Roles.JUDICIAL_OFFICE), org, null).caseFilter("a.applicantId", "a.regionCode", "a.centreId", null),
                "an office without a region sees nothing");
    }
}
