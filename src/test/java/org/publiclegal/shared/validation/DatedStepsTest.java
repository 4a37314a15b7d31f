package org.publiclegal.shared.validation;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.publiclegal.shared.validation.DatedSteps.step;

/** 历史记录的日期顺序: bounds (the earliest day, today) and order, with their edges named. */
class DatedStepsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void equalNeighboursAndTheBoundsThemselvesAreFine() {
        assertEquals(List.of(), DatedSteps.problems(List.of(step("a", "受理日期", DateBounds.EARLIEST),
                step("b", "结案日期", DateBounds.EARLIEST), step("c", "裁定日期", TODAY)), TODAY));
    }

    @Test
    void aDayBeforeTheEarliestIsRefused() {
        List<DatedSteps.Problem> p = DatedSteps.problems(List.of(step("a", "受理日期", DateBounds.EARLIEST.minusDays(1))), TODAY);
        assertEquals(1, p.size());
        assertEquals("a", p.get(0).field());
        assertEquals("受理日期不能早于 " + DateBounds.EARLIEST, p.get(0).message());
    }

    @Test
    void tomorrowIsRefused() {
        List<DatedSteps.Problem> p = DatedSteps.problems(List.of(step("a", "受理日期", TODAY.plusDays(1))), TODAY);
        assertEquals(List.of(new DatedSteps.Problem("a", "受理日期", "受理日期不能晚于今天（2026-12-02）")), p);
    }

    @Test
    void aStepOneDayBeforeTheStepBeforeItIsRefusedAndTheNextIsComparedWithTheLastGoodOne() {
        List<DatedSteps.Problem> p = DatedSteps.problems(List.of(step("a", "受理日期", LocalDate.of(2026, 3, 5)),
                step("b", "结案日期", LocalDate.of(2026, 3, 4)), step("c", "裁定日期", LocalDate.of(2026, 3, 4))), TODAY);
        assertEquals(List.of(
                new DatedSteps.Problem("b", "结案日期", "结案日期（2026-03-04）不能早于受理日期（2026-03-05）"),
                new DatedSteps.Problem("c", "裁定日期", "裁定日期（2026-03-04）不能早于受理日期（2026-03-05）")), p);
    }

    @Test
    void anEmptyStepIsSkippedAndTheNextIsComparedWithTheOneBeforeIt() {
        List<DatedSteps.Problem> p = DatedSteps.problems(List.of(step("a", "受理日期", LocalDate.of(2026, 3, 5)),
                step("b", "申请日期", null), step("c", "裁定日期", LocalDate.of(2026, 3, 4))), TODAY);
        assertEquals(1, p.size());
        assertEquals("c", p.get(0).field());
    }

    @Test
    void anOutOfBoundsStepDoesNotBecomeTheStepLaterOnesAreComparedWith() {
        List<DatedSteps.Problem> p = DatedSteps.problems(List.of(step("a", "受理日期", LocalDate.of(2026, 3, 5)),
                step("b", "结案日期", TODAY.plusDays(3)), step("c", "裁定日期", TODAY)), TODAY);
        assertEquals(1, p.size());
        assertEquals("b", p.get(0).field());
    }

    @Test
    void requireThrowsTheFirstProblemNamingItsFieldAndPassesWhenThereIsNone() {
        DomainException e = assertThrows(DomainException.class, () -> DatedSteps.require(List.of(
                step("receivedOn", "受理日期", TODAY.plusDays(1)), step("closedOn", "结案日期", TODAY.plusDays(2))), TODAY));
        assertEquals("receivedOn", e.errors().get(0).field());
        assertEquals(1, e.errors().size());
        assertDoesNotThrow(() -> DatedSteps.require(List.of(step("receivedOn", "受理日期", TODAY)), TODAY));
    }
}
