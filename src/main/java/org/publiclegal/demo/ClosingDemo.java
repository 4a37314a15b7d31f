package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.ServiceRecordService;
import org.publiclegal.reporting.closing.PeriodClosing;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * 关账 in the demo: the bureau has closed every finished month of this year, and the earliest 法律事项审查 of those
 * months was voided afterwards, so a closed month with its 调整 is visible (GET /api/metrics for that month, the
 * dashboard's {@code monthly.adjusted}, /api/reports/closed-periods). Once only; after the rest of the demo activity.
 */
@ApplicationScoped
public class ClosingDemo {

    private final AppConfig config;
    private final PeriodClosing closing;
    private final ServiceRecordService services;
    private final Clock clock;

    public ClosingDemo(AppConfig config, PeriodClosing closing, ServiceRecordService services, Clock clock) {
        this.config = config;
        this.closing = closing;
        this.services = services;
        this.clock = clock;
    }

    /** One step of the demo county, in its order ({@link DemoLoader}). */
    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        YearMonth thisMonth = YearMonth.from(LocalDate.now(clock.withZone(TimeSource.CHINA)));
        Integer closed = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                Panache.getSession().chain(s -> s.createNativeQuery(
                                "select count(*) from reporting_closed_period where region_code = :c", Long.class)
                        .setParameter("c", DemoData.COUNTY).getSingleResult())
                .chain(n -> n > 0 ? Uni.createFrom().item(0) : close(thisMonth))));
        if (closed > 0) {
            Log.infof("Demo closing: %d months of %d closed; the earliest review in them voided since", closed,
                    thisMonth.getYear());
        }
    }

    private Uni<Integer> close(YearMonth thisMonth) {
        return DemoActivity.staff("bureau").chain(bureau -> {
            Actor actor = new Actor(bureau.accountId(), "BUREAU_ADMIN", null);
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (int m = 1; m < thisMonth.getMonthValue(); m++) {
                int month = m;
                chain = chain.chain(n -> closing.close(new PeriodClosing.CloseCommand(DemoData.COUNTY,
                        thisMonth.getYear(), month), bureau, actor).replaceWith(n + 1));
            }
            return chain.call(n -> n == 0 ? Uni.createFrom().voidItem() : voidOneReview(thisMonth, bureau, actor));
        });
    }

    /** A correction after closing: the earliest 法律事项审查 of the closed months is voided (a duplicate). */
    private Uni<Void> voidOneReview(YearMonth thisMonth, AccessScope bureau, Actor actor) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id from adv_service_record
                        where kind in ('CONTRACT_REVIEW', 'LEGAL_OPINION', 'RULES_AND_DECISIONS_REVIEW') and voided_at is null
                          and started_at >= :from and started_at < :to
                        order by started_at, id limit 1""", UUID.class)
                        .setParameter("from", thisMonth.withMonth(1).atDay(1).atStartOfDay(TimeSource.CHINA).toOffsetDateTime())
                        .setParameter("to", thisMonth.atDay(1).atStartOfDay(TimeSource.CHINA).toOffsetDateTime())
                        .getResultList())
                .chain((List<UUID> ids) -> ids.isEmpty() ? Uni.createFrom().voidItem()
                        : Panache.withTransaction(() -> services.voidRecord(ids.get(0), "演示：重复登记，关账后作废", bureau, actor))
                        .replaceWithVoid());
    }
}
