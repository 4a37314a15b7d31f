package org.publiclegal.advisory.booking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.publiclegal.advisory.ServiceMode;
import org.publiclegal.advisory.booking.SlotCalculator.Change;
import org.publiclegal.advisory.booking.SlotCalculator.Rule;
import org.publiclegal.advisory.booking.SlotCalculator.Slot;
import org.publiclegal.advisory.booking.SlotCalculator.Taken;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.publiclegal.advisory.booking.SlotCalculator.CHINA;

/** Slot computation in China time: weekly rules, leave, extra sessions, taken slots, window and midnight edges. */
class SlotCalculatorTest {

    /** Monday 2026-03-02 … Sunday 2026-03-08. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate SUNDAY = MONDAY.plusDays(6);
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    private static final String VILLAGE = "532932101201";

    private static Rule rule(DayOfWeek day, String from, String to, ServiceMode mode, int minutes) {
        return new Rule(day, LocalTime.parse(from), LocalTime.parse(to), mode,
                mode == ServiceMode.ON_SITE ? VILLAGE : null, minutes, LocalDate.of(2026, 1, 1), null);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    private static List<String> starts(List<Slot> slots) {
        return slots.stream().map(s -> LocalDateTime.ofInstant(s.start(), CHINA).toString()).toList();
    }

    @Test
    void aWeekOfTwoRulesGivesEverySlotThatFitsInEachRule() {
        List<Slot> slots = SlotCalculator.freeSlots(List.of(
                        rule(DayOfWeek.MONDAY, "09:00", "11:00", ServiceMode.ON_SITE, 30),
                        rule(DayOfWeek.THURSDAY, "14:00", "15:00", ServiceMode.PHONE, 20)),
                List.of(), List.of(), MONDAY, SUNDAY, LONG_AGO, null);
        assertEquals(List.of(
                "2026-03-02T09:00", "2026-03-02T09:30", "2026-03-02T10:00", "2026-03-02T10:30",
                "2026-03-05T14:00", "2026-03-05T14:20", "2026-03-05T14:40"), starts(slots));
        assertEquals(VILLAGE, slots.get(0).villageCode());
        assertEquals(at("2026-03-02T09:30"), slots.get(0).end());
    }

    @Test
    void aSlotThatDoesNotFitBeforeTheRulesEndIsNotOffered() {
        List<Slot> slots = SlotCalculator.freeSlots(List.of(rule(DayOfWeek.MONDAY, "09:00", "11:30", ServiceMode.VIDEO, 60)),
                List.of(), List.of(), MONDAY, MONDAY, LONG_AGO, null);
        assertEquals(List.of("2026-03-02T09:00", "2026-03-02T10:00"), starts(slots));
    }

    @Test
    void leaveRemovesTheSlotsItOverlapsEvenPartly() {
        List<Slot> slots = SlotCalculator.freeSlots(List.of(rule(DayOfWeek.MONDAY, "09:00", "12:00", ServiceMode.ON_SITE, 60)),
                List.of(new Change(true, at("2026-03-02T09:30"), at("2026-03-02T11:00"), null, null, null)),
                List.of(), MONDAY, SUNDAY, LONG_AGO, null);
        assertEquals(List.of("2026-03-02T11:00"), starts(slots));
    }

    @Test
    void anExtraSessionAcrossMidnightOffersSlotsStartingInsideTheWindowOnly() {
        Change evening = new Change(false, at("2026-03-02T22:00"), at("2026-03-03T01:00"), ServiceMode.PHONE, null, 60);
        List<Slot> mondayOnly = SlotCalculator.freeSlots(List.of(), List.of(evening), List.of(), MONDAY, MONDAY,
                LONG_AGO, null);
        assertEquals(List.of("2026-03-02T22:00", "2026-03-02T23:00"), starts(mondayOnly));
        List<Slot> tuesdayOnly = SlotCalculator.freeSlots(List.of(), List.of(evening), List.of(), MONDAY.plusDays(1),
                MONDAY.plusDays(1), LONG_AGO, null);
        assertEquals(List.of("2026-03-03T00:00"), starts(tuesdayOnly));
    }

    @Test
    void theWindowIsChinaDaysFromMidnightToMidnightNotUtcDays() {
        // 07:00–09:00 China time is 23:00–01:00 UTC of the day before
        List<Slot> slots = SlotCalculator.freeSlots(List.of(rule(DayOfWeek.MONDAY, "07:00", "09:00", ServiceMode.PHONE, 60)),
                List.of(), List.of(), MONDAY, MONDAY, LONG_AGO, null);
        assertEquals(List.of("2026-03-02T07:00", "2026-03-02T08:00"), starts(slots));
        assertEquals(Instant.parse("2026-03-01T23:00:00Z"), slots.get(0).start());
    }

    @Test
    void aRuleEndingAtMidnightMinusOneMinuteKeepsItsLastWholeSlot() {
        List<Slot> slots = SlotCalculator.freeSlots(List.of(rule(DayOfWeek.MONDAY, "22:00", "23:59", ServiceMode.PHONE, 60)),
                List.of(), List.of(), MONDAY, MONDAY, LONG_AGO, null);
        assertEquals(List.of("2026-03-02T22:00"), starts(slots));
    }

    @Test
    void takenSlotsAreNotOfferedButTheirNeighboursAre() {
        List<Slot> slots = SlotCalculator.freeSlots(List.of(rule(DayOfWeek.MONDAY, "09:00", "11:00", ServiceMode.ON_SITE, 30)),
                List.of(), List.of(new Taken(at("2026-03-02T09:30"), at("2026-03-02T10:00"))), MONDAY, MONDAY,
                LONG_AGO, null);
        assertEquals(List.of("2026-03-02T09:00", "2026-03-02T10:00", "2026-03-02T10:30"), starts(slots));
    }

    @Test
    void aSlotThatHasStartedIsNotOfferedOneStartingNowIs() {
        List<Slot> slots = SlotCalculator.freeSlots(List.of(rule(DayOfWeek.MONDAY, "09:00", "11:00", ServiceMode.ON_SITE, 30)),
                List.of(), List.of(), MONDAY, MONDAY, at("2026-03-02T09:30"), null);
        assertEquals(List.of("2026-03-02T09:30", "2026-03-02T10:00", "2026-03-02T10:30"), starts(slots));
        List<Slot> later = SlotCalculator.freeSlots(List.of(rule(DayOfWeek.MONDAY, "09:00", "11:00", ServiceMode.ON_SITE, 30)),
                List.of(), List.of(), MONDAY, MONDAY, at("2026-03-02T09:30").plusSeconds(1), null);
        assertEquals(List.of("2026-03-02T10:00", "2026-03-02T10:30"), starts(later));
    }

    @Test
    void theModeFilterKeepsOnlyThatModeAndOverlappingRulesNeverOfferTwoPlacesAtOnce() {
        List<Rule> rules = List.of(rule(DayOfWeek.MONDAY, "09:00", "10:00", ServiceMode.ON_SITE, 60),
                rule(DayOfWeek.MONDAY, "09:30", "11:30", ServiceMode.PHONE, 60));
        assertEquals(List.of("2026-03-02T09:00", "2026-03-02T10:30"), starts(SlotCalculator.freeSlots(rules, List.of(), List.of(), MONDAY, MONDAY, LONG_AGO, null)));
        assertEquals(java.util.Set.of(ServiceMode.PHONE), new java.util.HashSet<>(SlotCalculator.freeSlots(rules, List.of(), List.of(), MONDAY, MONDAY, LONG_AGO, ServiceMode.PHONE).stream().map(Slot::mode).toList()));
    }

    @Test
    void aRuleOutsideItsValidityOffersNothingOnTheFirstDayAfter() {
        Rule ended = new Rule(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), ServiceMode.PHONE, null, 60,
                LocalDate.of(2026, 1, 1), MONDAY.minusDays(1));
        Rule starts = new Rule(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), ServiceMode.VIDEO, null, 60,
                MONDAY, MONDAY);
        assertEquals(List.of(ServiceMode.VIDEO), SlotCalculator.freeSlots(List.of(ended, starts), List.of(), List.of(), MONDAY, SUNDAY, LONG_AGO, null).stream().map(Slot::mode).toList());
    }

    @Test
    void everyChinaDayHas24HoursSoAWholeDayRuleGivesTheSameSlotsAllYear() {
        Rule allDay = new Rule(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(23, 59), ServiceMode.PHONE, null, 60,
                LocalDate.of(2026, 1, 1), null);
        // the Sundays on which Europe and America change their clocks
        for (LocalDate sunday : List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 11, 1))) {
            assertEquals(23, SlotCalculator.freeSlots(List.of(allDay), List.of(), List.of(), sunday, sunday, LONG_AGO, null).size());
        }
    }

    @Test
    void anExtraSessionBeforeTheWeeklyHoursIsListedFirstInStartOrder() {
        List<Slot> slots = SlotCalculator.freeSlots(List.of(rule(DayOfWeek.MONDAY, "14:00", "15:00", ServiceMode.PHONE, 30)),
                List.of(new Change(false, at("2026-03-02T09:00"), at("2026-03-02T10:00"), ServiceMode.VIDEO, null, 30)),
                List.of(), MONDAY, MONDAY, LONG_AGO, null);
        assertEquals(List.of("2026-03-02T09:00", "2026-03-02T09:30", "2026-03-02T14:00", "2026-03-02T14:30"),
                starts(slots));
    }
}
