package org.publiclegal.advisory;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees and manages what in the advisor module: county administration, records and contracts. */
class AdvisoryAccessTest {

    private static final String COUNTY = "532932000000";
    private static final String TOWNSHIP_A = "532932100000";
    private static final String VILLAGE_A1 = "532932100201";
    private static final String VILLAGE_B1 = "532932102201";
    private static final UUID ADVISOR = UUID.randomUUID();

    private static AccessScope staff(String role, String region) {
        return new AccessScope(UUID.randomUUID(), Set.of(role), UUID.randomUUID(), region);
    }

    private static AccessScope advisor() {
        return new AccessScope(ADVISOR, Set.of(Roles.LAWYER), UUID.randomUUID(), COUNTY);
    }

    private static Advisor advisorIn(String region) {
        Advisor a = new Advisor();
        a.accountId = ADVISOR;
        a.regionCode = region;
        return a;
    }

    @Test
    void theCountyIsTheFirstSixDigitsAndAShortOrMissingCodeHasNone() {
        assertEquals("532932", AdvisoryAccess.countyPrefix(VILLAGE_A1));
        assertEquals("532932", AdvisoryAccess.countyPrefix("532932"));
        assertEquals("", AdvisoryAccess.countyPrefix("53293"));
        assertEquals("", AdvisoryAccess.countyPrefix(null));
    }

    @Test
    void aTownshipOfficeAdministersItsWholeCountyButNotTheNextOne() {
        assertTrue(AdvisoryAccess.administersCounty(staff(Roles.JUDICIAL_OFFICE, TOWNSHIP_A), "532932102000"));
        assertTrue(AdvisoryAccess.administersCounty(staff(Roles.BUREAU_ADMIN, COUNTY), VILLAGE_A1));
        assertFalse(AdvisoryAccess.administersCounty(staff(Roles.BUREAU_ADMIN, COUNTY), "532933100201"));
        assertTrue(AdvisoryAccess.administersCounty(staff(Roles.SYSTEM_ADMIN, null), "110101000000"));
    }

    @Test
    void aMediatorOrAnOfficeWithoutARegionAdministersNothing() {
        assertFalse(AdvisoryAccess.administersCounty(staff(Roles.MEDIATOR, COUNTY), VILLAGE_A1));
        assertFalse(AdvisoryAccess.administersCounty(staff(Roles.JUDICIAL_OFFICE, null), VILLAGE_A1));
    }

    @Test
    void theAdvisorOrTheCountysOfficeMayManageTheAdvisorAndAnotherLawyerMayNot() {
        AdvisoryAccess.requireAdvisorOrAdministrator(advisor(), advisorIn(COUNTY));
        AdvisoryAccess.requireAdvisorOrAdministrator(staff(Roles.JUDICIAL_OFFICE, TOWNSHIP_A), advisorIn(COUNTY));
        DomainException e = assertThrows(DomainException.class,
                () -> AdvisoryAccess.requireAdvisorOrAdministrator(staff(Roles.LAWYER, COUNTY), advisorIn(COUNTY)));
        assertEquals(org.publiclegal.shared.problem.ErrorCode.FORBIDDEN, e.code());
    }

    @Test
    void aTownshipOfficeSeesAContractSignedByTheBureauOnlyThroughOneOfItsVillages() {
        AccessScope office = staff(Roles.JUDICIAL_OFFICE, TOWNSHIP_A);
        assertTrue(AdvisoryAccess.canSeeContract(office, ADVISOR, COUNTY, List.of(VILLAGE_B1, VILLAGE_A1)));
        assertFalse(AdvisoryAccess.canSeeContract(office, ADVISOR, COUNTY, List.of(VILLAGE_B1)));
        assertTrue(AdvisoryAccess.canSeeContract(office, ADVISOR, TOWNSHIP_A, List.of()));
    }

    @Test
    void theContractedAdvisorSeesTheContractAndAnotherLawyerOrAResidentDoesNot() {
        assertTrue(AdvisoryAccess.canSeeContract(advisor(), ADVISOR, COUNTY, List.of(VILLAGE_A1)));
        assertFalse(AdvisoryAccess.canSeeContract(staff(Roles.LAWYER, COUNTY), ADVISOR, COUNTY, List.of(VILLAGE_A1)));
        AccessScope resident = new AccessScope(UUID.randomUUID(), Set.of(Roles.RESIDENT), null, null);
        assertFalse(AdvisoryAccess.canSeeContract(resident, ADVISOR, COUNTY, List.of(VILLAGE_A1)));
    }

    @Test
    void theContractFilterOfAnOfficeMatchesTheSigningRegionOrOneOfItsVillagesInItsRange() {
        AccessScope office = staff(Roles.JUDICIAL_OFFICE, TOWNSHIP_A);
        AccessScope.Filter f = AdvisoryAccess.contractFilter(office);
        assertEquals("(c.advisorId = :scopeSelf or (c.regionCode >= :scopeLow and c.regionCode < :scopeHigh) or exists "
                + "(select 1 from ContractVillage cv where cv.contractId = c.id and cv.villageCode >= :scopeLow and "
                + "cv.villageCode < :scopeHigh))", f.predicate());
        assertEquals(Map.of("scopeSelf", office.accountId(), "scopeLow", "532932100", "scopeHigh", "532932100:"),
                f.parameters());
    }

    @Test
    void theContractFilterOfALawyerIsTheirOwnAndOfTheAdministratorEverything() {
        AccessScope lawyer = advisor();
        assertEquals(new AccessScope.Filter("c.advisorId = :scopeSelf", Map.of("scopeSelf", ADVISOR)),
                AdvisoryAccess.contractFilter(lawyer));
        assertEquals(new AccessScope.Filter("1 = 1", Map.of()),
                AdvisoryAccess.contractFilter(staff(Roles.SYSTEM_ADMIN, null)));
    }
}
