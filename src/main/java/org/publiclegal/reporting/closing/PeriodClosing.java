package org.publiclegal.reporting.closing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import org.publiclegal.reporting.Exact;
import org.publiclegal.reporting.Metric;
import org.publiclegal.reporting.MetricService;
import org.publiclegal.reporting.Period;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 关账 and 重新开放: a county's 司法局 closes a finished year or month; a system administrator may reopen it. */
@ApplicationScoped
public class PeriodClosing {

    /** Close {@code year} (or one month of it) for a county. */
    public record CloseCommand(String countyCode, int year, Integer month) {
    }

    /** One region's figures at closing. */
    private record RegionFigures(String regionCode, Map<Metric, Exact> values) {
    }

    private final ClosedPeriodRepository closures;
    private final SnapshotFigureRepository snapshots;
    private final MetricService metrics;
    private final AuditTrail audit;
    private final Pool pool;
    private final Clock clock;

    public PeriodClosing(ClosedPeriodRepository closures, SnapshotFigureRepository snapshots, MetricService metrics,
                         AuditTrail audit, Pool pool, Clock clock) {
        this.closures = closures;
        this.snapshots = snapshots;
        this.metrics = metrics;
        this.audit = audit;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Takes the snapshot of every catalogue figure for the county, each of its townships and each village on the
     * register at the period's end, then stores it with
     * the closure in one transaction. The closing time is taken before the figures are computed: an event recorded
     * from then on is listed as an adjustment.
     */
    public Uni<ClosedPeriod> close(CloseCommand command, AccessScope scope, Actor actor) {
        String county = command.countyCode();
        if (RegionCodes.levelOf(county) != RegionCodes.Level.COUNTY) {
            throw DomainException.invalidField("region", "关账以县（市、区）为单位，请选择县级行政区划");
        }
        if (!scope.covers(county)) {
            throw new NotFound("区域", county);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Period period = ClosedPeriod.closable(command.year(), command.month(), LocalDate.ofInstant(now, TimeSource.CHINA));
        List<Metric> all = List.of(Metric.values());
        return closures.inForce(county, period).invoke(existing -> {
                    if (existing != null) {
                        throw alreadyClosed(period);
                    }
                }).chain(() -> regionsOf(county, period.to()))
                .chain(regions -> Multi.createFrom().iterable(regions)
                        .onItem().transformToUniAndConcatenate(code -> metrics.exact(code, period, all)
                                .map(values -> new RegionFigures(code, values)))
                        .collect().asList())
                .chain(figures -> Panache.withTransaction(() -> store(county, period, figures, now, actor)));
    }

    private Uni<ClosedPeriod> store(String county, Period period, List<RegionFigures> figures, Instant at, Actor actor) {
        ClosedPeriod closure = ClosedPeriod.close(county, period, actor.accountId(), at);
        List<SnapshotFigure> rows = new ArrayList<>();
        for (RegionFigures f : figures) {
            f.values().forEach((m, v) -> rows.add(SnapshotFigure.of(closure.id, m, f.regionCode(), v)));
        }
        return closures.persistAndFlush(closure)
                .onFailure(ConstraintViolationException.class).transform(e -> alreadyClosed(period))
                .call(() -> snapshots.persist(rows))
                .call(() -> audit.record(actor, "PERIOD_CLOSED", "reporting_closed_period", closure.id, county,
                        "关账 " + period.from() + " 至 " + period.to() + "，快照 " + figures.size() + " 个区域 × "
                                + Metric.values().length + " 项指标"))
                .invoke(() -> Log.infof("Period %s..%s of %s closed", period.from(), period.to(), county));
    }

    /** 重新开放, with the reason in the closure and the audit trail. */
    @WithTransaction
    public Uni<ClosedPeriod> reopen(UUID id, String reason, AccessScope scope, Actor actor) {
        return closures.findById(id).chain(c -> {
            if (c == null || !scope.covers(c.regionCode)) {
                throw new NotFound("关账记录", id);
            }
            c.reopen(actor.accountId(), reason, clock.instant());
            return audit.record(actor, "PERIOD_REOPENED", "reporting_closed_period", c.id, c.regionCode,
                    "重新开放 " + c.periodFrom + " 至 " + c.periodTo + "：" + reason).replaceWith(c);
        });
    }

    /** Closures of the counties in the caller's area (in force and reopened), newest first. */
    public Uni<CursorPage<ClosedPeriod>> list(AccessScope scope, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        AccessScope.Filter filter = scope.filter(null, "c.regionCode");
        StringBuilder where = new StringBuilder(filter.predicate());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (!after.isEmpty()) {
            try {
                params.put("at", Instant.parse(after.get(0)));
                params.put("cid", UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            where.append(" and (c.closedAt, c.id) < (:at, :cid)");
        }
        return closures.page(where.toString(), params, limit)
                .map(rows -> CursorPage.of(rows, limit, c -> Cursor.encode(c.closedAt, c.id), c -> c));
    }

    /**
     * The county, its townships and the villages (村、社区) on the register on the period's last day
     * ({@code register_villages}, as the village count reads it), so a village's report of a closed period is a
     * snapshot too.
     */
    private Uni<List<String>> regionsOf(String county, LocalDate day) {
        return pool.preparedQuery("""
                        select code from region where parent_code = $1 and level = 'TOWNSHIP'
                        union all select code from register_villages($2, $3, $4)
                        order by 1""")
                .execute(Tuple.of(county, RegionCodes.lowerBound(county), RegionCodes.upperBound(county), day))
                .map(rows -> {
                    List<String> codes = new ArrayList<>(List.of(county));
                    for (Row r : rows) {
                        codes.add(r.getString("code"));
                    }
                    return codes;
                });
    }

    private static DomainException alreadyClosed(Period period) {
        return DomainException.conflict(period.from() + " 至 " + period.to() + " 已关账；如需更改，请由系统管理员重新开放");
    }
}
