package org.publiclegal.legalaid.consultation;

import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.LegalAidEvents;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 法律援助咨询 recorded by staff, counted in 人次 in the ledger. */
@ApplicationScoped
public class ConsultationService {

    private final ConsultationRepository consultations;
    private final OrganisationService directory;
    private final Ledger ledger;
    private final Clock clock;

    public ConsultationService(ConsultationRepository consultations, OrganisationService directory, Ledger ledger,
                               Clock clock) {
        this.consultations = consultations;
        this.directory = directory;
        this.ledger = ledger;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Consultation> record(Consultation.Channel channel, AidMatter matter, String regionCode, int persons,
                                    String summary, Instant consultedAt, AccessScope scope, Actor actor) {
        return recordAll(List.of(new Consultation.Entry(channel, matter, regionCode, persons, summary, consultedAt)),
                scope, actor).map(created -> created.get(0));
    }

    /**
     * Records many consultations at once (历史台账导入; {@link #record} is the batch of one): the checks of each, one
     * look-up of the regions, batched inserts and one ledger write of one event of its 人次 each: all or none, in
     * order.
     */
    @WithTransaction
    public Uni<List<Consultation>> recordAll(List<Consultation.Entry> entries, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        entries.forEach(e -> check(e, now, scope));
        return directory.existingRegions(entries.stream().map(Consultation.Entry::regionCode).distinct().toList())
                .chain(known -> {
                    List<Consultation> created = new ArrayList<>(entries.size());
                    for (Consultation.Entry e : entries) {
                        if (!known.contains(e.regionCode())) {
                            throw unknownRegion(e.regionCode());
                        }
                        created.add(newConsultation(e, scope, actor, now));
                    }
                    return consultations.persist(created)
                            .chain(() -> ledger.recordAll(created.stream().map(c -> new Ledger.Entry(
                                    LegalAidEvents.CONSULTATION, c.regionCode, c.organisationId, c.consultedAt, c.persons,
                                    null, LegalAidEvents.SOURCE_CONSULTATION, c.id)).toList()))
                            .replaceWith(created);
                });
    }

    /** The rules that need no look-up: not in the future, people of the caller's area. */
    private static void check(Consultation.Entry e, Instant now, AccessScope scope) {
        Instant when = e.consultedAt() == null ? now : e.consultedAt();
        if (when.isAfter(now.plusSeconds(300))) {
            throw DomainException.invalidField("consultedAt", "咨询时间不能晚于现在");
        }
        if (!scope.covers(e.regionCode())) {
            throw DomainException.invalidField("regionCode", "咨询人所在地须在本单位服务区域内");
        }
    }

    private static DomainException unknownRegion(String code) {
        return DomainException.invalidField("regionCode", "行政区划 " + code + " 不存在");
    }

    private static Consultation newConsultation(Consultation.Entry e, AccessScope scope, Actor actor, Instant now) {
        Consultation c = new Consultation();
        c.id = UUID.randomUUID();
        c.organisationId = scope.organisationId();
        c.recordedBy = actor.accountId();
        c.regionCode = e.regionCode();
        c.channel = e.channel();
        c.matter = e.matter();
        c.persons = e.persons();
        c.summary = e.summary();
        c.consultedAt = e.consultedAt() == null ? now : e.consultedAt();
        c.createdAt = now;
        return c;
    }

    /** Consultations recorded by the caller's organisation (or, for a 司法局, in its region), newest first. */
    public Uni<CursorPage<Consultation>> list(AccessScope scope, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        AccessScope.Filter filter = scope.caseFilter("c.recordedBy", "c.regionCode", "c.organisationId", "c.recordedBy");
        StringBuilder where = new StringBuilder(filter.predicate());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (!after.isEmpty()) {
            try {
                params.put("at", Instant.parse(after.get(0)));
                params.put("aid", UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            where.append(" and (c.consultedAt < :at or (c.consultedAt = :at and c.id < :aid))");
        }
        return consultations.page(where.toString(), params, limit)
                .map(rows -> CursorPage.of(rows, limit, c -> Cursor.encode(c.consultedAt, c.id), c -> c));
    }
}
