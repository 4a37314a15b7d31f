package org.publiclegal.mediation.screening;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 矛盾纠纷排查 rounds logged by mediators and 司法所 staff, each counted once in the ledger. */
@ApplicationScoped
public class ScreeningService {

    private final ScreeningRepository screenings;
    private final OrganisationService directory;
    private final Ledger ledger;
    private final Clock clock;

    public ScreeningService(ScreeningRepository screenings, OrganisationService directory, Ledger ledger,
                            Clock clock) {
        this.screenings = screenings;
        this.directory = directory;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Records a round in a village or township of the caller's area, for the caller's organisation, and
     * writes one {@link ScreeningEvents#SCREENING} to the ledger in the same transaction.
     */
    @WithTransaction
    public Uni<Screening> record(Screening.Round round, AccessScope scope, Actor actor) {
        return recordAll(List.of(round), scope, actor).map(created -> created.get(0))
                .invoke(s -> Log.debugf("Screening %s recorded (risk %s)", s.id, s.riskLevel));
    }

    /**
     * Records many rounds at once (历史台账导入; {@link #record} is the batch of one): the checks of each, one look-up
     * of the regions, batched inserts and one ledger write of one event each: all or none, in order.
     */
    @WithTransaction
    public Uni<List<Screening>> recordAll(List<Screening.Round> rounds, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        rounds.forEach(round -> check(round, now, scope));
        return directory.existingRegions(rounds.stream().map(Screening.Round::regionCode).distinct().toList())
                .chain(known -> {
                    List<Screening> created = new ArrayList<>(rounds.size());
                    for (Screening.Round round : rounds) {
                        if (!known.contains(round.regionCode())) {
                            throw unknownRegion(round.regionCode());
                        }
                        created.add(newScreening(round, scope, actor, now));
                    }
                    return screenings.persist(created)
                            .chain(() -> ledger.recordAll(created.stream().map(ScreeningService::event).toList()))
                            .replaceWith(created);
                });
    }

    private static Ledger.Entry event(Screening s) {
        return new Ledger.Entry(ScreeningEvents.SCREENING, s.regionCode, s.organisationId,
                s.screenedOn.atStartOfDay(TimeSource.CHINA).toInstant(), 1, null, ScreeningEvents.SOURCE, s.id);
    }

    /** The rules of a round that need no look-up: not after today, a village or township of the caller's area. */
    private static void check(Screening.Round round, Instant now, AccessScope scope) {
        if (round.screenedOn().isAfter(LocalDate.ofInstant(now, TimeSource.CHINA))) {
            throw DomainException.invalidField("screenedOn", "排查日期不能晚于今天");
        }
        RegionCodes.Level level = RegionCodes.levelOf(round.regionCode());
        if (level != RegionCodes.Level.VILLAGE && level != RegionCodes.Level.TOWNSHIP) {
            throw DomainException.invalidField("regionCode", "排查地区须为村（社区）或乡镇（街道）");
        }
        if (!scope.covers(round.regionCode())) {
            throw DomainException.invalidField("regionCode", "排查地区须在本单位服务区域内");
        }
    }

    private static DomainException unknownRegion(String code) {
        return DomainException.invalidField("regionCode", "行政区划 " + code + " 不存在");
    }

    private static Screening newScreening(Screening.Round round, AccessScope scope, Actor actor, Instant now) {
        Screening s = new Screening();
        s.id = UUID.randomUUID();
        s.organisationId = scope.organisationId();
        s.recordedBy = actor.accountId();
        s.regionCode = round.regionCode();
        s.screenedOn = round.screenedOn();
        s.place = round.place();
        s.householdsVisited = round.householdsVisited();
        s.disputesFound = round.disputesFound();
        s.riskLevel = round.riskLevel();
        s.note = round.note();
        // the database keeps microseconds: the cursor must compare equal to the stored value
        s.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        return s;
    }

    /** One round, if the caller may see it (else 404). */
    public Uni<Screening> get(UUID id, AccessScope scope) {
        return screenings.findById(id).map(s -> scope.requireCase(s, null, s == null ? null : s.regionCode,
                s == null ? null : s.organisationId, s == null ? null : s.recordedBy, "矛盾纠纷排查记录", id));
    }

    /**
     * Rounds the caller may see, newest screening date first: a mediator's committee's and their own; the
     * 司法所's or 司法局's whole area; everything for the system administrator.
     */
    public Uni<CursorPage<Screening>> list(AccessScope scope, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 3);
        AccessScope.Filter filter = scope.caseFilter("s.recordedBy", "s.regionCode", "s.organisationId", "s.recordedBy");
        StringBuilder where = new StringBuilder(filter.predicate());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (!after.isEmpty()) {
            try {
                params.put("on", LocalDate.parse(after.get(0)));
                params.put("at", Instant.parse(after.get(1)));
                params.put("sid", UUID.fromString(after.get(2)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            where.append(" and (s.screenedOn, s.createdAt, s.id) < (:on, :at, :sid)");
        }
        return screenings.page(where.toString(), params, limit)
                .map(rows -> CursorPage.of(rows, limit, s -> Cursor.encode(s.screenedOn, s.createdAt, s.id), s -> s));
    }
}
