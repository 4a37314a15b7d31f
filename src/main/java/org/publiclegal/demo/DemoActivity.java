package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.consultation.Consultation;
import org.publiclegal.legalaid.consultation.ConsultationService;
import org.publiclegal.mediation.screening.Screening;
import org.publiclegal.mediation.screening.ScreeningService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A year of demo activity, so the dashboard and the annual report have something to show: 法律援助咨询 at
 * the county's legal aid centre and 矛盾纠纷排查 rounds by each township's mediator, spread from 1 January to
 * today. Recorded through the same services (and so the same ledger events) as real use; once only.
 */
@ApplicationScoped
public class DemoActivity {

    private static final AidMatter[] MATTERS = {AidMatter.LABOUR_RELATIONSHIP_OR_WAGES, AidMatter.SUPPORT_PAYMENT,
            AidMatter.PERSONAL_INJURY, AidMatter.SOCIAL_INSURANCE_OR_ASSISTANCE};
    private static final Consultation.Channel[] CHANNELS = Consultation.Channel.values();

    private final AppConfig config;
    private final ConsultationService consultations;
    private final ScreeningService screenings;
    private final Clock clock;

    public DemoActivity(AppConfig config, ConsultationService consultations, ScreeningService screenings, Clock clock) {
        this.config = config;
        this.consultations = consultations;
        this.screenings = screenings;
        this.clock = clock;
    }

    /** One step of the demo county, in its order ({@link DemoLoader}). */
    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        Integer recorded = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                staff("aid-officer").chain(officer -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "select count(*) from aid_consultation where organisation_id = :org", Long.class)
                        .setParameter("org", officer.organisationId()).getSingleResult())
                        .chain(n -> n > 0 ? Uni.createFrom().item(0) : record(officer)))));
        if (recorded > 0) {
            Log.infof("Demo activity recorded: %d consultations and screening rounds since 1 January", recorded);
        }
    }

    private Uni<Integer> record(AccessScope officer) {
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(clock.withZone(TimeSource.CHINA));
        LocalDate first = today.withDayOfYear(1);
        int days = today.getDayOfYear();
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (int i = 0; i < 160; i++) {
            LocalDate day = first.plusDays(random.nextInt(days));
            int township = random.nextInt(DemoData.TOWNSHIPS.length);
            String village = DemoData.village(township, random.nextInt(DemoData.VILLAGES[township].length));
            int persons = 1 + random.nextInt(3);
            AidMatter matter = MATTERS[random.nextInt(MATTERS.length)];
            Consultation.Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
            int hour = 1 + random.nextInt(8);
            chain = chain.chain(n -> consultations.record(channel, matter, village, persons, "演示数据：法律援助咨询",
                            day.atTime(hour, 0).atZone(TimeSource.CHINA).toInstant(), officer,
                            new Actor(officer.accountId(), "AID_OFFICER", null))
                    .replaceWith(n + 1));
        }
        for (int t = 0; t < DemoData.TOWNSHIPS.length; t++) {
            List<Screening.Round> rounds = new ArrayList<>();
            for (int r = 6 + random.nextInt(6); r > 0; r--) {
                LocalDate day = first.plusDays(random.nextInt(days));
                String village = DemoData.village(t, random.nextInt(DemoData.VILLAGES[t].length));
                int households = 10 + random.nextInt(40);
                int found = random.nextInt(4);
                rounds.add(new Screening.Round(day, "村委会及各村民小组", village, households, found,
                        found > 2 ? Screening.RiskLevel.MEDIUM : Screening.RiskLevel.LOW, "演示数据"));
            }
            String username = "mediator" + (t + 1);
            chain = chain.chain(n -> staff(username).chain(mediator -> {
                // the township mediator is looked up once for all their rounds
                Uni<Integer> recorded = Uni.createFrom().item(n);
                for (Screening.Round round : rounds) {
                    recorded = recorded.chain(k -> screenings.record(round, mediator,
                            new Actor(mediator.accountId(), "MEDIATOR", null)).replaceWith(k + 1));
                }
                return recorded;
            }));
        }
        return chain;
    }

    /** The demo staff member's access scope, as their token would carry it. */
    static Uni<AccessScope> staff(String username) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select a.id, a.roles, a.organisation_id, a.region_code from account a
                        join staff_credential c on c.account_id = a.id where c.username = :u""", Object[].class)
                .setParameter("u", username).getSingleResult())
                .map(r -> new AccessScope((UUID) r[0], new HashSet<>(Arrays.asList(((String) r[1]).split(","))),
                        (UUID) r[2], (String) r[3]));
    }
}
