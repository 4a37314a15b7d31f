package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.mediation.subsidy.SubsidyCaseService;
import org.publiclegal.mediation.subsidy.SubsidyRule;
import org.publiclegal.mediation.subsidy.SubsidyRuleService;
import org.publiclegal.mediation.subsidy.SubsidyStatement;
import org.publiclegal.mediation.subsidy.SubsidyStatementService;
import org.publiclegal.mediation.subsidy.SubsidyTier;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * 以案奖补 in the demo: the county's 以案定补 rules (一般纠纷 ¥200; 较复杂纠纷 ¥500 with a written agreement, 60 % to
 * the lead mediator), the tiers of 云鹤镇人民调解委员会's successful disputes set by its mediator, and last month's
 * statement of that committee issued (签发) by 云鹤镇司法所 (GET /api/mediation/subsidy-statements?committee=&month=).
 * The demo's disputes all conclude on the day the demo is loaded, so last month's statement is empty when the demo
 * database is new; this month's (not issued) lists the tiered cases. Once only; after the offline demo.
 */
@ApplicationScoped
public class SubsidyDemo {

    private static final String SOURCE = "鹤庆县人民调解“以案定补”实施办法（演示）";

    private final AppConfig config;
    private final SubsidyRuleService rules;
    private final SubsidyCaseService cases;
    private final SubsidyStatementService statements;
    private final Clock clock;

    public SubsidyDemo(AppConfig config, SubsidyRuleService rules, SubsidyCaseService cases,
                       SubsidyStatementService statements, Clock clock) {
        this.config = config;
        this.rules = rules;
        this.cases = cases;
        this.statements = statements;
        this.clock = clock;
    }

    /** One step of the demo county, in its order ({@link DemoLoader}). */
    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        YearMonth lastMonth = YearMonth.from(LocalDate.now(clock.withZone(TimeSource.CHINA))).minusMonths(1);
        SubsidyStatement.MonthlyStatement issued = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                Panache.getSession().chain(s -> s.createNativeQuery(
                                "select count(*) from med_subsidy_rule where region_code = :c", Long.class)
                        .setParameter("c", DemoData.COUNTY).getSingleResult())
                .chain(n -> n > 0 ? Uni.createFrom().nullItem() : run(lastMonth))));
        if (issued != null) {
            Log.infof("Demo 以案奖补: %s statement of %s issued (%d cases, %s yuan)", issued.month(),
                    issued.committeeName(), issued.succeededCases(), issued.totalAmount());
        }
    }

    private Uni<SubsidyStatement.MonthlyStatement> run(YearMonth lastMonth) {
        LocalDate from = lastMonth.minusYears(1).withMonth(1).atDay(1);
        return DemoActivity.staff("bureau").chain(bureau -> {
            Actor actor = new Actor(bureau.accountId(), Roles.BUREAU_ADMIN, null);
            return rules.add(new SubsidyRule.Terms(DemoData.COUNTY, SubsidyTier.ORDINARY, 20_000, false, false, from,
                            null, SOURCE, null), bureau, actor)
                    .chain(() -> rules.add(new SubsidyRule.Terms(DemoData.COUNTY, SubsidyTier.COMPLEX, 50_000, true,
                            false, from, null, SOURCE, 60), bureau, actor));
        }).chain(() -> DemoActivity.staff("mediator1")).chain(mediator -> tiers(mediator)
                .chain(() -> DemoActivity.staff("office1"))
                .chain(office -> statements.issue(new SubsidyStatementService.IssueCommand(mediator.organisationId(),
                        lastMonth), office, new Actor(office.accountId(), Roles.JUDICIAL_OFFICE, null))));
    }

    /** The mediator grades the committee's successful disputes: every third one 较复杂, the others 一般. */
    private Uni<Void> tiers(AccessScope mediator) {
        Actor actor = new Actor(mediator.accountId(), Roles.MEDIATOR, null);
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id from med_dispute where committee_id = :c and status = 'SUCCEEDED'
                        order by concluded_at, id""", UUID.class)
                .setParameter("c", mediator.organisationId()).getResultList())
                .chain((List<UUID> ids) -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (int i = 0; i < ids.size(); i++) {
                        UUID id = ids.get(i);
                        SubsidyTier tier = i % 3 == 2 ? SubsidyTier.COMPLEX : SubsidyTier.ORDINARY;
                        chain = chain.chain(() -> cases.setTier(id, tier, mediator, actor).replaceWithVoid());
                    }
                    return chain;
                });
    }
}
