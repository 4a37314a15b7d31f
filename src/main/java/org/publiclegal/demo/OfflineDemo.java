package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.AidServiceType;
import org.publiclegal.legalaid.ApplicationService;
import org.publiclegal.legalaid.CaseWorkService;
import org.publiclegal.legalaid.ExemptionCategory;
import org.publiclegal.legalaid.MaterialCategory;
import org.publiclegal.legalaid.MaterialService;
import org.publiclegal.legalaid.api.ApplicationRequests;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.legalaid.NoticeRegistration;
import org.publiclegal.legalaid.NotifiedDefenceGround;
import org.publiclegal.mediation.CommitteeService;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeService;
import org.publiclegal.mediation.DisputeType;
import org.publiclegal.mediation.EvidenceService;
import org.publiclegal.mediation.OfflineCommands;
import org.publiclegal.mediation.Party;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The offline half of the demo county's year (issue 13): each township mediator registers walk-in (来访/来电),
 * proactive (主动调解) and transferred (派出所移送) disputes received through the year, most concluded by an oral
 * or a paper agreement, some ended by a party, a few still in mediation; the legal aid centre registers
 * 通知辩护 notices from the court, the procuratorate and the police, one a death-penalty case assigned to a
 * lawyer with more than three years of practice; and a migrant worker's wage claim entered at the 窗口 and
 * submitted by the centre. Through the same services (and ledger events) as real use;
 * once only. Outcomes are dated a few days after the case was received (the clock of the demo's own context set
 * back to then, {@link BackdatedClock}), or now for a case received in the last days.
 */
@ApplicationScoped
public class OfflineDemo {

    private static final String[] SURNAMES = {"杨", "李", "段", "赵", "张", "和", "王", "字"};
    private static final String[] GIVEN = {"树林", "建国", "丽芳", "文华", "秀英", "志强", "桂兰", "国富"};
    private static final DisputeType[] TYPES = {DisputeType.NEIGHBOUR, DisputeType.LAND_FOREST, DisputeType.MARRIAGE_FAMILY,
            DisputeType.DAMAGES};
    private static final byte[] SCAN = "%PDF-1.4\n% 人民调解协议书扫描件（演示）\n".getBytes(StandardCharsets.UTF_8);

    private final AppConfig config;
    private final DisputeService disputes;
    private final CommitteeService committee;
    private final EvidenceService evidence;
    private final CaseWorkService caseWork;
    private final ApplicationService applications;
    private final MaterialService materials;
    private final Clock clock;

    public OfflineDemo(AppConfig config, DisputeService disputes, CommitteeService committee, EvidenceService evidence,
                       CaseWorkService caseWork, ApplicationService applications, MaterialService materials,
                       Clock clock) {
        this.applications = applications;
        this.materials = materials;
        this.config = config;
        this.disputes = disputes;
        this.committee = committee;
        this.evidence = evidence;
        this.caseWork = caseWork;
        this.clock = clock;
    }

    /** One step of the demo county, in its order ({@link DemoLoader}). */
    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        Integer recorded = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                Panache.getSession().chain(s -> s.createNativeQuery(
                                "select count(*) from med_dispute where entered_by is not null", Long.class).getSingleResult())
                        .chain(n -> n > 0 ? Uni.createFrom().item(0) : record())));
        if (recorded > 0) {
            Log.infof("Demo offline cases recorded: %d disputes entered by mediators and 通知辩护 notices", recorded);
        }
    }

    private Uni<Integer> record() {
        Random random = new Random(13);
        LocalDate today = LocalDate.now(clock.withZone(TimeSource.CHINA));
        int days = Math.max(1, today.getDayOfYear() - 1);
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (int t = 0; t < DemoData.TOWNSHIPS.length; t++) {
            int township = t;
            for (int k = 0; k < 6; k++) {
                int n = k;
                LocalDate received = today.withDayOfYear(1).plusDays(random.nextInt(days));
                String village = DemoData.village(township, random.nextInt(DemoData.VILLAGES[township].length));
                DisputeType type = TYPES[random.nextInt(TYPES.length)];
                int amount = 500 + 100 * random.nextInt(60);
                String[] names = {name(random), name(random)};
                int ages = 30 + random.nextInt(40);
                chain = chain.chain(count -> DemoActivity.staff("mediator" + (township + 1)).chain(mediator ->
                        dispute(mediator, n, received, village, type, amount, names, ages)).replaceWith(count + 1));
            }
        }
        return chain.chain(count -> DemoActivity.staff("aid-officer").chain(officer -> notices(officer, today)
                .chain(k -> window(officer).map(w -> count + k + w))
                .chain(n -> dutyLawyerHelp(officer).map(d -> n + d))))
                .chain(n -> courtReferrals(today).map(r -> n + r));
    }

    /**
     * 值班律师法律帮助 entered at the 窗口, granted and assigned: counted under 值班律师提供法律帮助, not as a
     * 受理法律援助案件 (issue 12).
     */
    private Uni<Integer> dutyLawyerHelp(AccessScope officer) {
        Actor actor = new Actor(officer.accountId(), Roles.AID_OFFICER, null);
        ApplicationRequests.Create help = new ApplicationRequests.Create(AidMatter.LABOUR_RELATIONSHIP_OR_WAGES,
                AidServiceType.DUTY_LAWYER_HELP, "演示数据：劳动人事争议仲裁院值班律师提供法律帮助",
                "某建材公司", null, DemoData.village(1, 0), null, null, false, false,
                ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY, null, null, false);
        NoticeRegistration.NotifiedPerson applicant = new NoticeRegistration.NotifiedPerson("杨丽华", "FEMALE",
                ChineseIdNumber.Validator.withCheckCharacter("53293219900515122"), "鹤庆县草海镇");
        return applications.createAtWindow(help.command(), applicant, true, officer, actor)
                .map(org.publiclegal.legalaid.ApplicationService.ApplicationFile::application).chain(a -> {
            Uni<?> attached = Uni.createFrom().voidItem();
            for (MaterialCategory m : List.of(MaterialCategory.IDENTITY, MaterialCategory.CASE_MATERIALS,
                    MaterialCategory.EXEMPTION_PROOF)) {
                attached = attached.chain(() -> materials.upload(a.id, m, m.name().toLowerCase() + ".pdf", SCAN, officer, actor));
            }
            return attached.chain(() -> applications.submit(a.id, officer, actor))
                    .chain(() -> caseWork.receive(a.id, officer, actor))
                    .chain(() -> caseWork.grant(a.id, "农民工请求支付劳动报酬，免予经济状况审查", officer, actor))
                    .chain(granted -> assign(granted, "aid-lawyer", officer, actor));
        }).replaceWith(1);
    }

    /** One 诉前委派调解 and one 委托调解 from the county court, separate figures since issue 12. */
    private Uni<Integer> courtReferrals(LocalDate today) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select id from organisation where type = 'COURT' and name = '鹤庆县人民法院'", UUID.class)
                .getSingleResult())).chain(court -> DemoActivity.staff("mediator1").chain(mediator -> {
            Actor actor = new Actor(mediator.accountId(), Roles.MEDIATOR, null);
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Dispute.ReferralType type : List.of(Dispute.ReferralType.DELEGATED, Dispute.ReferralType.ENTRUSTED_ORDINARY)) {
                String number = "（" + today.getYear() + "）云2932" + (type == Dispute.ReferralType.DELEGATED ? "民诉前调" : "民初")
                        + (type.ordinal() + 101) + "号";
                var referral = new org.publiclegal.mediation.api.MediationRequests.CourtReferral(court, number, type,
                        DisputeType.DAMAGES, "演示数据：车辆刮擦造成损失", "赔偿修理费", new BigDecimal("4200.00"),
                        List.of(new org.publiclegal.mediation.api.MediationRequests.OtherParty(Party.Kind.PERSON, "和丽芳", "13908721234"),
                                new org.publiclegal.mediation.api.MediationRequests.OtherParty(Party.Kind.PERSON, "杨建华", null)),
                        DemoData.village(0, 0), Dispute.Mode.PHONE);
                chain = chain.chain(n -> disputes.referFromCourt(referral.command(), mediator, actor).replaceWith(n + 1));
            }
            return chain;
        }));
    }

    /** One dispute: origin by {@code n}; outcomes 0, 3 oral, 1 paper, 4 ended by a party, 2 and 5 still open. */
    private Uni<Void> dispute(AccessScope mediator, int n, LocalDate received, String village, DisputeType type,
                              int amount, String[] names, int age) {
        Dispute.Origin origin = n % 3 == 0 ? Dispute.Origin.APPLIED : n % 3 == 1 ? Dispute.Origin.PROACTIVE
                : Dispute.Origin.TRANSFERRED;
        Dispute.IntakeChannel channel = origin != Dispute.Origin.APPLIED ? Dispute.IntakeChannel.APP
                : n == 0 ? Dispute.IntakeChannel.VISIT : Dispute.IntakeChannel.PHONE;
        boolean transferred = origin == Dispute.Origin.TRANSFERRED;
        Actor actor = new Actor(mediator.accountId(), Roles.MEDIATOR, null);
        OfflineCommands.Register r = new OfflineCommands.Register(origin, channel,
                transferred ? Dispute.Sender.POLICE_STATION : null, transferred ? "鹤庆县公安局辖区派出所" : null,
                received, type, "演示数据：" + names[0] + "与" + names[1] + "因" + label(type) + "发生纠纷",
                "请求调委会调解，赔偿或返还约 " + amount + " 元", BigDecimal.valueOf(amount), village,
                Dispute.Mode.IN_PERSON, List.of(
                new OfflineCommands.PartyEntry(Party.Kind.PERSON, names[0], Party.Sex.MALE, age,
                        ChineseIdNumber.Validator.withCheckCharacter("532932" + (2026 - age) + "0101" + "12" + (n % 10)),
                        "鹤庆县" + names[0] + "家", "1390872" + String.format("%04d", 1000 + n), true),
                new OfflineCommands.PartyEntry(Party.Kind.PERSON, names[1], Party.Sex.FEMALE, age - 3, null,
                        "鹤庆县" + names[1] + "家", null, true)));
        // the outcome a few days after the case was received (the demo's context runs on a clock set back to then),
        // or now for a case received in the last days
        Instant decided = received.plusDays(3 + 2L * n).atTime(15, 0).atZone(TimeSource.CHINA).toInstant();
        return disputes.register(r, mediator, actor).chain(s -> {
            UUID id = s.dispute().id;
            List<UUID> parties = s.invitationCodes().keySet().stream().toList();
            BackdatedClock.setFor(decided.isBefore(clock.instant()) ? decided : null);
            Uni<?> outcome = switch (n) {
                case 0, 3 -> committee.recordOralAgreement(id, new OfflineCommands.OralAgreement(
                        "双方同意由" + names[1] + "赔偿 " + amount + " 元，当场付清", parties, null), mediator, actor)
                        .replaceWithVoid();
                case 1 -> evidence.upload(id, "调解协议书扫描件.pdf", SCAN, mediator, actor).chain(scan ->
                        committee.recordPaperAgreement(id, new OfflineCommands.PaperAgreement("演示数据：" + label(type) + "纠纷",
                                "双方各自承担相应责任", List.of(new OfflineCommands.Term("赔偿 " + amount + " 元", "现金或转账",
                                received.plusDays(30))), scan.id), mediator, actor)).replaceWithVoid();
                case 4 -> committee.recordEndByParty(id, parties.get(1), "电话表示不愿继续调解，准备向法院起诉", mediator, actor)
                        .replaceWithVoid();
                default -> Uni.createFrom().voidItem();
            };
            return outcome.replaceWithVoid().eventually(() -> BackdatedClock.setFor(null));
        });
    }

    /** 通知辩护 notices: four this year, the death-penalty one assigned to advisor1 (in practice since 2005). */
    private Uni<Integer> notices(AccessScope officer, LocalDate today) {
        Actor actor = new Actor(officer.accountId(), Roles.AID_OFFICER, null);
        record Sent(LegalAidApplication.NotifyingBody body, String name, String number, int daysAgo,
                    NotifiedDefenceGround ground, String summary) {
        }
        List<Sent> sent = List.of(
                new Sent(LegalAidApplication.NotifyingBody.COURT, "鹤庆县人民法院", "（" + today.getYear() + "）云2932刑初31号",
                        40, NotifiedDefenceGround.MINOR, "盗窃案，被告人系未成年人"),
                new Sent(LegalAidApplication.NotifyingBody.PROCURATORATE, "鹤庆县人民检察院", "鹤检刑援通〔" + today.getYear() + "〕7号",
                        25, NotifiedDefenceGround.BLIND_DEAF_MUTE, "故意伤害案，犯罪嫌疑人系聋哑人"),
                new Sent(LegalAidApplication.NotifyingBody.PUBLIC_SECURITY, "鹤庆县公安局", "鹤公（刑）援通字〔" + today.getYear() + "〕12号",
                        10, NotifiedDefenceGround.MENTAL_INCAPACITY, "寻衅滋事案，犯罪嫌疑人不能完全辨认自己行为"),
                new Sent(LegalAidApplication.NotifyingBody.COURT, "大理白族自治州中级人民法院", "（" + today.getYear() + "）云29刑初5号",
                        Math.min(2, today.getDayOfYear() - 1), NotifiedDefenceGround.LIFE_OR_DEATH_PENALTY,
                        "故意杀人案，被告人可能被判处无期徒刑以上刑罚"));
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Sent s : sent) {
            LocalDate received = today.minusDays(Math.min(s.daysAgo(), today.getDayOfYear() - 1));
            chain = chain.chain(n -> caseWork.registerNotice(new NoticeRegistration(LegalAidApplication.NoticeKind.DEFENCE,
                            s.body(), s.name(), s.number(), received, Set.of(s.ground()), "演示数据：" + s.summary(),
                            new NoticeRegistration.NotifiedPerson("段某" + (n + 1), "MALE", null, null), null), officer, actor)
                    .chain(a -> s.ground() != NotifiedDefenceGround.LIFE_OR_DEATH_PENALTY && s.daysAgo() < 20
                            ? Uni.createFrom().item(a)
                            : assign(a, s.ground() == NotifiedDefenceGround.LIFE_OR_DEATH_PENALTY ? "advisor1" : "aid-lawyer",
                            officer, actor))
                    .replaceWith(n + 1));
        }
        return chain;
    }

    /** A migrant worker's wage claim entered at the 窗口 (identity checked), its materials attached and submitted. */
    private Uni<Integer> window(AccessScope officer) {
        Actor actor = new Actor(officer.accountId(), Roles.AID_OFFICER, null);
        ApplicationRequests.Create claim = new ApplicationRequests.Create(AidMatter.LABOUR_RELATIONSHIP_OR_WAGES,
                AidServiceType.LABOUR_MEDIATION_ARBITRATION, "演示数据：在县城工地务工四个月，包工头拖欠工资 21600 元",
                "某建筑劳务公司", new BigDecimal("21600.00"), DemoData.village(0, 2), null, null, false, false,
                ExemptionCategory.MIGRANT_WORKER_WAGES_OR_INJURY, null, null, false);
        NoticeRegistration.NotifiedPerson applicant = new NoticeRegistration.NotifiedPerson("字国富", "MALE",
                ChineseIdNumber.Validator.withCheckCharacter("53293219820312123"), "鹤庆县云鹤镇");
        return applications.createAtWindow(claim.command(), applicant, true, officer, actor)
                .map(org.publiclegal.legalaid.ApplicationService.ApplicationFile::application).chain(a -> {
            Uni<?> attached = Uni.createFrom().voidItem();
            for (MaterialCategory m : List.of(MaterialCategory.IDENTITY, MaterialCategory.CASE_MATERIALS,
                    MaterialCategory.EXEMPTION_PROOF)) {
                attached = attached.chain(() -> materials.upload(a.id, m, m.name().toLowerCase() + ".pdf", SCAN, officer, actor));
            }
            return attached.chain(() -> applications.submit(a.id, officer, actor));
        }).replaceWith(1);
    }

    private Uni<LegalAidApplication> assign(LegalAidApplication a, String lawyer, AccessScope officer, Actor actor) {
        return DemoActivity.staff(lawyer).chain(l -> caseWork.assign(a.id, l.accountId(), officer, actor));
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
