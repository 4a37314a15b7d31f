package org.publiclegal.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Scheduled reminders, each sent exactly once across replicas: a batch of due subjects is inserted into
 * {@code ntf_reminder} (primary key kind, subject, due day) with {@code ON CONFLICT DO NOTHING}, and only the rows
 * this transaction inserted get their notices, written in the same transaction. A replica racing for the same row
 * waits for the first one's commit and then inserts nothing. Batches are small and run one after another on the
 * event loop without blocking it; each run logs what this instance sent.
 */
@ApplicationScoped
public class ReminderJobs {

    /** One kind of reminder: which rows are due (columns below) and the notice kind it sends. */
    enum Source {
        /** 法律援助: review, assignment, objection and the lawyer's deadlines within a day. */
        AID_DUE_SOON(NoticeKind.DEADLINE_APPROACHING, """
                select a.id, a.current_due_at as due_at, a.reference, a.status, a.centre_id as org_id,
                       a.lawyer_id as person_id, a.region_code
                from aid_application a
                where a.status in ('SUBMITTED','UNDER_REVIEW','GRANTED','ASSIGNED','IN_PROGRESS','OBJECTION_FILED')
                  and a.current_due_at > :now and a.current_due_at <= :now + interval '1 day'"""),
        /** 法律援助: a deadline passed with the step not taken. */
        AID_OVERDUE(NoticeKind.DEADLINE_MISSED, """
                select a.id, a.current_due_at as due_at, a.reference, a.status, a.centre_id as org_id,
                       a.lawyer_id as person_id, a.region_code
                from aid_application a
                where a.status in ('SUBMITTED','UNDER_REVIEW','GRANTED','ASSIGNED','IN_PROGRESS','OBJECTION_FILED')
                  and a.current_due_at <= :now"""),
        /** 补正: the applicant's materials are due within two days. */
        AID_MATERIALS_DUE(NoticeKind.ACTION_REMINDER, """
                select a.id, a.materials_due_at as due_at, a.reference, a.status, a.centre_id as org_id,
                       a.applicant_id as person_id, a.region_code
                from aid_application a
                where a.status = 'MATERIALS_REQUESTED'
                  and a.materials_due_at > :now and a.materials_due_at <= :now + interval '2 days'"""),
        /** 调解期限 within a day. */
        MEDIATION_DUE_SOON(NoticeKind.DEADLINE_APPROACHING, """
                select d.id, d.current_due_at as due_at, d.reference, d.status, d.committee_id as org_id,
                       cast(null as uuid) as person_id, d.region_code
                from med_dispute d
                where d.status in ('SUBMITTED','ACCEPTED','IN_MEDIATION','AGREEMENT_PENDING')
                  and d.current_due_at > :now and d.current_due_at <= :now + interval '1 day'"""),
        /** 调解期限 passed. */
        MEDIATION_OVERDUE(NoticeKind.DEADLINE_MISSED, """
                select d.id, d.current_due_at as due_at, d.reference, d.status, d.committee_id as org_id,
                       cast(null as uuid) as person_id, d.region_code
                from med_dispute d
                where d.status in ('SUBMITTED','ACCEPTED','IN_MEDIATION','AGREEMENT_PENDING')
                  and d.current_due_at <= :now"""),
        /** 司法确认 must be applied for within the window after the agreement took effect: closing in 3 days. */
        CONFIRMATION_WINDOW(NoticeKind.DEADLINE_APPROACHING, """
                select d.id, g.effective_at + make_interval(days => :window) as due_at, d.reference, d.status,
                       d.committee_id as org_id, cast(null as uuid) as person_id, d.region_code
                from med_agreement g join med_dispute d on d.id = g.dispute_id
                where d.status = 'SUCCEEDED' and g.effective_at is not null
                  and g.effective_at + make_interval(days => :window) > :now
                  and g.effective_at + make_interval(days => :window) <= :now + interval '3 days'
                  and not exists (select 1 from med_judicial_confirmation j where j.dispute_id = d.id)"""),
        /** 回访 due today or earlier and not done. */
        FOLLOW_UP_DUE(NoticeKind.DEADLINE_APPROACHING, """
                select d.id, cast(f.due_on as timestamp) at time zone 'Asia/Shanghai' as due_at, d.reference, d.status,
                       d.committee_id as org_id, cast(null as uuid) as person_id, d.region_code
                from med_follow_up f join med_dispute d on d.id = f.dispute_id
                where f.done_at is null and f.due_on <= cast(:now at time zone 'Asia/Shanghai' as date)"""),
        /** A confirmed booking starts within a day: the resident and the advisor. */
        BOOKING_TOMORROW(NoticeKind.ACTION_REMINDER, """
                select b.id, b.starts_at as due_at, 'YY-' || upper(left(cast(b.id as text), 8)) as reference, b.status,
                       b.advisor_id as org_id, b.resident_id as person_id, b.village_code as region_code
                from adv_booking b
                where b.status = 'CONFIRMED' and b.starts_at > :now and b.starts_at <= :now + interval '1 day'"""),
        /** 差评回访 due within half a day (or overdue) and not done: the village's 司法所. */
        CALLBACK_DUE(NoticeKind.DEADLINE_APPROACHING, """
                select b.id, b.callback_due_at as due_at, 'YY-' || upper(left(cast(b.id as text), 8)) as reference,
                       b.status, b.organisation_id as org_id, cast(null as uuid) as person_id, b.village_code as region_code
                from adv_booking b
                where b.rating <= 2 and b.callback_at is null and b.callback_due_at <= :now + interval '12 hours'""");

        final NoticeKind notice;
        final String due;

        Source(NoticeKind notice, String due) {
            this.notice = notice;
            this.due = due;
        }
    }

    /** A due subject this instance claimed. */
    record Due(UUID id, Instant dueAt, String reference, String status, UUID orgId, UUID personId, String region) {
    }

    private final Notifier notifier;
    private final Recipients recipients;
    private final AppConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public ReminderJobs(Notifier notifier, Recipients recipients, AppConfig config, MeterRegistry metrics, Clock clock) {
        this.notifier = notifier;
        this.recipients = recipients;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${app.notifications.reminders-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> scheduled() {
        return runAll().replaceWithVoid();
    }

    /** Every source until nothing is due; answers how many reminders this instance sent. */
    public Uni<Integer> runAll() {
        Instant now = clock.instant();
        return Multi.createFrom().items(Source.values())
                .onItem().transformToUniAndConcatenate(source -> drain(source, now, 0)
                        .invoke(n -> {
                            if (n > 0) {
                                Log.infof("Reminders %s: %d sent by this instance", source, n);
                                metrics.counter("notify.reminders", "kind", source.name()).increment(n);
                            }
                        }))
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * Batches until nothing is due. A batch that another replica claimed first (candidates, none claimed here)
     * does not end the run: the next batch skips what the other one committed, so replicas share the work.
     */
    private Uni<Integer> drain(Source source, Instant now, int sofar) {
        return Panache.withTransaction(() -> claim(source, now).call(b -> notifyAll(source, b.claimed())))
                .chain(b -> b.candidates() == 0 ? Uni.createFrom().item(sofar)
                        : drain(source, now, sofar + b.claimed().size()));
    }

    /** How many subjects were due in a batch, and those this instance claimed. */
    record Batch(long candidates, List<Due> claimed) {
    }

    private Uni<Batch> claim(Source source, Instant now) {
        String sql = "with due as (" + source.due.replace(":now", "cast(:now as timestamptz)") + " order by due_at, id limit :batch), "
                + "claimed as (insert into ntf_reminder (kind, subject_id, due_on, created_at) "
                + "select :kind, id, cast(due_at at time zone 'Asia/Shanghai' as date), :now from due "
                + "on conflict do nothing returning subject_id, due_on) "
                + "select due.id, due.due_at, due.reference, due.status, due.org_id, due.person_id, due.region_code, "
                + "count(*) over (), c.subject_id is not null from due left join claimed c on c.subject_id = due.id "
                + "and c.due_on = cast(due.due_at at time zone 'Asia/Shanghai' as date)";
        // the candidates skip subjects already reminded for that due day
        sql = sql.replace(" order by due_at, id limit :batch", " and not exists (select 1 from ntf_reminder r "
                + "where r.kind = :kind and r.subject_id = " + alias(source) + ".id "
                + "and r.due_on = cast(" + dueExpr(source) + " at time zone 'Asia/Shanghai' as date)) "
                + "order by due_at, id limit :batch");
        String finalSql = sql;
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(finalSql, Object[].class)
                    .setParameter("now", OutboxDelivery.utc(now))
                    .setParameter("kind", source.name())
                    .setParameter("batch", config.notifications().reminderBatch());
            if (source == Source.CONFIRMATION_WINDOW) {
                q.setParameter("window", config.mediation().judicialConfirmationWindowDays());
            }
            return q.getResultList();
        }).map(rows -> rows.isEmpty() ? new Batch(0, List.of()) : new Batch(((Number) rows.get(0)[7]).longValue(),
                rows.stream().filter(r -> Boolean.TRUE.equals(r[8])).map(r -> new Due((UUID) r[0], OutboxDelivery.instant(r[1]),
                        (String) r[2], (String) r[3], (UUID) r[4], (UUID) r[5], (String) r[6])).toList()));
    }

    private static String alias(Source s) {
        return switch (s) {
            case AID_DUE_SOON, AID_OVERDUE, AID_MATERIALS_DUE -> "a";
            case BOOKING_TOMORROW, CALLBACK_DUE -> "b";
            default -> "d";
        };
    }

    private static String dueExpr(Source s) {
        return switch (s) {
            case AID_DUE_SOON, AID_OVERDUE -> "a.current_due_at";
            case AID_MATERIALS_DUE -> "a.materials_due_at";
            case MEDIATION_DUE_SOON, MEDIATION_OVERDUE -> "d.current_due_at";
            case CONFIRMATION_WINDOW -> "(g.effective_at + make_interval(days => :window))";
            case FOLLOW_UP_DUE -> "(cast(f.due_on as timestamp) at time zone 'Asia/Shanghai')";
            case BOOKING_TOMORROW -> "b.starts_at";
            case CALLBACK_DUE -> "b.callback_due_at";
        };
    }

    private Uni<Void> notifyAll(Source source, List<Due> due) {
        return Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(d -> notify(source, d))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> notify(Source source, Due d) {
        String when = MatterRules.time(d.dueAt());
        return switch (source) {
            case AID_DUE_SOON, AID_OVERDUE -> {
                boolean late = source == Source.AID_OVERDUE;
                Uni<List<UUID>> who = switch (d.status()) {
                    case "ASSIGNED", "IN_PROGRESS" -> one(d.personId());
                    case "OBJECTION_FILED" -> recipients.inRegion(Recipients.county(d.region()), Roles.BUREAU_ADMIN);
                    default -> recipients.inOrganisation(d.orgId(), Roles.AID_OFFICER);
                };
                yield staff(who, source, d, "/api/aid/applications/" + d.id(), late ? "法律援助期限已过" : "法律援助期限将至",
                        "法律援助申请 " + d.reference() + (late ? " 已超过办理期限（" : " 的办理期限将于") + when + (late ? "）。" : " 届满。"));
            }
            case AID_MATERIALS_DUE -> notifier.send(d.personId(), new Notifier.Message(source.notice, d.id(), "补正材料即将截止",
                    "您的法律援助申请 " + d.reference() + " 补正材料将于" + when + "截止，逾期视为撤回。",
                    "/api/aid/applications/" + d.id())).replaceWithVoid();
            case MEDIATION_DUE_SOON, MEDIATION_OVERDUE -> staff(recipients.inOrganisation(d.orgId(), Roles.MEDIATOR), source, d,
                    "/api/mediation/disputes/" + d.id(), source == Source.MEDIATION_OVERDUE ? "调解期限已过" : "调解期限将至",
                    "调解案件 " + d.reference() + (source == Source.MEDIATION_OVERDUE ? " 已超过调解期限（" + when + "）。"
                            : " 的调解期限将于" + when + "届满。"));
            case CONFIRMATION_WINDOW -> staff(recipients.inOrganisation(d.orgId(), Roles.MEDIATOR), source, d,
                    "/api/mediation/disputes/" + d.id(), "司法确认申请期限将至",
                    "调解案件 " + d.reference() + " 的协议申请司法确认期限将于" + when + "届满。");
            case FOLLOW_UP_DUE -> staff(recipients.inOrganisation(d.orgId(), Roles.MEDIATOR), source, d,
                    "/api/mediation/disputes/" + d.id(), "回访到期", "调解案件 " + d.reference() + " 的协议履行回访已到期，请回访。");
            case BOOKING_TOMORROW -> notifier.send(d.personId(), new Notifier.Message(source.notice, d.id(), "明日预约提醒",
                            "您预约的法律咨询将于" + when + "开始，请按时参加。", "/api/advisor/bookings/" + d.id()))
                    .chain(() -> staff(one(d.orgId()), source, d, "/api/advisor/bookings/" + d.id(), "预约即将开始",
                            "您有一个预约咨询将于" + when + "开始。"));
            case CALLBACK_DUE -> staff(recipients.inRegion(Recipients.township(d.region()), Roles.JUDICIAL_OFFICE), source, d,
                    "/api/advisor/bookings/" + d.id(), "差评回访到期", "法律顾问服务差评（" + d.reference() + "）的回访将于" + when + "到期。");
        };
    }

    private Uni<Void> staff(Uni<List<UUID>> who, Source source, Due d, String link, String title, String body) {
        NoticeKind kind = source.notice == NoticeKind.ACTION_REMINDER ? NoticeKind.DEADLINE_APPROACHING : source.notice;
        return who.chain(list -> notifier.sendAll(list, new Notifier.Message(kind, d.id(), title, body, link)));
    }

    private static Uni<List<UUID>> one(UUID id) {
        return Uni.createFrom().item(id == null ? List.of() : List.of(id));
    }
}
