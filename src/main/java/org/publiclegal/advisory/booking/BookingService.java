package org.publiclegal.advisory.booking;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.AdvisorRepository;
import org.publiclegal.advisory.ServiceKind;
import org.publiclegal.advisory.ServiceMode;
import org.publiclegal.advisory.ServiceRecordService;
import org.publiclegal.identity.ProfileService;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.calendar.DayCounting;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.crypto.Masking;
import org.publiclegal.shared.crypto.PersonalDataCipher;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 预约: residents book a free slot of an advisor; the advisor confirms or declines, marks a no-show or completes
 * (which writes the service record); the resident cancels or rates; a 差评 gets the 司法所's callback.
 * <p>
 * Double booking is made impossible by the database (exclusion constraint over the advisor's pending and
 * confirmed periods): the loser of a race gets a 409 naming the slot. The slot must also be one the advisor
 * offers now, and a resident may hold at most {@code app.advisory.max-open-bookings-per-advisor} open bookings
 * with one advisor (counted under a transaction-scoped advisory lock on the pair, so two racing requests cannot
 * both pass).
 */
@ApplicationScoped
public class BookingService {

    /** Keeps "my matters" and the notices up to date (issue 11). */
    @jakarta.inject.Inject
    org.publiclegal.notification.MatterUpdates matters;

    static final String EXCLUSION = "adv_booking_no_double_booking";
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BookingRepository bookings;
    private final AdvisorRepository advisors;
    private final AvailabilityService availability;
    private final ServiceRecordService records;
    private final ProfileService profiles;
    private final OrganisationService directory;
    private final WorkCalendar calendar;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final AppConfig config;
    private final Clock clock;

    public BookingService(BookingRepository bookings, AdvisorRepository advisors,
                          AvailabilityService availability, ServiceRecordService records, ProfileService profiles,
                          OrganisationService directory, WorkCalendar calendar, PersonalDataCipher cipher,
                          AuditTrail audit, AppConfig config, Clock clock) {
        this.bookings = bookings;
        this.advisors = advisors;
        this.availability = availability;
        this.records = records;
        this.profiles = profiles;
        this.directory = directory;
        this.calendar = calendar;
        this.cipher = cipher;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** What a resident asks for; {@code villageCode} is needed for phone and video (on site: the slot's village). */
    public record Request(UUID advisorId, Instant startsAt, ServiceMode mode, BookingTopic topic, String description,
                          String villageCode) {
    }

    /** How the advisor completes a booking: the service record's kind, summary and persons served. */
    public record Completion(ServiceKind kind, String summary, int personsServed) {
    }

    /** A booking as the caller may see it: the description and resident's name only for the resident and advisor. */
    public record Seen(Booking booking, String description, String residentName) {
    }

    @WithTransaction
    public Uni<Booking> book(Request r, AccessScope scope) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(r.startsAt(), SlotCalculator.CHINA);
        return advisors.findById(r.advisorId()).onItem().ifNull().failWith(() -> new NotFound("法律顾问", r.advisorId()))
                .chain(advisor -> availability.slots(advisor.accountId, day, day, r.mode(), true).chain(free -> {
                    SlotCalculator.Slot slot = free.stream().filter(s -> s.start().equals(r.startsAt())).findFirst()
                            .orElse(null);
                    if (slot != null) {
                        return Uni.createFrom().item(slot);
                    }
                    return availability.slots(advisor.accountId, day, day, r.mode(), false).map(all -> {
                        boolean offered = all.stream().anyMatch(s -> s.start().equals(r.startsAt()));
                        throw offered ? taken(r.startsAt(), r.advisorId())
                                : DomainException.conflict("该时段（" + at(r.startsAt()) + "）不是该顾问可预约的"
                                + label(r.mode()) + "时段，请刷新可预约时段后重新选择");
                    });
                }).chain(slot -> village(r, slot).chain(village -> openBookings(scope.accountId(), advisor.accountId)
                        .chain(open -> {
                            int max = config.advisory().maxOpenBookingsPerAdvisor();
                            if (open >= max) {
                                throw DomainException.conflict("您与该顾问已有 " + open + " 个未完成的预约（最多 " + max
                                        + " 个），请先完成或取消");
                            }
                            Booking b = new Booking();
                            b.id = UUID.randomUUID();
                            b.advisorId = advisor.accountId;
                            b.organisationId = advisor.organisationId;
                            b.residentId = scope.accountId();
                            b.villageCode = village;
                            b.mode = slot.mode();
                            b.topic = r.topic();
                            b.keyId = cipher.activeKeyId();
                            b.descriptionCipher = cipher.encrypt(r.description(), context(b.id));
                            b.startsAt = slot.start();
                            b.endsAt = slot.end();
                            b.booked(now);
                            return bookings.persistAndFlush(b).call(matters::newBooking);
                        }))))
                .onFailure(BookingService::isDoubleBooking).transform(e -> taken(r.startsAt(), r.advisorId()))
                .invoke(b -> Log.debugf("Booking %s of advisor %s at %s", b.id, b.advisorId, b.startsAt));
    }

    private Uni<String> village(Request r, SlotCalculator.Slot slot) {
        if (slot.mode() == ServiceMode.ON_SITE) {
            return Uni.createFrom().item(slot.villageCode());
        }
        String v = r.villageCode();
        if (v == null || !RegionCodes.isValid(v) || RegionCodes.levelOf(v) != RegionCodes.Level.VILLAGE) {
            throw DomainException.invalidField("villageCode", "电话、视频预约请填写您所在的村（社区）");
        }
        return directory.regionExists(v).map(exists -> {
            if (!exists) {
                throw DomainException.invalidField("villageCode", "行政区划 " + v + " 不存在");
            }
            return v;
        });
    }

    /** Open bookings of the pair, counted after taking the pair's transaction-scoped advisory lock. */
    private Uni<Long> openBookings(UUID resident, UUID advisor) {
        return bookings.lockPair(resident, advisor)
                .chain(() -> bookings.holding(resident, advisor));
    }

    private static DomainException taken(Instant start, UUID advisor) {
        return DomainException.conflict("该时段（" + at(start) + "，顾问 " + advisor + "）已被预约，请选择其他时段");
    }

    private static String at(Instant t) {
        return SLOT.format(t.atZone(SlotCalculator.CHINA));
    }

    private static String label(ServiceMode m) {
        return m == ServiceMode.ON_SITE ? "现场" : m == ServiceMode.PHONE ? "电话" : "视频";
    }

    /** Whether a failure is the exclusion constraint refusing an overlapping booking (SQLSTATE 23P01). */
    static boolean isDoubleBooking(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23P01".equals(pg.getSqlState())) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains(EXCLUSION)) {
                return true;
            }
        }
        return false;
    }

    private static String context(UUID id) {
        return "adv_booking.description:" + id;
    }

    /** A booking the caller may see (the resident, the advisor, the village's 司法所/司法局), else 404. */
    private Uni<Booking> load(UUID id, AccessScope scope) {
        return bookings.findById(id).map(b -> scope.requireCase(b, b == null ? null : b.residentId,
                b == null ? null : b.villageCode, null, b == null ? null : b.advisorId, "预约", id));
    }

    /**
     * One booking. The resident and the advisor see the description and the resident's name (the advisor's read is
     * audited); the 司法所/司法局 see them masked.
     */
    @WithTransaction
    public Uni<Seen> get(UUID id, AccessScope scope, Actor actor) {
        return load(id, scope).chain(b -> {
            boolean advisor = scope.accountId().equals(b.advisorId);
            boolean resident = scope.accountId().equals(b.residentId);
            return profiles.realName(b.residentId).chain(name -> {
                if (advisor) {
                    return audit.record(actor, "PERSONAL_DATA_READ", "adv_booking", b.id, b.villageCode, "预约详情")
                            .replaceWith(new Seen(b, open(b), name));
                }
                return Uni.createFrom().item(resident ? new Seen(b, open(b), name)
                        : new Seen(b, null, name == null ? null : Masking.name(name)));
            });
        });
    }

    private String open(Booking b) {
        return cipher.decrypt(b.descriptionCipher, b.keyId, context(b.id));
    }

    /** Bookings the caller may see, latest slot first: a resident's own, an advisor's own, a 司法所's township's. */
    public Uni<CursorPage<Booking>> list(AccessScope scope, BookingStatus status, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        AccessScope.Filter filter = scope.caseFilter("b.residentId", "b.villageCode", "b.organisationId", "b.advisorId");
        StringBuilder where = new StringBuilder(filter.predicate());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (status != null) {
            where.append(" and b.status = :status");
            params.put("status", status);
        }
        if (!after.isEmpty()) {
            try {
                params.put("at", Instant.parse(after.get(0)));
                params.put("bid", UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            where.append(" and (b.startsAt < :at or (b.startsAt = :at and b.id < :bid))");
        }
        return bookings.page(where.toString(), params, limit)
                .map(rows -> CursorPage.of(rows, limit, b -> Cursor.encode(b.startsAt, b.id), b -> b));
    }

    @WithTransaction
    public Uni<Booking> confirm(UUID id, AccessScope scope) {
        return asAdvisor(id, scope, b -> b.confirm(clock.instant()));
    }

    @WithTransaction
    public Uni<Booking> decline(UUID id, String reason, AccessScope scope) {
        return asAdvisor(id, scope, b -> b.decline(reason, clock.instant()));
    }

    @WithTransaction
    public Uni<Booking> noShow(UUID id, AccessScope scope) {
        return asAdvisor(id, scope, b -> b.noShow(clock.instant()));
    }

    /** The advisor completes the booking; its service record (一事一记) is written in the same transaction. */
    @WithTransaction
    public Uni<Booking> complete(UUID id, Completion c, AccessScope scope, Actor actor) {
        if (c.kind() == ServiceKind.LECTURE) {
            throw DomainException.invalidField("kind", "法治讲座请直接登记服务记录");
        }
        return load(id, scope).chain(b -> {
            requireAdvisor(b, scope);
            b.complete(null, clock.instant());
            int minutes = (int) java.time.Duration.between(b.startsAt, b.endsAt).toMinutes();
            return records.recordForBooking(b.advisorId, b.id, new ServiceRecordService.Entry(b.villageCode, b.startsAt,
                            minutes, c.kind() == null ? ServiceKind.CONSULTATION : c.kind(), b.mode, c.summary(),
                            c.personsServed(), null, null), actor)
                    .chain(record -> {
                        b.serviceRecordId = record.id;
                        return bookings.persistAndFlush(b).call(matters::booking);
                    });
        });
    }

    /** The resident cancels; inside the notice period it is a late cancellation. */
    @WithTransaction
    public Uni<Booking> cancel(UUID id, String reason, AccessScope scope) {
        return load(id, scope).chain(b -> {
            requireResident(b, scope);
            b.cancel(reason, config.advisory().cancellationNotice(), clock.instant());
            return bookings.persistAndFlush(b).call(matters::booking);
        });
    }

    /** 好差评: once per completed booking; a 差评 (1–2) gets a callback due within one working day. */
    @WithTransaction
    public Uni<Booking> rate(UUID id, int stars, String comment, AccessScope scope) {
        Instant now = clock.instant();
        return load(id, scope).chain(b -> {
            requireResident(b, scope);
            return calendar.deadline(now, 1, DayCounting.WORKING).chain(due -> {
                b.rate(stars, comment, due, now);
                return bookings.persistAndFlush(b).call(matters::booking);
            });
        });
    }

    /** The 司法所 (or 司法局) of the village records its callback on a 差评 and how it was resolved. */
    @WithTransaction
    public Uni<Booking> callback(UUID id, String note, AccessScope scope, Actor actor) {
        return load(id, scope).chain(b -> {
            if (!(scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN)) || !scope.covers(b.villageCode)) {
                throw DomainException.forbidden("只有所在地司法所、司法局可以记录差评回访");
            }
            b.callback(scope.accountId(), note, clock.instant());
            return bookings.persistAndFlush(b).call(x -> audit.record(actor, "advisory.booking.callback", "adv_booking",
                    b.id, b.villageCode, note));
        });
    }

    /** Late cancellations of a resident (counted, e.g. to spot habitual ones). */
    public Uni<Long> lateCancellations(UUID residentId) {
        return bookings.count("residentId = ?1 and lateCancellation = true", residentId);
    }

    private Uni<Booking> asAdvisor(UUID id, AccessScope scope, java.util.function.Consumer<Booking> step) {
        return load(id, scope).chain(b -> {
            requireAdvisor(b, scope);
            step.accept(b);
            return bookings.persistAndFlush(b).call(matters::booking);
        });
    }

    private static void requireAdvisor(Booking b, AccessScope scope) {
        if (!scope.accountId().equals(b.advisorId)) {
            throw DomainException.forbidden("只有被预约的法律顾问本人可以办理此事项");
        }
    }

    private static void requireResident(Booking b, AccessScope scope) {
        if (!scope.accountId().equals(b.residentId)) {
            throw DomainException.forbidden("只有预约人本人可以办理此事项");
        }
    }
}
