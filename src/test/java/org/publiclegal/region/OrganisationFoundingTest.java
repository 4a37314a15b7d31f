package org.publiclegal.region;

import org.junit.jupiter.api.Test;
import org.publiclegal.region.OrganisationType.CommitteeKind;
import org.publiclegal.shared.domain.DomainException;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 成立日期: an organisation is on the register from its founding day, between 2000-01-01 and today; boundaries named. */
class OrganisationFoundingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Organisation committee() {
        return Organisation.create(OrganisationType.MEDIATION_COMMITTEE, CommitteeKind.VILLAGE, "城关村人民调解委员会",
                "532932101001", null, null, Instant.parse("2026-12-02T02:00:00Z"));
    }

    @Test
    void withoutAFoundingDayItIsOnTheRegisterFromTheDayItIsEntered() {
        assertEquals(TODAY, committee().validFrom);
    }

    @Test
    void theFirstDayOf2000IsTheEarliestFoundingDay() {
        assertNull(Organisation.foundingProblem(LocalDate.of(2000, 1, 1), TODAY));
        assertEquals("成立日期不能早于 2000-01-01", Organisation.foundingProblem(LocalDate.of(1999, 12, 31), TODAY));
    }

    @Test
    void todayIsTheLatestFoundingDay() {
        assertNull(Organisation.foundingProblem(TODAY, TODAY));
        assertEquals("成立日期不能晚于今天（2026-12-02）", Organisation.foundingProblem(TODAY.plusDays(1), TODAY));
    }

    @Test
    void aFoundingDayPutsItOnTheRegisterFromThatDay() {
        Organisation o = committee();
        o.foundedOn(LocalDate.of(2025, 12, 2), TODAY);
        assertEquals(LocalDate.of(2025, 12, 2), o.validFrom);
    }

    @Test
    void aFoundingDayOutOfBoundsIsRefusedOnValidFromAndChangesNothing() {
        Organisation o = committee();
        DomainException e = assertThrows(DomainException.class, () -> o.foundedOn(TODAY.plusDays(1), TODAY));
        assertEquals("validFrom", e.errors().get(0).field());
        assertEquals(TODAY, o.validFrom);
    }
}
