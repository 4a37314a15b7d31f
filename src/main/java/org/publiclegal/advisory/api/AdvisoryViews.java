package org.publiclegal.advisory.api;

import org.publiclegal.advisory.Advisor;
import org.publiclegal.advisory.AdvisorService;
import org.publiclegal.advisory.AdvisoryContract;
import org.publiclegal.advisory.ContractService;
import org.publiclegal.advisory.PracticeCategory;
import org.publiclegal.advisory.ServiceKind;
import org.publiclegal.advisory.ServiceMode;
import org.publiclegal.advisory.ServiceRecord;
import org.publiclegal.advisory.booking.AvailabilityException;
import org.publiclegal.advisory.booking.AvailabilityRule;
import org.publiclegal.advisory.booking.SlotCalculator;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** What the advisor endpoints answer. */
public final class AdvisoryViews {

    private AdvisoryViews() {
    }

    public record AdvisorView(UUID id, String name, PracticeCategory practiceCategory, String practiceCategoryLabel,
                              String licenceNumber, UUID organisationId, String organisation, int firstPracticeYear,
                              BigDecimal averageRating, long ratings, long badRatings) {
        static AdvisorView of(Advisor a, AdvisorService.Names names, AdvisorService.RatingSummary r) {
            return new AdvisorView(a.accountId, names.name(), a.practiceCategory, a.practiceCategory.label,
                    a.licenceNumber, a.organisationId, names.organisation(), a.firstPracticeYear, r.average(),
                    r.ratings(), r.badRatings());
        }
    }

    public record ContractView(UUID id, UUID advisorId, List<String> villageCodes, LocalDate startsOn, LocalDate endsOn,
                               LocalDate terminatedOn, String terminationReason, LocalDate inForceUntil,
                               AdvisoryContract.Standing standing, int onsiteHoursPerMonth, int lecturesPerQuarter,
                               UUID renewsId, String regionCode, UUID signedBy, Instant createdAt,
                               List<String> warnings) {
        static ContractView of(ContractService.Signed s, LocalDate today) {
            AdvisoryContract c = s.contract();
            return new ContractView(c.id, c.advisorId, s.villageCodes(), c.startsOn, c.endsOn, c.terminatedOn,
                    c.terminationReason, c.inForceUntil(), c.standingOn(today), c.onsiteHoursPerMonth,
                    c.lecturesPerQuarter, c.renewsId, c.regionCode, c.signedBy, c.createdAt, s.warnings());
        }
    }

    public record SlotView(Instant start, Instant end, ServiceMode mode, String villageCode) {
        public static SlotView of(SlotCalculator.Slot s) {
            return new SlotView(s.start(), s.end(), s.mode(), s.villageCode());
        }
    }

    public record RuleView(UUID id, DayOfWeek dayOfWeek, LocalTime startsAt, LocalTime endsAt, ServiceMode mode,
                           String villageCode, int slotMinutes, LocalDate validFrom, LocalDate validTo) {
        static RuleView of(AvailabilityRule r) {
            return new RuleView(r.id, DayOfWeek.of(r.dayOfWeek), r.startsAt, r.endsAt, r.mode, r.villageCode,
                    r.slotMinutes, r.validFrom, r.validTo);
        }
    }

    public record ExceptionView(UUID id, AvailabilityException.Kind kind, Instant startsAt, Instant endsAt,
                                ServiceMode mode, String villageCode, Integer slotMinutes, String note) {
        static ExceptionView of(AvailabilityException x) {
            return new ExceptionView(x.id, x.kind, x.startsAt, x.endsAt, x.mode, x.villageCode, x.slotMinutes, x.note);
        }
    }

    public record AvailabilityView(List<RuleView> rules, List<ExceptionView> exceptions) {
    }

    public record ServiceRecordView(UUID id, UUID advisorId, UUID organisationId, String villageCode, Instant startedAt,
                                    int durationMinutes, ServiceKind kind, String kindLabel, ServiceMode mode,
                                    String summary, int personsServed, String lectureTopic, Integer attendance,
                                    UUID bookingId, Instant createdAt, Instant voidedAt, String voidReason) {
        public static ServiceRecordView of(ServiceRecord r) {
            return new ServiceRecordView(r.id, r.advisorId, r.organisationId, r.villageCode, r.startedAt,
                    r.durationMinutes, r.kind, r.kind.label, r.mode, r.summary, r.personsServed, r.lectureTopic,
                    r.attendance, r.bookingId, r.createdAt, r.voidedAt, r.voidReason);
        }
    }
}
