package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hibernate.reactive.mutiny.Mutiny;
import org.publiclegal.identity.Account;
import org.publiclegal.identity.AuthService;
import org.publiclegal.identity.PersonalData;
import org.publiclegal.identity.ResidentProfile;
import org.publiclegal.identity.StaffCredential;
import org.publiclegal.legalaid.eligibility.HardshipStandard;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.region.OrganisationType.CommitteeKind;
import org.publiclegal.region.Region;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.ChineseIdNumber;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Demo data (only with {@code app.demo.enabled=true}, which the prod profile refuses): 鹤庆县 in 大理州,
 * Yunnan, with its nine townships, 63 villages and communities, the county's organisations, staff of every
 * role, ten residents and a sample hardship standard for legal aid. Loaded once; a restart on the same data folder finds it and does nothing.
 * The logins are listed in the README.
 */
@ApplicationScoped
public class DemoData {

    public static final String PASSWORD = "demo-pass-2026";
    public static final String PROVINCE = "530000000000";
    public static final String CITY = "532900000000";
    public static final String COUNTY = "532932000000";

    /** The nine townships of 鹤庆县, each with seven villages/communities (the first two are communities). */
    static final String[] TOWNSHIPS = {"云鹤镇", "辛屯镇", "松桂镇", "黄坪镇", "草海镇", "西邑镇", "金墩乡", "龙开口镇", "六合彝族乡"};
    static final String[][] VILLAGES = {
            {"城东社区", "城西社区", "大水美村", "逢密村", "彭屯村", "龙珠村", "新华村"},
            {"辛屯社区", "郑家庄社区", "大登村", "逢石村", "三庄村", "妙登村", "水井村"},
            {"松桂社区", "长乐社区", "东坡村", "龙珠营村", "文化村", "新坪村", "羊龙潭村"},
            {"黄坪社区", "兴坪社区", "大佛殿村", "仕庄村", "团结村", "新庄村", "中和村"},
            {"草海社区", "新峰社区", "草海村", "板桥村", "河南村", "南庄村", "罗伟邑村"},
            {"西邑社区", "石朵河社区", "大坪村", "回龙村", "江东村", "南邑村", "西甸村"},
            {"金墩社区", "孝廉社区", "吾竹村", "新华村", "邑头村", "金锁村", "上邑村"},
            {"龙开口社区", "中江社区", "三庄村", "江东村", "朵美村", "安乐村", "花椒园村"},
            {"六合社区", "桥头社区", "五星村", "彭屯村", "大树坪村", "长坪村", "三合村"}};

    private final AppConfig config;
    private final PersonalData personalData;
    private final Clock clock;

    public DemoData(AppConfig config, PersonalData personalData, Clock clock) {
        this.config = config;
        this.personalData = personalData;
        this.clock = clock;
    }

    void load(@Observes @Priority(10) StartupEvent event) throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        // the staff password's bcrypt hash only when the demo is loaded: a restart on a loaded database skips it
        Boolean loaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                Panache.getSession().chain(s -> s.find(Region.class, COUNTY)).chain(existing -> existing != null
                        ? Uni.createFrom().item(false)
                        : Panache.getSession().chain(s -> insert(s, AuthService.hashPassword(PASSWORD,
                                config.auth().bcryptCost()))).replaceWith(true))));
        Log.infof(loaded ? "Demo data loaded: 鹤庆县 (%s), staff password '%s'" : "Demo data already present (%s)",
                COUNTY, PASSWORD);
    }

    public static String township(int i) {
        return "532932" + (100 + i) + "000";
    }

    public static String village(int township, int v) {
        return "532932" + (100 + township) + (v < 2 ? String.format("%03d", v + 1) : String.valueOf(199 + v));
    }

    private Uni<Void> insert(Mutiny.Session s, String hash) {
        Instant now = clock.instant();
        List<Object> rows = new ArrayList<>();
        rows.add(Region.of(PROVINCE, "云南省"));
        rows.add(Region.of(CITY, "大理白族自治州"));
        rows.add(Region.of(COUNTY, "鹤庆县"));
        Organisation bureau = org(OrganisationType.JUSTICE_BUREAU, null, "鹤庆县司法局", COUNTY, now);
        Organisation aid = org(OrganisationType.LEGAL_AID_CENTRE, null, "鹤庆县法律援助中心", COUNTY, now);
        Organisation court = org(OrganisationType.COURT, null, "鹤庆县人民法院", COUNTY, now);
        Organisation firm1 = org(OrganisationType.LAW_FIRM, null, "云南鹤阳律师事务所", COUNTY, now);
        Organisation firm2 = org(OrganisationType.LAW_FIRM, null, "云南草海律师事务所", COUNTY, now);
        Organisation industry = org(OrganisationType.MEDIATION_COMMITTEE, CommitteeKind.INDUSTRY,
                "鹤庆县医疗纠纷人民调解委员会", COUNTY, now);
        rows.addAll(List.of(bureau, aid, court, firm1, firm2, industry));
        List<Account> accounts = new ArrayList<>();
        List<StaffCredential> credentials = new ArrayList<>();
        staff(accounts, credentials, hash, "admin", "系统管理员", Set.of(Roles.SYSTEM_ADMIN), bureau, now);
        staff(accounts, credentials, hash, "bureau", "李局长", Set.of(Roles.BUREAU_ADMIN), bureau, now);
        staff(accounts, credentials, hash, "aid-officer", "王援助", Set.of(Roles.AID_OFFICER), aid, now);
        staff(accounts, credentials, hash, "aid-lawyer", "赵中心律师", Set.of(Roles.LAWYER), aid, now);
        staff(accounts, credentials, hash, "lawyer1", "杨律师", Set.of(Roles.LAWYER), firm1, now);
        staff(accounts, credentials, hash, "lawyer2", "段律师", Set.of(Roles.LAWYER), firm2, now);
        staff(accounts, credentials, hash, "mediator-medical", "张医调", Set.of(Roles.MEDIATOR), industry, now);
        // 名册按时间登记: a mediator who served the medical committee from 1 January and left on the first of
        // this month: this year's 人民调解员 (at 31 December) leaves them out, earlier months still count them
        staff(accounts, credentials, hash, "mediator-former", "钱原调", Set.of(Roles.MEDIATOR), industry, now);
        Account former = accounts.get(accounts.size() - 1);
        former.deactivate(LocalDate.ofInstant(now, TimeSource.CHINA).withDayOfMonth(1), "调离医调委");
        Organisation[] townshipCommittees = new Organisation[TOWNSHIPS.length];
        Organisation[] thirdVillageCommittees = new Organisation[TOWNSHIPS.length];
        for (int t = 0; t < TOWNSHIPS.length; t++) {
            String code = township(t);
            rows.add(Region.of(code, TOWNSHIPS[t]));
            Organisation office = org(OrganisationType.JUDICIAL_OFFICE, null, TOWNSHIPS[t] + "司法所", code, now);
            Organisation committee = org(OrganisationType.MEDIATION_COMMITTEE, CommitteeKind.TOWNSHIP,
                    TOWNSHIPS[t] + "人民调解委员会", code, now);
            rows.add(office);
            rows.add(committee);
            townshipCommittees[t] = committee;
            staff(accounts, credentials, hash, "office" + (t + 1), TOWNSHIPS[t] + "司法所所长",
                    Set.of(Roles.JUDICIAL_OFFICE), office, now);
            staff(accounts, credentials, hash, "mediator" + (t + 1), TOWNSHIPS[t] + "专职调解员",
                    Set.of(Roles.MEDIATOR), committee, now);
            for (int v = 0; v < VILLAGES[t].length; v++) {
                String vcode = village(t, v);
                rows.add(Region.of(vcode, VILLAGES[t][v]));
                Organisation vc = org(OrganisationType.MEDIATION_COMMITTEE, CommitteeKind.VILLAGE,
                        TOWNSHIPS[t] + VILLAGES[t][v] + "人民调解委员会", vcode, now);
                rows.add(vc);
                if (v == 2) {
                    thirdVillageCommittees[t] = vc;
                    staff(accounts, credentials, hash, "mediator" + (t + 1) + "-" + (v + 1),
                            VILLAGES[t][v] + "调解员", Set.of(Roles.MEDIATOR), vc, now);
                }
            }
        }
        // 行政区划按时间登记: 云鹤镇's former 北溪村 was merged into 大水美村 on 1 January of the demo year, so last
        // year's village count (and its drill-down) has 64 villages and this year's 63
        LocalDate january = LocalDate.ofInstant(now, TimeSource.CHINA).withDayOfYear(1);
        Region merged = Region.of("532932100298", "北溪村（已撤并）");
        merged.deactivate(january, "并入大水美村（演示：行政区划调整）");
        rows.add(merged);
        // 调委会成员按时间登记: 和调动 served 云鹤镇's third village committee from 1 January and moved to the
        // township committee on the first of this month (the membership history is written below)
        staff(accounts, credentials, hash, "mediator-moved", "和调动", Set.of(Roles.MEDIATOR), townshipCommittees[0], now);
        Account moved = accounts.get(accounts.size() - 1);
        rows.addAll(accounts);
        rows.addAll(credentials);
        // a sample 经济困难标准 so the eligibility check has a line to apply (demo figure, not an official one)
        rows.add(HardshipStandard.create(new HardshipStandard.Terms(COUNTY, HardshipStandard.Basis.DIBAO_MULTIPLE,
                new BigDecimal("2"), new BigDecimal("780.00"), new BigDecimal("50000.00"), true,
                LocalDate.of(2024, 1, 1), null, "演示数据：城乡低保标准的 2 倍（数值为示例，以云南省现行规定为准）"), now));
        String[] names = {"和丽芳", "杨建华", "李秀英", "张国强", "段美玲", "赵永福", "王桂兰", "洪志明", "寸海燕", "施文斌"};
        for (int i = 0; i < names.length; i++) {
            Account resident = Account.resident(String.format("fake-resident%02d", i + 1), null, now);
            String home = village(i % TOWNSHIPS.length, 2 + i % 5);
            resident.regionCode = home;
            resident.displayName = names[i];
            rows.add(resident);
            ResidentProfile p = new ResidentProfile();
            p.accountId = resident.id;
            String id17 = "532932" + (1960 + i * 4) + String.format("%02d%02d", 1 + i, 10 + i) + String.format("%03d", 101 + i);
            personalData.seal(p, names[i], ChineseIdNumber.Validator.withCheckCharacter(id17),
                    String.format("139087%05d", 20000 + i), "云南省大理州鹤庆县" + TOWNSHIPS[i % TOWNSHIPS.length] + "示范路" + (i + 1) + "号",
                    home, now);
            rows.add(p);
        }
        LocalDate firstOfMonth = LocalDate.ofInstant(now, TimeSource.CHINA).withDayOfMonth(1);
        return s.persistAll(rows.toArray()).call(s::flush)
                .call(() -> s.createNativeQuery("update committee_membership set valid_from = :moved, reason = :why "
                                + "where account_id = :account")
                        .setParameter("moved", firstOfMonth).setParameter("why", "调入云鹤镇人民调解委员会（演示）")
                        .setParameter("account", moved.id).executeUpdate())
                .call(() -> s.createNativeQuery("""
                                insert into committee_membership (id, account_id, organisation_id, valid_from, valid_to,
                                                                  reason, end_reason)
                                values (:id, :account, :committee, :from, :to, '演示：村调委会调解员', '调往镇调委会')""")
                        .setParameter("id", java.util.UUID.randomUUID()).setParameter("account", moved.id)
                        .setParameter("committee", thirdVillageCommittees[0].id).setParameter("from", january)
                        .setParameter("to", firstOfMonth).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The demo's registers serve from 1 January of the year before it is loaded: its year of activity ({@link DemoYear})
     * starts a year back.
     */
    static LocalDate sinceJanuaryLastYear(Instant now) {
        return LocalDate.ofInstant(now, TimeSource.CHINA).minusYears(1).withDayOfYear(1);
    }

    private static Organisation org(OrganisationType type, CommitteeKind kind, String name, String region, Instant now) {
        Organisation o = Organisation.create(type, kind, name, region, null, null, now);
        o.validFrom = sinceJanuaryLastYear(now);
        return o;
    }

    private static void staff(List<Account> accounts, List<StaffCredential> credentials, String hash, String username,
                              String name, Set<String> roles, Organisation org, Instant now) {
        Account a = Account.staff(name, roles, org.id, org.regionCode, now);
        a.validFrom = sinceJanuaryLastYear(now);
        StaffCredential c = new StaffCredential();
        c.accountId = a.id;
        c.username = username;
        c.passwordHash = hash;
        c.changedAt = now;
        accounts.add(a);
        credentials.add(c);
    }
}
