package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.Account;
import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.AidServiceType;
import org.publiclegal.legalaid.ApplicationService;
import org.publiclegal.legalaid.CaseOutcome;
import org.publiclegal.legalaid.CaseWorkService;
import org.publiclegal.legalaid.Finances;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.legalaid.MaterialCategory;
import org.publiclegal.legalaid.MaterialService;
import org.publiclegal.legalaid.TerminationGround;
import org.publiclegal.legalaid.api.ApplicationRequests;
import org.publiclegal.mediation.JudicialConfirmation;
import org.publiclegal.mediation.AfterAgreementService;
import org.publiclegal.mediation.CommitteeService;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeService;
import org.publiclegal.mediation.DisputeType;
import org.publiclegal.mediation.EvidenceService;
import org.publiclegal.mediation.OfflineCommands;
import org.publiclegal.mediation.Party;
import org.publiclegal.mediation.api.MediationRequests;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.BackdatedClock;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.ChineseIdNumber;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo county's year (issue 15), written through the services with the dates things happened on (the demo's
 * own context runs on a {@link BackdatedClock}), from the first day of the month a year ago to today:
 * <ul>
 *   <li>every 人民调解委员会 gets three to nine members (人民调解法 Art. 8: township committees six or seven, village
 *       committees three to five, the medical committee three);</li>
 *   <li>法律援助 applications from the demo residents through the whole statutory workflow: most granted, assigned,
 *       accepted and closed with amounts recovered, some refused, terminated or withdrawn; the recent ones open in
 *       every status, a review and an assignment overdue;</li>
 *   <li>disputes at every township committee and some village committees, of every origin (来访, 来电, 主动调解,
 *       派出所移送, 法院诉前委派/委托), assigned to mediators and ended by an oral or a paper agreement (some then
 *       司法确认 by the county court), 调解不成 or a party's withdrawal, the recent ones still in mediation.</li>
 * </ul>
 * Runs after the other demo activity of that day (priority 42: after the offline and notification demos, before the
 * 以案奖补 statement of last month and the closing of this year's months, which then have the year's figures).
 * Once only, in one transaction: a restart finds the committees staffed and does nothing. A demo database whose months
 * were already closed by an older version is left as it is (a new data folder shows the year).
 */
@ApplicationScoped
public class DemoYear {

    private static final String[] SURNAMES = {"杨", "李", "段", "赵", "张", "和", "王", "字", "洪", "寸", "施", "高"};
    private static final String[] GIVEN = {"树林", "建国", "丽芳", "文华", "秀英", "志强", "桂兰", "国富", "海燕", "永福",
            "春梅", "德明", "玉珍", "正华"};
    private static final DisputeType[] TYPES = {DisputeType.NEIGHBOUR, DisputeType.LAND_FOREST,
            DisputeType.MARRIAGE_FAMILY, DisputeType.DAMAGES};
    private static final AidMatter[] MATTERS = {AidMatter.LABOUR_RELATIONSHIP_OR_WAGES, AidMatter.SUPPORT_PAYMENT,
            AidMatter.PERSONAL_INJURY, AidMatter.SOCIAL_INSURANCE_OR_ASSISTANCE};
    private static final String[] LAWYERS = {"aid-lawyer", "lawyer1", "lawyer2", "advisor3", "advisor4", "advisor7"};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    private static final byte[] PDF = "%PDF-1.4\n% 演示材料\n".getBytes(StandardCharsets.UTF_8);

    private final AppConfig config;
    private final ApplicationService applications;
    private final MaterialService materials;
    private final CaseWorkService caseWork;
    private final DisputeService disputes;
    private final CommitteeService committee;
    private final EvidenceService evidence;
    private final AfterAgreementService afterAgreement;
    private final Clock clock;

    public DemoYear(AppConfig config, ApplicationService applications, MaterialService materials,
                    CaseWorkService caseWork, DisputeService disputes, CommitteeService committee,
                    EvidenceService evidence, AfterAgreementService afterAgreement, Clock clock) {
        this.config = config;
        this.applications = applications;
        this.materials = materials;
        this.caseWork = caseWork;
        this.disputes = disputes;
        this.committee = committee;
        this.evidence = evidence;
        this.afterAgreement = afterAgreement;
        this.clock = clock;
    }

    /** One step of the demo county, in its order ({@link DemoLoader}). */
    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        int[] written = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                                select (select count(*) from account a join organisation o on o.id = a.organisation_id
                                        where o.name = '云鹤镇人民调解委员会' and a.roles like '%MEDIATOR%'),
                                       (select count(*) from reporting_closed_period where region_code = :c)""", Object[].class)
                        .setParameter("c", DemoData.COUNTY).getSingleResult())
                .chain(r -> {
                    // done before: the registers seat two mediators at 云鹤镇's committee (mediator1, mediator-moved);
                    // the year brings every township committee to six or seven
                    if (((Number) r[0]).longValue() > 2) {
                        return Uni.createFrom().item(new int[0]);
                    }
                    if (((Number) r[1]).longValue() > 0) {
                        Log.info("Demo year skipped: this demo database has closed months already (delete ./data to see the year)");
                        return Uni.createFrom().item(new int[0]);
                    }
                    return write(now);
                })
                .eventually(() -> BackdatedClock.setFor(null))));
        if (written.length > 0) {
            Log.infof("Demo year written in %d ms: %d mediators added, %d legal-aid applications, %d disputes since %s",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), written[0], written[1], written[2],
                    first(now));
        }
    }

    /** The first day of the demo year: the first of the month a year ago. */
    static LocalDate first(Instant now) {
        return first(LocalDate.ofInstant(now, TimeSource.CHINA));
    }

    /** The first day of the demo year for {@code today}: the first of the month a year ago. */
    static LocalDate first(LocalDate today) {
        return today.minusMonths(12).withDayOfMonth(1);
    }

    private Uni<int[]> write(Instant now) {
        Random random = new Random(15);
        int[] counts = new int[3];
        return mediators(now, random, counts)
                .chain(() -> legalAid(now, random, counts))
                .chain(() -> mediation(now, random, counts))
                .replaceWith(counts);
    }

    // ------------------------------------------------------------------ committees: three to nine members

    private Uni<Void> mediators(Instant now, Random random, int[] counts) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select o.id, o.region_code, o.name, o.committee_kind,
                               (select count(*) from account a where a.organisation_id = o.id and a.roles like '%MEDIATOR%'
                                  and a.valid_to is null and a.active)
                        from organisation o where o.type = 'MEDIATION_COMMITTEE' order by o.region_code, o.name""",
                        Object[].class).getResultList())
                .chain(rows -> {
                    LocalDate since = DemoData.sinceJanuaryLastYear(now);
                    List<Account> added = new ArrayList<>();
                    for (Object[] r : rows) {
                        String kind = String.valueOf(r[3]);
                        int target = switch (kind) {
                            case "TOWNSHIP" -> 6 + random.nextInt(2);
                            case "VILLAGE" -> 3 + random.nextInt(3);
                            default -> 3;
                        };
                        for (long n = ((Number) r[4]).longValue(); n < target; n++) {
                            Account a = Account.staff(name(random), Set.of(Roles.MEDIATOR), (UUID) r[0], (String) r[1], now);
                            a.validFrom = since;
                            added.add(a);
                        }
                    }
                    counts[0] = added.size();
                    return Panache.getSession().chain(s -> s.persistAll(added.toArray()).chain(s::flush));
                });
    }

    // ------------------------------------------------------------------ legal aid

    private Uni<Void> legalAid(Instant now, Random random, int[] counts) {
        LocalDate today = LocalDate.ofInstant(now, TimeSource.CHINA);
        LocalDate first = first(now);
        int span = (int) (today.toEpochDay() - first.toEpochDay());
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select id, region_code from account where wechat_openid like 'fake-resident%' order by wechat_openid",
                        Object[].class).getResultList())
                .chain(residents -> DemoActivity.staff("aid-officer").chain(officer -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    // the year: about five a month, spread over the days, most run to their end
                    int cases = 48;
                    for (int i = 0; i < cases; i++) {
                        int k = i;
                        LocalDate day = first.plusDays((long) span * i / cases + random.nextInt(4));
                        Object[] resident = residents.get(3 + i % (residents.size() - 3));
                        Instant at = at(day, 9 + random.nextInt(7), random.nextInt(60), now);
                        long recovered = 2000 + 500L * random.nextInt(80);
                        String lawyer = LAWYERS[random.nextInt(LAWYERS.length)];
                        AidMatter matter = MATTERS[random.nextInt(MATTERS.length)];
                        chain = chain.chain(() -> application(officer, (UUID) resident[0], (String) resident[1], matter, k,
                                at, recovered, lawyer, now)).invoke(() -> counts[1]++).chain(DemoYear::flushAndClear);
                    }
                    // open ones of the last weeks, in every status; a review and an assignment overdue
                    Open[] open = {Open.SUBMITTED, Open.UNDER_REVIEW, Open.UNDER_REVIEW_OVERDUE, Open.MATERIALS_REQUESTED,
                            Open.GRANTED_OVERDUE, Open.ASSIGNED, Open.UNDER_REVIEW};
                    int[] daysAgo = {1, 3, 21, 4, 12, 6, 2};
                    for (int i = 0; i < open.length; i++) {
                        Open o = open[i];
                        Object[] resident = residents.get(3 + i % (residents.size() - 3));
                        Instant at = at(today.minusDays(daysAgo[i]), 10, 5 * i, now);
                        String lawyer = LAWYERS[i % LAWYERS.length];
                        AidMatter matter = MATTERS[i % MATTERS.length];
                        chain = chain.chain(() -> openApplication(officer, (UUID) resident[0], (String) resident[1], matter,
                                o, at, lawyer)).invoke(() -> counts[1]++).chain(DemoYear::flushAndClear);
                    }
                    return chain;
                }));
    }

    private enum Open { SUBMITTED, UNDER_REVIEW, UNDER_REVIEW_OVERDUE, MATERIALS_REQUESTED, GRANTED_OVERDUE, ASSIGNED }

    /** One application of the year: outcome by {@code k}; steps that would lie after now are not taken (still open). */
    private Uni<Void> application(AccessScope officer, UUID resident, String village, AidMatter matter, int k, Instant t0,
                                  long recoveredYuan, String lawyer, Instant now) {
        Actor centre = new Actor(officer.accountId(), Roles.AID_OFFICER, null);
        return applied(resident, village, matter, t0).chain(a -> step(t0.plus(days(1)), now,
                () -> caseWork.receive(a.id, officer, centre), () -> switch (k % 10) {
                    case 3 -> step(t0.plus(days(6)), now, () -> caseWork.refuse(a.id,
                            "经审查，申请人家庭人均收入高于本县经济困难标准，且不属于免予审查的情形", officer, centre), null);
                    case 9 -> step(t0.plus(days(3)), now, () -> applications.withdraw(a.id, "已与对方和解",
                            resident(resident), new Actor(resident, Roles.RESIDENT, null)), null);
                    default -> step(t0.plus(days(4)), now, () -> caseWork.grant(a.id, "符合经济困难标准，属于法律援助事项范围", officer, centre),
                            () -> step(t0.plus(days(5)), now, () -> DemoActivity.staff(lawyer)
                                    .chain(l -> caseWork.assign(a.id, l.accountId(), officer, centre)),
                                    () -> DemoActivity.staff(lawyer).chain(l -> {
                                        Actor la = new Actor(l.accountId(), Roles.LAWYER, null);
                                        return step(t0.plus(days(6)), now, () -> caseWork.accept(a.id, l, la),
                                                () -> k % 10 == 6
                                                        ? step(t0.plus(days(30)), now, () -> caseWork.terminate(a.id,
                                                        TerminationGround.NO_LONGER_IN_HARDSHIP, "受援人经济状况好转，不再符合条件",
                                                        officer, centre), null)
                                                        : step(t0.plus(days(35 + 5 * (k % 7))), now, () -> caseWork.close(a.id,
                                                        k % 4 == 1 ? CaseOutcome.SETTLED
                                                                : CaseOutcome.WON, BigDecimal.valueOf(recoveredYuan),
                                                        BigDecimal.valueOf(recoveredYuan), "演示数据：已结案，结案报告归档",
                                                        l, la), null));
                                    })));
                }));
    }

    private Uni<Void> openApplication(AccessScope officer, UUID resident, String village, AidMatter matter, Open o,
                                      Instant t0, String lawyer) {
        Actor centre = new Actor(officer.accountId(), Roles.AID_OFFICER, null);
        return applied(resident, village, matter, t0).chain(a -> {
            if (o == Open.SUBMITTED) {
                return Uni.createFrom().voidItem();
            }
            Uni<LegalAidApplication> received = backdated(t0.plus(Duration.ofHours(2)),
                    () -> caseWork.receive(a.id, officer, centre));
            return switch (o) {
                case MATERIALS_REQUESTED -> received.chain(() -> backdated(t0.plus(days(1)), () -> caseWork.requestMaterials(
                        a.id, List.of("劳动合同或工资条", "村委会出具的家庭经济状况说明"), 15, officer, centre))).replaceWithVoid();
                case GRANTED_OVERDUE -> received.chain(() -> backdated(t0.plus(days(2)), () -> caseWork.grant(a.id,
                        "符合经济困难标准", officer, centre))).replaceWithVoid();
                case ASSIGNED -> received.chain(() -> backdated(t0.plus(days(2)), () -> caseWork.grant(a.id,
                                "符合经济困难标准", officer, centre)))
                        .chain(() -> backdated(t0.plus(days(3)), () -> DemoActivity.staff(lawyer)
                                .chain(l -> caseWork.assign(a.id, l.accountId(), officer, centre)))).replaceWithVoid();
                default -> received.replaceWithVoid();
            };
        });
    }

    /** The resident's application with its three required materials, submitted at {@code at}. */
    private Uni<LegalAidApplication> applied(UUID resident, String village, AidMatter matter, Instant at) {
        AccessScope scope = resident(resident);
        Actor actor = new Actor(resident, Roles.RESIDENT, null);
        String summary = switch (matter) {
            case LABOUR_RELATIONSHIP_OR_WAGES -> "演示数据：在县城工地务工，包工头拖欠工资";
            case SUPPORT_PAYMENT -> "演示数据：子女拒绝支付赡养费";
            case PERSONAL_INJURY -> "演示数据：交通事故受伤，对方拒绝赔偿医疗费";
            default -> "演示数据：工伤保险待遇未依法支付";
        };
        return backdated(at, () -> applications.create(resident, new ApplicationRequests.Create(matter,
                        AidServiceType.LABOUR_MEDIATION_ARBITRATION, summary, "某公司", new BigDecimal("21600.00"), village,
                        null, null, false, false, null, new Finances(4, new BigDecimal("2400.00"), new BigDecimal("3000"), false),
                        null, false).command(), scope, actor).map(ApplicationService.ApplicationFile::application))
                .call(a -> materials.upload(a.id, MaterialCategory.IDENTITY, "身份证.png", PNG, scope, actor))
                .call(a -> materials.upload(a.id, MaterialCategory.FINANCIAL_STATUS, "收入说明.pdf", PDF, scope, actor))
                .call(a -> materials.upload(a.id, MaterialCategory.CASE_MATERIALS, "证据材料.pdf", PDF, scope, actor))
                .chain(a -> applications.submit(a.id, scope, actor));
    }

    private static AccessScope resident(UUID id) {
        return new AccessScope(id, Set.of(Roles.RESIDENT), null, null);
    }

    // ------------------------------------------------------------------ mediation

    private Uni<Void> mediation(Instant now, Random random, int[] counts) {
        LocalDate today = LocalDate.ofInstant(now, TimeSource.CHINA);
        LocalDate first = first(now);
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select o.id, o.region_code, o.committee_kind,
                               array_to_string(array_agg(a.id::text order by a.created_at, a.id), ',')
                        from organisation o join account a on a.organisation_id = o.id and a.roles like '%MEDIATOR%'
                             and a.valid_to is null and a.active
                        where o.type = 'MEDIATION_COMMITTEE' and o.committee_kind in ('TOWNSHIP', 'VILLAGE')
                        group by o.id, o.region_code, o.committee_kind order by o.region_code""", Object[].class)
                .getResultList())
                .chain(rows -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "select id from organisation where type = 'COURT' and name = '鹤庆县人民法院'", UUID.class)
                        .getSingleResult()).chain(court -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    int n = 0;
                    for (Object[] r : rows) {
                        boolean township = "TOWNSHIP".equals(String.valueOf(r[2]));
                        String region = (String) r[1];
                        int t = Integer.parseInt(region.substring(6, 9)) - 100;
                        // township committees: two a month; the third village of each township: one every two months
                        boolean thirdVillage = !township && region.equals(DemoData.village(t, 2));
                        int perMonth = township ? 2 : thirdVillage ? 1 : 0;
                        List<UUID> members = new ArrayList<>();
                        for (String id : ((String) r[3]).split(",")) {
                            members.add(UUID.fromString(id));
                        }
                        AccessScope scope = new AccessScope(members.get(0), Set.of(Roles.MEDIATOR), (UUID) r[0],
                                township ? DemoData.township(t) : region);
                        for (int m = 0; m <= 12; m++) {
                            for (int j = 0; j < perMonth; j++) {
                                if (!township && m % 2 == 1) {
                                    continue;
                                }
                                LocalDate monthStart = first.plusMonths(m);
                                int len = monthStart.lengthOfMonth();
                                LocalDate day = monthStart.plusDays((township ? j * 14 : 10) + random.nextInt(Math.max(1, len / 3)));
                                // 云鹤镇's committee settles its first case of last month within the month: last
                                // month's 以案奖补 statement (SubsidyDemo) is never empty
                                boolean settled = township && t == 0 && m == 11 && j == 0;
                                if (settled) {
                                    day = monthStart.plusDays(2);
                                }
                                if (!day.isBefore(today)) {
                                    continue;
                                }
                                String village = township ? DemoData.village(t, random.nextInt(7)) : region;
                                int seq = n++;
                                // 诉前委派/委托调解 from the county court: the first three townships, every other month
                                boolean referral = township && t < 3 && j == 1 && m % 2 == 0;
                                int amount = 500 + 100 * random.nextInt(80);
                                String[] names = {name(random), name(random)};
                                int age = 28 + random.nextInt(40);
                                Instant at = at(day, 9 + random.nextInt(8), random.nextInt(60), now);
                                LocalDate received = day;
                                int outcomeDays = settled ? 5 : 3 + random.nextInt(18);
                                List<UUID> assigned = List.of(members.get(seq % members.size()),
                                        members.get((seq + 1) % members.size()));
                                chain = chain.chain(() -> (referral
                                                ? referral(scope, court, seq, village, at, names, amount, assigned, outcomeDays, now)
                                                : dispute(scope, court, settled ? 0 : seq, village, received, at, names,
                                                age, amount, assigned, outcomeDays, now))
                                        .invoke(() -> counts[2]++)
                                        .chain(DemoYear::flushAndClear));
                            }
                        }
                    }
                    return chain;
                }));
    }

    /** A dispute registered by the committee; outcome by {@code seq}; steps after now are not taken (in mediation). */
    private Uni<Void> dispute(AccessScope mediator, UUID court, int seq, String village, LocalDate received, Instant at,
                              String[] names, int age, int amount, List<UUID> assigned, int outcomeDays, Instant now) {
        Dispute.Origin origin = switch (seq % 4) {
            case 0, 1 -> Dispute.Origin.APPLIED;
            case 2 -> Dispute.Origin.PROACTIVE;
            default -> Dispute.Origin.TRANSFERRED;
        };
        Dispute.IntakeChannel channel = origin != Dispute.Origin.APPLIED ? Dispute.IntakeChannel.APP
                : seq % 4 == 0 ? Dispute.IntakeChannel.VISIT : Dispute.IntakeChannel.PHONE;
        boolean transferred = origin == Dispute.Origin.TRANSFERRED;
        Dispute.Sender sender = seq % 8 == 3 ? Dispute.Sender.PETITION_OFFICE : Dispute.Sender.POLICE_STATION;
        DisputeType type = TYPES[seq % TYPES.length];
        Actor actor = new Actor(mediator.accountId(), Roles.MEDIATOR, null);
        OfflineCommands.Register r = new OfflineCommands.Register(origin, channel, transferred ? sender : null,
                transferred ? (sender == Dispute.Sender.POLICE_STATION ? "鹤庆县公安局辖区派出所" : "鹤庆县信访局") : null,
                received, type, "演示数据：" + names[0] + "与" + names[1] + "因" + label(type) + "发生纠纷",
                "请求调委会调解，赔偿或返还约 " + amount + " 元", BigDecimal.valueOf(amount), village,
                Dispute.Mode.IN_PERSON, List.of(
                new OfflineCommands.PartyEntry(Party.Kind.PERSON, names[0], Party.Sex.MALE, age,
                        ChineseIdNumber.Validator.withCheckCharacter("532932" + (2026 - age) + "0101" + "13" + (seq % 10)),
                        "鹤庆县" + names[0] + "家", "1390872" + String.format("%04d", seq % 10000), true),
                new OfflineCommands.PartyEntry(Party.Kind.PERSON, names[1], Party.Sex.FEMALE, age - 3, null,
                        "鹤庆县" + names[1] + "家", null, true)));
        Instant outcome = at.plus(days(outcomeDays));
        return backdated(at, () -> disputes.register(r, mediator, actor)).chain(s -> {
            UUID id = s.dispute().id;
            List<UUID> parties = s.invitationCodes().keySet().stream().toList();
            return backdated(at.plus(Duration.ofHours(1)), () -> committee.assign(id, assigned, mediator, actor))
                    .chain(() -> step(outcome, now, () -> switch (seq % 10) {
                        case 0, 3, 6, 8 -> committee.recordOralAgreement(id, new OfflineCommands.OralAgreement(
                                "双方同意由" + names[1] + "赔偿 " + amount + " 元，当场付清", parties, null), mediator, actor);
                        case 1, 4, 7 -> evidence.upload(id, "调解协议书扫描件.pdf", PDF, mediator, actor).chain(scan ->
                                committee.recordPaperAgreement(id, new OfflineCommands.PaperAgreement(
                                        "演示数据：" + label(type) + "纠纷", "双方各自承担相应责任",
                                        List.of(new OfflineCommands.Term("赔偿 " + amount + " 元", "银行转账",
                                                LocalDate.ofInstant(outcome, TimeSource.CHINA).plusDays(30))), scan.id),
                                        mediator, actor));
                        case 2 -> committee.fail(id, "双方分歧较大，调解不成，告知可向人民法院起诉", mediator, actor);
                        case 5 -> committee.recordEndByParty(id, parties.get(1), "表示不愿继续调解，准备向法院起诉", mediator, actor);
                        default -> committee.fail(id, "一方当事人不到场，调解终止", mediator, actor);
                    }, () -> seq % 10 == 4 || seq % 10 == 7 ? confirmation(id, court, outcome, now, mediator, actor)
                            : Uni.createFrom().voidItem()));
        });
    }

    /** 司法确认: applied for within the window after the paper agreement took effect, and confirmed by the court. */
    private Uni<Void> confirmation(UUID id, UUID court, Instant effective, Instant now, AccessScope mediator, Actor actor) {
        LocalDate applied = LocalDate.ofInstant(effective, TimeSource.CHINA).plusDays(5);
        LocalDate ruled = applied.plusDays(12);
        return step(applied.atTime(10, 0).atZone(TimeSource.CHINA).toInstant(), now,
                () -> afterAgreement.applyForConfirmation(id, court, applied, mediator, actor),
                () -> step(ruled.atTime(15, 0).atZone(TimeSource.CHINA).toInstant(), now,
                        () -> afterAgreement.recordRuling(id, JudicialConfirmation.Ruling.CONFIRMED, ruled,
                                mediator, actor), null));
    }

    /** 诉前委派 or 委托调解 from the county court: a paper agreement or 调解不成, reported back to the court. */
    private Uni<Void> referral(AccessScope mediator, UUID court, int seq, String village, Instant at, String[] names,
                               int amount, List<UUID> assigned, int outcomeDays, Instant now) {
        // 诉前委派 in about half the months, 委托调解 (a case the court had filed) in the others
        Dispute.ReferralType type = LocalDate.ofInstant(at, TimeSource.CHINA).getMonthValue() % 4 == 0
                ? Dispute.ReferralType.DELEGATED : Dispute.ReferralType.ENTRUSTED_ORDINARY;
        int year = LocalDate.ofInstant(at, TimeSource.CHINA).getYear();
        String number = "（" + year + "）云2932" + (type == Dispute.ReferralType.DELEGATED ? "民诉前调" : "民初")
                + (200 + seq) + "号";
        Actor actor = new Actor(mediator.accountId(), Roles.MEDIATOR, null);
        var referral = new MediationRequests.CourtReferral(court, number, type, DisputeType.DAMAGES,
                "演示数据：" + names[0] + "与" + names[1] + "买卖合同货款纠纷", "支付货款", BigDecimal.valueOf(amount * 3L),
                List.of(new MediationRequests.OtherParty(Party.Kind.PERSON, names[0], "1390872" + String.format("%04d", seq % 10000)),
                        new MediationRequests.OtherParty(Party.Kind.PERSON, names[1], null)), village, Dispute.Mode.IN_PERSON);
        Instant outcome = at.plus(days(Math.min(outcomeDays, 14)));
        return backdated(at, () -> disputes.referFromCourt(referral.command(), mediator, actor)).chain(s -> {
            UUID id = s.dispute().id;
            Uni<?> consented = backdated(at.plus(Duration.ofHours(1)), () -> committee.assign(id, assigned, mediator, actor));
            // the parties were reached by phone and agreed to mediation (recorded by the mediator): 调解中
            for (UUID party : s.invitationCodes().keySet()) {
                consented = consented.chain(() -> committee.recordConsent(id, party, true, null, mediator, actor));
            }
            return consented
                    .chain(() -> step(outcome, now, () -> seq % 3 == 2
                            ? committee.fail(id, "双方对货款数额分歧较大，调解不成", mediator, actor)
                            : evidence.upload(id, "调解协议书扫描件.pdf", PDF, mediator, actor).chain(scan ->
                            committee.recordPaperAgreement(id, new OfflineCommands.PaperAgreement("演示数据：买卖合同货款纠纷",
                                    "被告确认欠付货款", List.of(new OfflineCommands.Term("分两期支付货款", "银行转账",
                                    LocalDate.ofInstant(outcome, TimeSource.CHINA).plusDays(60))), scan.id), mediator, actor)),
                            () -> step(outcome.plus(days(1)), now, () -> committee.returnToCourt(id,
                                    "已将调解结果及材料反馈" + "鹤庆县人民法院", mediator, actor), null)));
        });
    }

    // ------------------------------------------------------------------ dating

    /** {@code work} with the clock of this context set to {@code at}. */
    private static <T> Uni<T> backdated(Instant at, Supplier<Uni<T>> work) {
        return Uni.createFrom().voidItem().invoke(() -> BackdatedClock.setFor(at)).chain(work::get);
    }

    /** A step taken at {@code at} if that is before now (else the case stays where it is), then {@code next}. */
    private static Uni<Void> step(Instant at, Instant now, Supplier<Uni<?>> work, Supplier<Uni<Void>> next) {
        if (!at.isBefore(now)) {
            return Uni.createFrom().voidItem();
        }
        return backdated(at, work::get).chain(() -> next == null ? Uni.createFrom().voidItem() : next.get());
    }

    private static Instant at(LocalDate day, int hour, int minute, Instant now) {
        Instant at = day.atTime(hour, minute).atZone(TimeSource.CHINA).toInstant();
        return at.isBefore(now) ? at : now.minus(Duration.ofHours(3));
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }

    /** The one transaction holds a year: what is written leaves the session, so flushes stay short. */
    private static Uni<Void> flushAndClear() {
        return Panache.getSession().chain(s -> s.flush().invoke(s::clear));
    }

    private static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String label(DisputeType type) {
        return switch (type) {
            case NEIGHBOUR -> "相邻关系";
            case LAND_FOREST -> "土地承包";
            case MARRIAGE_FAMILY -> "婚姻家庭";
            default -> "损害赔偿";
        };
    }
}
