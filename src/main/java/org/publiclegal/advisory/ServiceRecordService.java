package org.publiclegal.advisory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * 一村一卷、一事一记: the advisor's service records, each counted in the ledger in its own transaction
 * (审查和建议, 法治讲座 and its attendance); voiding a mistaken record cancels its counts with negative twins.
 */
@ApplicationScoped
public class ServiceRecordService {

    private final ServiceRecordRepository records;
    private final AdvisorRepository advisors;
    private final OrganisationService directory;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    public ServiceRecordService(ServiceRecordRepository records, AdvisorRepository advisors,
                                OrganisationService directory, Ledger ledger, AuditTrail audit, Clock clock) {
        this.records = records;
        this.advisors = advisors;
        this.directory = directory;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an advisor records about one service. */
    public record Entry(String villageCode, Instant startedAt, int durationMinutes, ServiceKind kind, ServiceMode mode,
                        String summary, int personsServed, String lectureTopic, Integer attendance) {
    }

    /**
     * Records a service by the calling advisor in a village they have a contract in force for on the service day.
     */
    @WithTransaction
    public Uni<ServiceRecord> record(Entry e, AccessScope scope, Actor actor) {
        return advisors.findById(scope.accountId()).chain(advisor -> {
            if (advisor == null) {
                throw DomainException.forbidden("只有已登记的村（居）法律顾问可以登记服务记录");
            }
            LocalDate day = LocalDate.ofInstant(e.startedAt(), TimeSource.CHINA);
            return contracted(advisor.accountId, e.villageCode(), day).chain(ok -> {
                if (!ok) {
                    throw DomainException.invalidField("villageCode",
                            "您在 " + day + " 没有该村（社区）的有效法律顾问合同");
                }
                return write(advisor, e, null, actor);
            });
        });
    }

    /** The record a completed booking creates (inside the booking's transaction). */
    public Uni<ServiceRecord> recordForBooking(UUID advisorId, UUID bookingId, Entry e, Actor actor) {
        return advisors.findById(advisorId).chain(advisor -> write(advisor, e, bookingId, actor));
    }

    private Uni<ServiceRecord> write(Advisor advisor, Entry e, UUID bookingId, Actor actor) {
        Instant now = clock.instant();
        if (e.startedAt().isAfter(now)) {
            throw DomainException.invalidField("startedAt", "服务时间不能晚于现在");
        }
        if (e.kind() == ServiceKind.LECTURE && (e.lectureTopic() == null || e.lectureTopic().isBlank()
                || e.attendance() == null)) {
            throw DomainException.invalidField("lectureTopic", "法治讲座须填写讲座主题和参加人数");
        }
        if (e.kind() != ServiceKind.LECTURE && (e.lectureTopic() != null || e.attendance() != null)) {
            throw DomainException.invalidField("kind", "只有法治讲座填写讲座主题和参加人数");
        }
        if (!AdvisorService.isVillage(e.villageCode())) {
            throw DomainException.invalidField("villageCode", "请选择村（社区）一级的行政区划");
        }
        return directory.regionExists(e.villageCode()).chain(exists -> {
            if (!exists) {
                throw DomainException.invalidField("villageCode", "行政区划 " + e.villageCode() + " 不存在");
            }
            ServiceRecord r = new ServiceRecord();
            r.id = UUID.randomUUID();
            r.advisorId = advisor.accountId;
            r.organisationId = advisor.organisationId;
            r.villageCode = e.villageCode();
            r.startedAt = e.startedAt().truncatedTo(ChronoUnit.MICROS);
            r.durationMinutes = e.durationMinutes();
            r.kind = e.kind();
            r.mode = e.mode();
            r.summary = e.summary();
            r.personsServed = e.personsServed();
            r.lectureTopic = e.kind() == ServiceKind.LECTURE ? e.lectureTopic().strip() : null;
            r.attendance = e.kind() == ServiceKind.LECTURE ? e.attendance() : null;
            r.bookingId = bookingId;
            r.recordedBy = actor.accountId();
            r.createdAt = now.truncatedTo(ChronoUnit.MICROS);
            return records.persist(r).call(this::count)
                    .invoke(x -> Log.debugf("Advisor service record %s (%s) in %s", x.id, x.kind, x.villageCode));
        });
    }

    /** The record's ledger events, dated when the service was given. */
    private Uni<Void> count(ServiceRecord r) {
        if (r.kind.isLegalReview()) {
            return ledger.record(AdvisoryEvents.LEGAL_REVIEW, r.villageCode, r.organisationId, r.startedAt,
                    AdvisoryEvents.SOURCE_SERVICE_RECORD, r.id).replaceWithVoid();
        }
        if (r.kind == ServiceKind.LECTURE) {
            Uni<Void> held = ledger.record(AdvisoryEvents.LECTURE_HELD, r.villageCode, r.organisationId, r.startedAt,
                    AdvisoryEvents.SOURCE_SERVICE_RECORD, r.id).replaceWithVoid();
            return r.attendance == 0 ? held : held.chain(() -> ledger.record(AdvisoryEvents.PARTICIPATION,
                    r.villageCode, r.organisationId, r.startedAt, r.attendance, null,
                    AdvisoryEvents.SOURCE_SERVICE_RECORD, r.id)).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * 作废 a mistaken record (the advisor who made it, or the village's 司法所/司法局): its counts are cancelled by
     * negative twins dated like the originals, so the period it was counted in drops back, traceably.
     */
    @WithTransaction
    public Uni<ServiceRecord> voidRecord(UUID id, String reason, AccessScope scope, Actor actor) {
        return get(id, scope).chain(r -> {
            r.voidRecord(reason, clock.instant());
            Instant now = clock.instant();
            return records.persistAndFlush(r)
                    .call(() -> ledger.reverse(AdvisoryEvents.LEGAL_REVIEW, AdvisoryEvents.SOURCE_SERVICE_RECORD, r.id, now))
                    .call(() -> ledger.reverse(AdvisoryEvents.LECTURE_HELD, AdvisoryEvents.SOURCE_SERVICE_RECORD, r.id, now))
                    .call(() -> ledger.reverse(AdvisoryEvents.PARTICIPATION, AdvisoryEvents.SOURCE_SERVICE_RECORD, r.id, now))
                    .call(() -> audit.record(actor, "advisory.service.void", "adv_service_record", r.id, r.villageCode,
                            reason));
        });
    }

    /** A record, if the caller may see it (its advisor, the village's 司法所/司法局), else 404. */
    public Uni<ServiceRecord> get(UUID id, AccessScope scope) {
        return records.findById(id).map(r -> {
            if (r == null || !AdvisoryAccess.canSee(scope, r.advisorId, r.villageCode)) {
                throw new NotFound("服务记录", id);
            }
            return r;
        });
    }

    private static Uni<Boolean> contracted(UUID advisorId, String village, LocalDate day) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select count(*) from adv_contract_village cv join adv_contract c on c.id = cv.contract_id
                        where c.advisor_id = :a and cv.village_code = :v
                          and daterange(c.starts_on, coalesce(c.terminated_on, c.ends_on + 1), '[)') @> cast(:d as date)""",
                        Long.class)
                .setParameter("a", advisorId).setParameter("v", village).setParameter("d", day).getSingleResult())
                .map(n -> n > 0);
    }
}
