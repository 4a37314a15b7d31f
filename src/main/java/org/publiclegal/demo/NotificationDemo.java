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
import org.publiclegal.legalaid.Finances;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.legalaid.MaterialCategory;
import org.publiclegal.legalaid.MaterialService;
import org.publiclegal.legalaid.api.ApplicationRequests;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.DisputeService;
import org.publiclegal.mediation.DisputeType;
import org.publiclegal.mediation.Party;
import org.publiclegal.mediation.api.MediationRequests;
import org.publiclegal.notification.NoticeKind;
import org.publiclegal.notification.NotificationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Notifications demo, made through the modules' services so the hooks write everything as in real use:
 * resident01 applied for legal aid and is asked to 补正 (and was invited to resident03's dispute, still to consent);
 * resident02's application is under review; resident03's dispute waits for the committee. The aid centre and the
 * committee have new work in their inboxes. resident01 allowed two 订阅消息; three earlier WeChat messages are dead
 * letters for {@code admin} (the demo sends no 订阅消息: its WeChat login is fake). Once only.
 */
@ApplicationScoped
public class NotificationDemo {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n".getBytes();

    private final AppConfig config;
    private final ApplicationService applications;
    private final MaterialService materials;
    private final CaseWorkService casework;
    private final DisputeService disputes;
    private final NotificationService notifications;

    public NotificationDemo(AppConfig config, ApplicationService applications, MaterialService materials,
                            CaseWorkService casework, DisputeService disputes, NotificationService notifications) {
        this.config = config;
        this.applications = applications;
        this.materials = materials;
        this.casework = casework;
        this.disputes = disputes;
        this.notifications = notifications;
    }

    /** One step of the demo county, in its order ({@link DemoLoader}). */
    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        UUID r1 = resident("fake-resident01");
        Long done = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(s ->
                s.createNativeQuery("select count(*) from ntf_matter where account_id = :a and service = 'LEGAL_AID'", Long.class)
                        .setParameter("a", r1).getSingleResult())));
        if (done > 0) {
            return;
        }
        UUID r2 = resident("fake-resident02");
        UUID r3 = resident("fake-resident03");
        AccessScope officer = scope("aid-officer");
        String village = DemoData.village(0, 1);

        LegalAidApplication first = applied(r1, village, "在县城工地务工四个月，包工头拖欠工资 21600 元");
        await(() -> casework.receive(first.id, officer, actor(officer, Roles.AID_OFFICER)));
        await(() -> casework.requestMaterials(first.id, List.of("劳动合同或工资条", "工友证人证言"), 7, officer,
                actor(officer, Roles.AID_OFFICER)));
        LegalAidApplication second = applied(r2, DemoData.village(1, 0), "交通事故受伤，对方拒绝赔偿医疗费 38000 元");
        await(() -> casework.receive(second.id, officer, actor(officer, Roles.AID_OFFICER)));

        DisputeService.Submitted dispute = await(() -> disputes.submit(r3, new MediationRequests.Submit(DisputeType.NEIGHBOUR,
                "邻居翻修房屋时占用了两家之间的通道", "恢复通道原状", new BigDecimal("2000.00"),
                List.of(new MediationRequests.OtherParty(Party.Kind.PERSON, "和丽芳", "13908720001")),
                DemoData.village(0, 2), // the third village has its own committee with mediator1-3
                Dispute.Mode.IN_PERSON).command(), new Actor(r3, Roles.RESIDENT, null)));
        String code = dispute.invitationCodes().values().iterator().next();
        AccessScope residentOne = new AccessScope(r1, Set.of(Roles.RESIDENT), null, null);
        await(() -> disputes.redeem(code, r1, residentOne));

        await(() -> notifications.grant(residentOne, List.of(NoticeKind.AID_PROGRESS, NoticeKind.ACTION_REMINDER)));
        await(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into ntf_outbox (notice_id, channel, status, attempts, next_attempt_at, last_error, created_at)
                        select n.id, 'WECHAT', 'DEAD', e.attempts, now(), e.error, now() - interval '2 hours'
                        from (select id, row_number() over (order by id) k from ntf_notice where recipient_id = :r) n
                        join (values (1, 1, 'errcode 40003'), (2, 6, 'errcode -1'),
                                     (3, 6, 'HttpClosedException: Connection was closed')) e(k, attempts, error)
                          on e.k = n.k""").setParameter("r", r1).executeUpdate())));
        Log.info("Notification demo: resident01 has matters, an inbox and two 订阅消息 grants; 3 dead letters for admin");
    }

    private LegalAidApplication applied(UUID resident, String village, String summary) throws Throwable {
        AccessScope scope = new AccessScope(resident, Set.of(Roles.RESIDENT), null, null);
        Actor actor = new Actor(resident, Roles.RESIDENT, null);
        LegalAidApplication a = await(() -> applications.create(resident, new ApplicationRequests.Create(
                AidMatter.LABOUR_RELATIONSHIP_OR_WAGES, AidServiceType.LABOUR_MEDIATION_ARBITRATION, summary, "某劳务公司",
                new BigDecimal("21600.00"), village, null, null, false, false, null,
                new Finances(4, new BigDecimal("2400.00"), new BigDecimal("3000"), false), null, false).command(), scope, actor)
                .map(ApplicationService.ApplicationFile::application));
        await(() -> materials.upload(a.id, MaterialCategory.IDENTITY, "身份证.png", PNG, scope, actor));
        await(() -> materials.upload(a.id, MaterialCategory.FINANCIAL_STATUS, "收入说明.pdf", PDF, scope, actor));
        await(() -> materials.upload(a.id, MaterialCategory.CASE_MATERIALS, "欠条.pdf", PDF, scope, actor));
        return await(() -> applications.submit(a.id, scope, actor));
    }

    private static UUID resident(String openid) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession().chain(s ->
                s.createNativeQuery("select id from account where wechat_openid = :o", UUID.class)
                        .setParameter("o", openid).getSingleResult())));
    }

    private static AccessScope scope(String username) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> DemoActivity.staff(username)));
    }

    private static Actor actor(AccessScope s, String role) {
        return new Actor(s.accountId(), role, null);
    }

    private static <T> T await(java.util.function.Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }
}
