package org.publiclegal.advisory.booking;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.Advisor;
import org.publiclegal.advisory.AdvisoryAccess;
import org.publiclegal.advisory.AdvisorRepository;
import org.publiclegal.advisory.ServiceMode;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** An advisor's weekly availability and its exceptions, and the free slots computed from them. */
@ApplicationScoped
public class AvailabilityService {

    private final AdvisorRepository advisors;
    private final org.publiclegal.region.OrganisationService directory;
    private final AvailabilityRuleRepository rules;
    private final AvailabilityExceptionRepository exceptions;
    private final BookingRepository bookings;
    private final AppConfig config;
    private final Clock clock;

    public AvailabilityService(AdvisorRepository advisors, org.publiclegal.region.OrganisationService directory,
                               AvailabilityRuleRepository rules, AvailabilityExceptionRepository exceptions,
                               BookingRepository bookings, AppConfig config, Clock clock) {
        this.advisors = advisors;
        this.directory = directory;
        this.rules = rules;
        this.exceptions = exceptions;
        this.bookings = bookings;
        this.config = config;
        this.clock = clock;
    }

    /** A weekly rule as entered. */
    public record WeeklyHours(DayOfWeek dayOfWeek, LocalTime startsAt, LocalTime endsAt, ServiceMode mode,
                              String villageCode, int slotMinutes, LocalDate validFrom, LocalDate validTo) {
    }

    /** A leave (no slots) or an extra session, as entered. */
    public record Change(AvailabilityException.Kind kind, Instant startsAt, Instant endsAt, ServiceMode mode,
                        String villageCode, Integer slotMinutes, String note) {
    }

    /** The advisor's rules and their exceptions from today on. */
    public record Availability(List<AvailabilityRule> rules, List<AvailabilityException> exceptions) {
    }

    @WithTransaction
    public Uni<AvailabilityRule> addRule(UUID advisorId, WeeklyHours h, AccessScope scope) {
        if (!h.endsAt().isAfter(h.startsAt())) {
            throw DomainException.invalidField("endsAt", "结束时间须晚于开始时间（不跨午夜；跨午夜的请分两段）");
        }
        if (h.validTo() != null && h.validTo().isBefore(h.validFrom())) {
            throw DomainException.invalidField("validTo", "有效期结束日期不能早于开始日期");
        }
        requireVillageForOnSite(h.mode(), h.villageCode());
        return manageable(advisorId, scope).call(a -> villageExists(h.mode(), h.villageCode())).chain(a -> {
            AvailabilityRule r = new AvailabilityRule();
            r.id = UUID.randomUUID();
            r.advisorId = a.accountId;
            r.dayOfWeek = (short) h.dayOfWeek().getValue();
            r.startsAt = h.startsAt().truncatedTo(ChronoUnit.MINUTES);
            r.endsAt = h.endsAt().truncatedTo(ChronoUnit.MINUTES);
            r.mode = h.mode();
            r.villageCode = h.mode() == ServiceMode.ON_SITE ? h.villageCode() : null;
            r.slotMinutes = h.slotMinutes();
            r.validFrom = h.validFrom();
            r.validTo = h.validTo();
            r.createdAt = clock.instant();
            return rules.persist(r);
        });
    }

    /** Removes a weekly rule (booked slots stay booked). */
    @WithTransaction
    public Uni<Void> removeRule(UUID advisorId, UUID ruleId, AccessScope scope) {
        return manageable(advisorId, scope).chain(a -> rules.findById(ruleId)).chain(r -> {
            if (r == null || !r.advisorId.equals(advisorId)) {
                throw new NotFound("服务时间", ruleId);
            }
            return rules.delete(r);
        });
    }

    @WithTransaction
    public Uni<AvailabilityException> addChange(UUID advisorId, Change c, AccessScope scope) {
        if (!c.endsAt().isAfter(c.startsAt())) {
            throw DomainException.invalidField("endsAt", "结束时间须晚于开始时间");
        }
        if (c.kind() == AvailabilityException.Kind.EXTRA) {
            if (c.mode() == null || c.slotMinutes() == null) {
                throw DomainException.invalidField("mode", "加开时段须填写服务方式和每个时段的分钟数");
            }
            requireVillageForOnSite(c.mode(), c.villageCode());
        }
        return manageable(advisorId, scope).call(a -> c.kind() == AvailabilityException.Kind.EXTRA
                ? villageExists(c.mode(), c.villageCode()) : Uni.createFrom().voidItem()).chain(a -> {
            AvailabilityException x = new AvailabilityException();
            x.id = UUID.randomUUID();
            x.advisorId = a.accountId;
            x.kind = c.kind();
            x.startsAt = c.startsAt().truncatedTo(ChronoUnit.MINUTES);
            x.endsAt = c.endsAt().truncatedTo(ChronoUnit.MINUTES);
            boolean extra = c.kind() == AvailabilityException.Kind.EXTRA;
            x.mode = extra ? c.mode() : null;
            x.villageCode = extra && c.mode() == ServiceMode.ON_SITE ? c.villageCode() : null;
            x.slotMinutes = extra ? c.slotMinutes() : null;
            x.note = c.note();
            x.createdAt = clock.instant();
            return exceptions.persist(x);
        });
    }

    public Uni<Availability> availability(UUID advisorId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), SlotCalculator.CHINA);
        return advisors.findById(advisorId).onItem().ifNull().failWith(() -> new NotFound("法律顾问", advisorId))
                .chain(a -> rules.list("advisorId = ?1 and (validTo is null or validTo >= ?2) order by dayOfWeek, startsAt",
                        advisorId, today))
                .chain(rs -> exceptions.list("advisorId = ?1 and endsAt > ?2 order by startsAt", advisorId,
                        clock.instant()).map(xs -> new Availability(rs, xs)));
    }

    /**
     * Free slots of the advisor starting on {@code from..to} (China days, at most the configured span), optionally
     * of one mode. Past slots are never offered.
     */
    public Uni<List<SlotCalculator.Slot>> freeSlots(UUID advisorId, LocalDate from, LocalDate to, ServiceMode mode) {
        if (to.isBefore(from)) {
            throw DomainException.invalidField("to", "结束日期不能早于开始日期");
        }
        int max = config.advisory().maxSlotWindowDays();
        if (ChronoUnit.DAYS.between(from, to) >= max) {
            throw DomainException.invalidField("to", "一次最多查询 " + max + " 天的可预约时段");
        }
        return advisors.findById(advisorId).onItem().ifNull().failWith(() -> new NotFound("法律顾问", advisorId))
                .chain(a -> slots(advisorId, from, to, mode, true));
    }

    /** Slots of the window, with or without removing the taken ones. */
    Uni<List<SlotCalculator.Slot>> slots(UUID advisorId, LocalDate from, LocalDate to, ServiceMode mode,
                                         boolean withoutTaken) {
        Instant start = from.atStartOfDay(SlotCalculator.CHINA).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(SlotCalculator.CHINA).toInstant();
        Instant now = clock.instant();
        return rules.validBetween(advisorId, from, to)
                // an extra session may start the evening before the window and run past midnight
                .chain(rs -> exceptions.overlapping(advisorId, start.minus(1, ChronoUnit.DAYS), end)
                        .chain(xs -> (withoutTaken ? bookings.taken(advisorId, start, end.plus(1, ChronoUnit.DAYS))
                                : Uni.createFrom().item(List.<SlotCalculator.Taken>of()))
                                .map(taken -> SlotCalculator.freeSlots(
                                        rs.stream().map(AvailabilityRule::rule).toList(),
                                        xs.stream().map(AvailabilityException::change).toList(),
                                        taken, from, to, now, mode))));
    }

    private Uni<Advisor> manageable(UUID advisorId, AccessScope scope) {
        return advisors.findById(advisorId).map(a -> {
            if (a == null) {
                throw new NotFound("法律顾问", advisorId);
            }
            AdvisoryAccess.requireAdvisorOrAdministrator(scope, a);
            return a;
        });
    }

    /** An on-site session's village must exist (else 400, not a foreign-key conflict). */
    private Uni<Void> villageExists(ServiceMode mode, String village) {
        if (mode != ServiceMode.ON_SITE) {
            return Uni.createFrom().voidItem();
        }
        return directory.regionExists(village).map(exists -> {
            if (!exists) {
                throw DomainException.invalidField("villageCode", "行政区划 " + village + " 不存在");
            }
            return null;
        }).replaceWithVoid();
    }

    private static void requireVillageForOnSite(ServiceMode mode, String village) {
        if (mode == ServiceMode.ON_SITE && (village == null || !RegionCodes.isValid(village)
                || RegionCodes.levelOf(village) != RegionCodes.Level.VILLAGE)) {
            throw DomainException.invalidField("villageCode", "现场服务须选择村（社区）法律服务室所在的村（社区）");
        }
    }
}
