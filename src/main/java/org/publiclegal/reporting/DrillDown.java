package org.publiclegal.reporting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.AdvisoryEvents;
import org.publiclegal.legalaid.LegalAidEvents;
import org.publiclegal.mediation.MediationEvents;
import org.publiclegal.mediation.screening.ScreeningEvents;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The records behind a figure, so that a clerk can prove it: for a ledger figure, its events (with
 * corrections, which point at the event they cancel); for the committee and mediator counts, the rows
 * counted (committees, mediators and villages through the same {@code register_*} functions as the figures).
 * Pages in (time, id) order with a cursor (villages: in code order).
 */
@ApplicationScoped
public class DrillDown {

    /**
     * One record. For a ledger event {@code id} is the event id, {@code at} when it occurred and
     * {@code reference}/{@code href} name the case; for a committee or mediator, {@code at} is when it was
     * registered.
     */
    public record Item(String id, String kind, Instant at, Instant recordedAt, String regionCode, UUID organisationId,
                       Integer quantity, Long amountFen, String sourceType, UUID sourceId, Long correctsId,
                       String reference, String name, String href) {
    }

    /** Events of one kind, in (occurred_at, id) order after the cursor; one branch per kind, merged. */
    private static final String EVENTS_BRANCH = """
            (select e.id, e.kind, e.occurred_at, e.recorded_at, e.region_code, e.organisation_id, e.quantity,
                    e.amount_fen, e.source_type, e.source_id, e.corrects_id
             from ledger_event e
             where e.kind = $%d and e.region_code >= $1 and e.region_code < $2 and e.occurred_at >= $3
               and e.occurred_at < $4 and (e.occurred_at, e.id) > ($5, $6)
             order by e.occurred_at, e.id limit $7)
            """;

    private static final String REFERENCES = """
            select id, reference from aid_application where id = any($1)
            union all select id, reference from med_dispute where id = any($1)
            union all select e.id, c.name || ' 第' || e.episode_no || '期' from edu_episode e
                join edu_column c on c.id = e.column_id where e.id = any($1)
            """;

    private final Pool pool;

    public DrillDown(Pool pool) {
        this.pool = pool;
    }

    public Uni<CursorPage<Item>> records(Metric metric, String region, Period period, String cursor, int limit) {
        if (metric.type() == Metric.Type.VILLAGES) {
            return villages(region, period, cursor, limit);
        }
        List<String> after = Cursor.decode(cursor, 2);
        OffsetDateTime afterAt;
        String afterId;
        try {
            afterAt = after.isEmpty() ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                    : OffsetDateTime.parse(after.get(0));
            afterId = after.isEmpty() ? null : after.get(1);
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
        return switch (metric.type()) {
            case ORGANISATIONS -> committees(region, period, afterAt, afterId, limit);
            case STAFF -> mediators(region, period, afterAt, afterId, limit);
            case VILLAGES -> throw new IllegalStateException("read above");
            case DEVICES -> throw org.publiclegal.shared.domain.DomainException.rule(
                    metric.label() + "是去重设备数，没有逐条台账记录；各栏目的播放记录见 /api/videos/stats");
            default -> events(metric, region, period, afterAt, afterId, limit);
        };
    }

    private Uni<CursorPage<Item>> events(Metric metric, String region, Period period, OffsetDateTime afterAt,
                                         String afterId, int limit) {
        long afterEvent;
        try {
            afterEvent = afterId == null ? 0 : Long.parseLong(afterId);
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
        Instant from = metric.type() == Metric.Type.COVERAGE
                ? MetricService.LEDGER_EPOCH.atStartOfDay(org.publiclegal.shared.domain.TimeSource.CHINA).toInstant()
                : period.start();
        List<String> branches = new ArrayList<>();
        Tuple params = Tuple.tuple().addString(RegionCodes.lowerBound(region)).addString(RegionCodes.upperBound(region))
                .addOffsetDateTime(from.atOffset(ZoneOffset.UTC)).addOffsetDateTime(period.end().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(afterAt).addLong(afterEvent).addInteger(limit + 1);
        // the 签约率's events: of the villages on the register at the period's end, as the figure counts them
        String onRegister = "";
        if (metric.type() == Metric.Type.COVERAGE) {
            params.addLocalDate(period.to());
            onRegister = " and e.region_code in (select v.code from register_villages($1, $2, $" + params.size() + ") v)";
        }
        for (String kind : metric.kinds()) {
            params.addString(kind);
            branches.add(EVENTS_BRANCH.formatted(params.size()).replace(" order by e.occurred_at", onRegister
                    + " order by e.occurred_at"));
        }
        String sql = "select * from (" + String.join(" union all ", branches) + ") x order by occurred_at, id limit $7";
        return pool.preparedQuery(sql).execute(params).chain(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            UUID[] sources = list.stream().map(r -> r.getUUID("source_id")).distinct().toArray(UUID[]::new);
            Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> lookup = sources.length == 0 ? Uni.createFrom().nullItem()
                    : pool.preparedQuery(REFERENCES).execute(Tuple.tuple().addArrayOfUUID(sources));
            return lookup.map(refs -> {
                java.util.Map<UUID, String> byId = new java.util.HashMap<>();
                if (refs != null) {
                    refs.forEach(r -> byId.put(r.getUUID("id"), r.getString("reference")));
                }
                return CursorPage.of(list, limit,
                        r -> Cursor.encode(r.getOffsetDateTime("occurred_at"), r.getLong("id")),
                        r -> eventItem(r, byId.get(r.getUUID("source_id"))));
            });
        });
    }

    private static Item eventItem(Row r, String reference) {
        String sourceType = r.getString("source_type");
        UUID sourceId = r.getUUID("source_id");
        return new Item(String.valueOf(r.getLong("id")), r.getString("kind"),
                r.getOffsetDateTime("occurred_at").toInstant(), r.getOffsetDateTime("recorded_at").toInstant(),
                r.getString("region_code"), r.getUUID("organisation_id"), r.getInteger("quantity"),
                r.getLong("amount_fen"), sourceType, sourceId, r.getLong("corrects_id"), reference, null,
                href(sourceType, sourceId));
    }

    /** Where the source record can be read (under its own access rules), where the API has such a path. */
    public static String href(String sourceType, UUID id) {
        return switch (sourceType) {
            case LegalAidEvents.SOURCE_APPLICATION -> "/api/aid/applications/" + id;
            case MediationEvents.SOURCE -> "/api/mediation/disputes/" + id;
            case ScreeningEvents.SOURCE -> "/api/mediation/screenings/" + id;
            case AdvisoryEvents.SOURCE_CONTRACT -> "/api/advisor/contracts/" + id;
            case AdvisoryEvents.SOURCE_SERVICE_RECORD -> "/api/advisor/services/" + id;
            case org.publiclegal.education.EducationEvents.SOURCE -> "/api/education/episodes/" + id;
            default -> null;
        };
    }

    private Uni<CursorPage<Item>> committees(String region, Period period, OffsetDateTime afterAt, String afterId,
                                             int limit) {
        return tableRows("""
                select id, name, region_code, organisation_id, created_at from register_committees($1, $2, $3)
                where (created_at, id) > ($4, $5) order by created_at, id limit $6""", "MEDIATION_COMMITTEE", region, period, afterAt, afterId, limit);
    }

    private Uni<CursorPage<Item>> mediators(String region, Period period, OffsetDateTime afterAt, String afterId,
                                            int limit) {
        return tableRows("""
                select id, name, region_code, organisation_id, created_at from register_mediators($1, $2, $3)
                where (created_at, id) > ($4, $5) order by created_at, id limit $6""", "MEDIATOR", region, period, afterAt, afterId, limit);
    }

    /** The villages {@code register_villages} counts at the period's end, in code order. */
    private Uni<CursorPage<Item>> villages(String region, Period period, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        String afterCode = after.isEmpty() ? "" : after.get(1);
        Tuple params = Tuple.tuple().addString(RegionCodes.lowerBound(region)).addString(RegionCodes.upperBound(region))
                .addLocalDate(period.to()).addString(afterCode).addInteger(limit + 1);
        return pool.preparedQuery("""
                        select code, name, valid_from from register_villages($1, $2, $3)
                        where code > $4 order by code limit $5""").execute(params).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return CursorPage.of(list, limit, r -> Cursor.encode(r.getLocalDate("valid_from"), r.getString("code")),
                    r -> new Item(r.getString("code"), "VILLAGE",
                            r.getLocalDate("valid_from").atStartOfDay(org.publiclegal.shared.domain.TimeSource.CHINA)
                                    .toInstant(), null, r.getString("code"), null, null, null, null, null, null, null,
                            r.getString("name"), "/api/regions/" + r.getString("code")));
        });
    }

    private Uni<CursorPage<Item>> tableRows(String sql, String kind, String region, Period period,
                                            OffsetDateTime afterAt, String afterId, int limit) {
        UUID after;
        try {
            after = afterId == null ? new UUID(0, 0) : UUID.fromString(afterId);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
        Tuple params = Tuple.tuple().addString(RegionCodes.lowerBound(region)).addString(RegionCodes.upperBound(region))
                .addLocalDate(period.to()).addOffsetDateTime(afterAt)
                .addUUID(after).addInteger(limit + 1);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return CursorPage.of(list, limit,
                    r -> Cursor.encode(r.getOffsetDateTime("created_at"), r.getUUID("id")),
                    r -> new Item(r.getUUID("id").toString(), kind, r.getOffsetDateTime("created_at").toInstant(), null,
                            r.getString("region_code"), r.getUUID("organisation_id"), null, null, null, null, null,
                            null, r.getString("name"), kind.equals("MEDIATION_COMMITTEE")
                            ? "/api/organisations/" + r.getUUID("id") : null));
        });
    }
}
