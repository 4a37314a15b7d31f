package org.publiclegal.education;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who writes, reviews and sees a column's episodes, beside the four-eyes rule of {@link Episode}. */
class EpisodeAccessTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final UUID BUREAU = UUID.randomUUID();
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final VideoColumn COLUMN = VideoColumn.create("律师普法", null, BUREAU, "532932000000", AUTHOR, NOW);

    private static AccessScope staff(String role, UUID organisation, String region) {
        return new AccessScope(UUID.randomUUID(), Set.of(role), organisation, region);
    }

    private static Episode episode() {
        return Episode.draft(COLUMN.id, EpisodeTest.content("签订劳动合同要注意什么"), AUTHOR, NOW);
    }

    @Test
    void anAidOfficerOfTheColumnsOrganisationWritesButAResidentNever() {
        assertTrue(EpisodeAccess.canAuthor(staff(Roles.AID_OFFICER, BUREAU, "532932000000"), COLUMN));
        assertFalse(EpisodeAccess.canAuthor(staff(Roles.AID_OFFICER, UUID.randomUUID(), "532932000000"), COLUMN),
                "an aid officer of another organisation is not a lawyer of the region");
        assertFalse(EpisodeAccess.canAuthor(new AccessScope(UUID.randomUUID(), Set.of(Roles.RESIDENT), null, null), COLUMN));
    }

    @Test
    void draftsAreSeenByTheirAuthorTheColumnsOrganisationAndOfficesCoveringTheRegionOnly() {
        Episode e = episode();
        assertTrue(EpisodeAccess.canSee(new AccessScope(AUTHOR, Set.of(Roles.LAWYER), UUID.randomUUID(), "532932000000"), e, COLUMN));
        assertTrue(EpisodeAccess.canSee(staff(Roles.LAWYER, BUREAU, "532932000000"), e, COLUMN));
        assertTrue(EpisodeAccess.canSee(staff(Roles.JUDICIAL_OFFICE, UUID.randomUUID(), "532932000000"), e, COLUMN));
        assertTrue(EpisodeAccess.canSee(staff(Roles.SYSTEM_ADMIN, UUID.randomUUID(), "530000000000"), e, COLUMN));
        assertFalse(EpisodeAccess.canSee(staff(Roles.JUDICIAL_OFFICE, UUID.randomUUID(), "532931000000"), e, COLUMN),
                "an office of another county");
        assertFalse(EpisodeAccess.canSee(staff(Roles.LAWYER, UUID.randomUUID(), "532932000000"), e, COLUMN),
                "a county lawyer who did not write it");
        assertFalse(EpisodeAccess.canSee(new AccessScope(AUTHOR, Set.of(Roles.RESIDENT), null, null), e, COLUMN),
                "a resident never sees drafts, even with the author's id");
    }

    @Test
    void aSubmitterWhoIsNotTheAuthorSeesTheEpisodeToo() {
        Episode e = episode();
        UUID colleague = UUID.randomUUID();
        e.submit(colleague, NOW);
        assertTrue(EpisodeAccess.canSee(new AccessScope(colleague, Set.of(Roles.LAWYER), UUID.randomUUID(), "532932000000"), e, COLUMN));
    }

    @Test
    void theListFilterIsNothingForResidentsEverythingForTheAdministrator() {
        assertEquals("1 = 0", EpisodeAccess.filter(new AccessScope(AUTHOR, Set.of(Roles.RESIDENT), null, null)).predicate());
        assertEquals("1 = 1", EpisodeAccess.filter(staff(Roles.SYSTEM_ADMIN, BUREAU, "530000000000")).predicate());
    }

    @Test
    void theListFilterOfALawyerIsOwnWorkAndOwnOrganisationWithoutARegionRange() {
        AccessScope lawyer = staff(Roles.LAWYER, BUREAU, "532932000000");
        AccessScope.Filter f = EpisodeAccess.filter(lawyer);
        assertEquals("(e.authorId = :me or e.submittedBy = :me or e.columnId in "
                + "(select c.id from VideoColumn c where c.organisationId = :org))", f.predicate());
        assertEquals(lawyer.accountId(), f.parameters().get("me"));
        assertEquals(BUREAU, f.parameters().get("org"));
        assertFalse(f.parameters().containsKey("scopeLow"));
    }

    @Test
    void theListFilterOfATownshipOfficeAddsItsRegionRange() {
        AccessScope.Filter f = EpisodeAccess.filter(staff(Roles.JUDICIAL_OFFICE, UUID.randomUUID(), "532932101000"));
        assertTrue(f.predicate().endsWith(" or (e.regionCode >= :scopeLow and e.regionCode < :scopeHigh))"), f.predicate());
        assertEquals("532932101", f.parameters().get("scopeLow"));
        assertEquals("532932101:", f.parameters().get("scopeHigh"));
    }

    @Test
    void aStaffAccountWithoutOrganisationFiltersOnItsOwnWorkOnly() {
        AccessScope.Filter f = EpisodeAccess.filter(staff(Roles.LAWYER, null, null));
        assertEquals("(e.authorId = :me or e.submittedBy = :me)", f.predicate());
    }
}
