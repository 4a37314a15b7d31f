package org.publiclegal.advisory.booking;

import org.publiclegal.advisory.ServiceMode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Free slots of one advisor, computed on the fly (never stored one row per slot and day) in China time: the
 * weekly rules valid on each day of the window, plus EXTRA sessions, minus LEAVE, minus slots overlapping a
 * taken booking, minus slots that have started. A rule's last slot must end by the rule's end time. Where two
 * rules or sessions overlap, the earlier-starting slot wins (an advisor is in one place at a time). Pure
 * {@code java.time}; China has no daylight saving time, so every day has 24 hours.
 */
public final class SlotCalculator {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A weekly rule: on {@code day} from {@code start} to {@code end}, slots of {@code slotMinutes}. */
    public record Rule(DayOfWeek day, LocalTime start, LocalTime end, ServiceMode mode, String villageCode,
                       int slotMinutes, LocalDate validFrom, LocalDate validTo) {

        boolean appliesOn(LocalDate date) {
            return date.getDayOfWeek() == day && !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
        }
    }

    /** An exception: LEAVE removes [start, end); EXTRA adds a session with its mode and slot length. */
    public record Change(boolean leave, Instant start, Instant end, ServiceMode mode, String villageCode,
                            Integer slotMinutes) {
    }

    /** A period already taken (a pending or confirmed booking). */
    public record Taken(Instant start, Instant end) {
    }

    /** A free slot. */
    public record Slot(Instant start, Instant end, ServiceMode mode, String villageCode) {

        boolean overlaps(Instant s, Instant e) {
            return start.isBefore(e) && s.isBefore(end);
        }
    }

    private SlotCalculator() {
    }

    /**
     * Free slots starting on the days {@code from..to} (China time, both inclusive) and not before {@code now},
     * optionally of one {@code mode}, in start order.
     */
    public static List<Slot> freeSlots(List<Rule> rules, List<Change> exceptions, List<Taken> taken,
                                       LocalDate from, LocalDate to, Instant now, ServiceMode mode) {
        Instant windowStart = from.atStartOfDay(CHINA).toInstant();
        Instant windowEnd = to.plusDays(1).atStartOfDay(CHINA).toInstant();
        List<Slot> candidates = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Rule r : rules) {
                if (r.appliesOn(day)) {
                    ZonedDateTime end = day.atTime(r.end()).atZone(CHINA);
                    add(candidates, day.atTime(r.start()).atZone(CHINA), end, r.slotMinutes(), r.mode(), r.villageCode());
                }
            }
        }
        for (Change x : exceptions) {
            if (!x.leave() && x.start().isBefore(windowEnd) && x.end().isAfter(windowStart)) {
                add(candidates, x.start().atZone(CHINA), x.end().atZone(CHINA), x.slotMinutes(), x.mode(),
                        x.villageCode());
            }
        }
        candidates.sort(Comparator.comparing(Slot::start).thenComparing(Slot::end));
        List<Slot> free = new ArrayList<>();
        Instant busyUntil = Instant.MIN;
        for (Slot s : candidates) {
            boolean inWindow = !s.start().isBefore(windowStart) && s.start().isBefore(windowEnd);
            boolean started = s.start().isBefore(now);
            boolean onLeave = exceptions.stream().anyMatch(x -> x.leave() && s.overlaps(x.start(), x.end()));
            boolean booked = taken.stream().anyMatch(t -> s.overlaps(t.start(), t.end()));
            if (!inWindow || started || onLeave || booked || s.start().isBefore(busyUntil)) {
                continue;
            }
            busyUntil = s.end();
            if (mode == null || s.mode() == mode) {
                free.add(s);
            }
        }
        return free;
    }

    /** Slots of {@code minutes} from {@code start} while they end by {@code end}. */
    private static void add(List<Slot> out, ZonedDateTime start, ZonedDateTime end, int minutes, ServiceMode mode,
                            String village) {
        for (ZonedDateTime s = start; !s.plusMinutes(minutes).isAfter(end); s = s.plusMinutes(minutes)) {
            out.add(new Slot(s.toInstant(), s.plusMinutes(minutes).toInstant(), mode, village));
        }
    }
}
