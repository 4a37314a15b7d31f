package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.onboarding.ImportJob;
import org.publiclegal.onboarding.ImportKind;
import org.publiclegal.onboarding.ImportService;
import org.publiclegal.onboarding.ImportStore;
import org.publiclegal.onboarding.Templates;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 导入 in the demo: {@code office1} (云鹤镇司法所) imported last year's 矛盾纠纷排查台账 of its seven villages (one
 * round a month each, 84 rows, through the template), so last year's annual report of 云鹤镇 shows 84 screenings; and
 * uploaded a second file with mistakes (a village of another township, a date that is not a day, a repeated row),
 * whose dry run lists every problem and which was never confirmed. The other kinds of 台账 too: the {@code bureau}
 * imported three mediators of 云鹤镇城东社区人民调解委员会 (工作人员) and their 调委会成员 history since March of last year
 * (one came over from 城西社区's committee in September), so {@code register_mediators} counts them from then;
 * {@code office1} imported twelve mediation cases its committees concluded in May of last year (人民调解案件台账);
 * {@code aid-officer} four legal-aid cases closed last year (法律援助案件台账). {@code GET /api/imports} as
 * {@code office1}, {@code bureau} or {@code aid-officer}; templates at {@code GET /api/imports/templates}. Each kind
 * once (a restart that finds an import of that kind in the county skips it); the last step of {@link DemoLoader}.
 */
@ApplicationScoped
public class OnboardingDemo {

    private final AppConfig config;
    private final ImportService imports;
    private final ImportStore store;
    private final Clock clock;

    public OnboardingDemo(AppConfig config, ImportService imports, ImportStore store, Clock clock) {
        this.config = config;
        this.imports = imports;
        this.store = store;
        this.clock = clock;
    }

    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        int year = LocalDate.now(clock.withZone(TimeSource.CHINA)).getYear() - 1;
        String screenings = "云鹤镇" + year + "年矛盾纠纷排查台账.xlsx";
        if (!alreadyImported(ImportKind.SCREENINGS)) {
            screenings(year, screenings);
        }
        String staff = "云鹤镇城东社区调委会调解员名册.xlsx";
        if (!alreadyImported(ImportKind.STAFF)) {
            importFile("bureau", ImportKind.STAFF, staff, mediators());
        }
        String memberships = "云鹤镇城东社区调委会成员变动（" + year + "年起）.xlsx";
        if (!alreadyImported(ImportKind.MEMBERSHIPS)) {
            importFile("bureau", ImportKind.MEMBERSHIPS, memberships, memberships(year));
        }
        String cases = "云鹤镇" + year + "年5月人民调解案件台账.xlsx";
        if (!alreadyImported(ImportKind.MEDIATION_CASES)) {
            importFile("office1", ImportKind.MEDIATION_CASES, cases, mediationCases(year));
        }
        String aid = "鹤庆县法律援助中心" + year + "年已结案件台账.xlsx";
        if (!alreadyImported(ImportKind.AID_CASES)) {
            importFile("aid-officer", ImportKind.AID_CASES, aid, aidCases(year));
        }
    }

    /** Whether the demo county has an import of {@code kind} (the demo's, made at an earlier start). */
    private boolean alreadyImported(ImportKind kind) throws Throwable {
        Long n = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from onboarding_import where scope_region like :t "
                                + "and kind = :k", Long.class)
                        .setParameter("t", DemoData.COUNTY.substring(0, 6) + "%").setParameter("k", kind.name())
                        .getSingleResult())));
        return n > 0;
    }

    private void screenings(int year, String fileName) throws Throwable {
        AccessScope office = scope("office1");
        Actor actor = actor(office);
        List<List<String>> rows = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (int v = 0; v < 7; v++) {
                rows.add(List.of(LocalDate.of(year, month, 5 + v).toString(), DemoData.village(0, v), "村委会及各村民小组",
                        String.valueOf(20 + v * 3 + month), String.valueOf((month + v) % 3), (month + v) % 5 == 0 ? "中" : "低",
                        ""));
            }
        }
        // the workbooks are made here, on the start-up thread, not on the event loop
        byte[] historyFile = Templates.xlsx(ImportKind.SCREENINGS, rows);
        UUID history = imports.upload(new ImportService.Upload(ImportKind.SCREENINGS, fileName,
                new ByteArrayInputStream(historyFile)), office, actor).id();
        waitFor(history, ImportJob.Status.VALIDATED);
        VertxContextSupport.subscribeAndAwait(() -> imports.confirm(history, office, actor));

        List<List<String>> faulty = List.of(
                List.of(year + "-03-08", DemoData.village(0, 1), "村委会", "18", "1", "低", ""),
                List.of(year + "-03-09", DemoData.village(1, 0), "村委会", "22", "0", "低", ""),
                List.of(year + "-02-30", DemoData.village(0, 2), "村委会", "15", "2", "很高", ""),
                List.of(year + "-03-08", DemoData.village(0, 1), "村委会", "18", "1", "低", ""));
        byte[] faultyFile = Templates.xlsx(ImportKind.SCREENINGS, faulty);
        UUID rejected = imports.upload(new ImportService.Upload(ImportKind.SCREENINGS, "云鹤镇排查台账（待修改）.xlsx",
                new ByteArrayInputStream(faultyFile)), office, actor).id();
        waitFor(history, ImportJob.Status.DONE);
        waitFor(rejected, ImportJob.Status.REJECTED);
        Log.infof("Demo onboarding: office1 imported %d screening rounds of %d (import %s); a file with mistakes was "
                + "checked and rejected (import %s)", rows.size(), year, history, rejected);
    }

    /** 城东社区's committee (云鹤镇's first village). */
    private static String chengdong() {
        return DemoData.TOWNSHIPS[0] + DemoData.VILLAGES[0][0] + "人民调解委员会";
    }

    /** Three mediators of 城东社区's committee, set up now (their history follows in the membership file). */
    static List<List<String>> mediators() {
        String committee = chengdong();
        String village = DemoData.village(0, 0);
        return List.of(
                List.of("yunhe-cd-hcl", "和春兰", "调解员", committee, village, ""),
                List.of("yunhe-cd-ylx", "杨立新", "调解员", committee, village, ""),
                List.of("yunhe-cd-lyf", "李永福", "调解员", committee, village, ""));
    }

    /**
     * Their 调委会成员 history: two joined 城东社区's committee on 1 March of last year at its 换届; the third served
     * 城西社区's committee from then and moved to 城东社区 on 1 September.
     */
    static List<List<String>> memberships(int year) {
        String chengdong = chengdong();
        String chengxi = DemoData.TOWNSHIPS[0] + DemoData.VILLAGES[0][1] + "人民调解委员会";
        String march = year + "-03-01";
        String september = year + "-09-01";
        return List.of(
                List.of("yunhe-cd-hcl", "", "", chengdong, DemoData.village(0, 0), march, "", "村（居）调委会换届选任"),
                List.of("yunhe-cd-lyf", "", "", chengdong, DemoData.village(0, 0), march, "", "村（居）调委会换届选任"),
                List.of("yunhe-cd-ylx", "", "", chengxi, DemoData.village(0, 1), march, september, "调往城东社区调委会"),
                List.of("yunhe-cd-ylx", "", "", chengdong, DemoData.village(0, 0), september, "", "由城西社区调委会调入"));
    }

    /**
     * Twelve cases 云鹤镇's committees concluded in May of last year: ten agreements (seven oral, three written), one
     * 调解不成 and one 终止调解, from visits, calls, the committees' own rounds and the police station.
     */
    static List<List<String>> mediationCases(int year) {
        String township = DemoData.TOWNSHIPS[0] + "人民调解委员会";
        String[][] cases = {
                // village, own committee?, source, transferred by, type, facts, applicant, respondent, result, form, received, concluded
                {"2", "村", "来访", "", "邻里纠纷", "排水沟堵塞致邻居院落积水", "杨*", "张*", "调解成功", "口头", "6", "8"},
                {"3", "村", "主动调解", "", "土地山林纠纷", "承包地界桩移位", "李*", "李*", "调解成功", "书面", "7", "14"},
                {"4", "村", "来电", "", "婚姻家庭纠纷", "赡养老人费用分担", "赵*", "赵*、赵*", "调解成功", "书面", "9", "16"},
                {"0", "镇", "派出所移送", "云鹤派出所", "损害赔偿纠纷", "酒后冲突致轻微伤", "段*", "和*", "调解成功", "书面", "10", "17"},
                {"5", "村", "来访", "", "邻里纠纷", "建房遮挡采光", "王*", "王*", "调解成功", "口头", "12", "13"},
                {"6", "村", "来访", "", "邻里纠纷", "牲畜啃食邻户庄稼", "洪*", "寸*", "调解成功", "口头", "13", "13"},
                {"1", "镇", "来访", "", "劳动纠纷", "装修工钱结算争议", "施*", "鹤庆县某装饰有限公司", "调解不成", "", "15", "22"},
                {"2", "村", "主动调解", "", "婚姻家庭纠纷", "兄弟分家宅基地争议", "杨*", "杨*", "调解成功", "口头", "16", "19"},
                {"3", "村", "来访", "", "土地山林纠纷", "林地边界争议", "张*", "李*", "终止调解", "", "19", "27"},
                {"4", "村", "来电", "", "邻里纠纷", "噪音扰邻", "赵*", "周*", "调解成功", "口头", "21", "21"},
                {"0", "镇", "来访", "", "消费纠纷", "农资质量争议", "和*", "云鹤镇某农资商店", "调解成功", "口头", "23", "26"},
                {"5", "村", "派出所移送", "云鹤派出所", "损害赔偿纠纷", "交通刮擦赔偿争议", "段*", "杨*", "调解成功", "口头", "26", "28"}};
        List<List<String>> rows = new ArrayList<>();
        for (String[] c : cases) {
            int v = Integer.parseInt(c[0]);
            String committee = c[1].equals("村") ? DemoData.TOWNSHIPS[0] + DemoData.VILLAGES[0][v] + "人民调解委员会"
                    : township;
            rows.add(Arrays.asList(year + "-05-" + String.format("%02d", Integer.parseInt(c[10])),
                    DemoData.village(0, v), committee, c[2], c[3], "", "", c[4], c[5], c[6], "", c[7], "", "", c[8],
                    c[9], year + "-05-" + String.format("%02d", Integer.parseInt(c[11])), "", "", ""));
        }
        return rows;
    }

    /** Four legal-aid cases of last year, each granted, assigned and closed that year. */
    static List<List<String>> aidCases(int year) {
        String firm = "云南鹤阳律师事务所";
        String centre = "鹤庆县法律援助中心";
        return List.of(
                Arrays.asList(year + "-03-04", DemoData.village(2, 3), "杨*华", "", "劳动报酬", "民事行政代理", "给予",
                        year + "-03-07", "", firm, "杨律师", year + "-03-08", year + "-06-18", "调解和解", "23600.00",
                        "建筑工地务工工资被拖欠"),
                Arrays.asList(year + "-04-11", DemoData.village(4, 2), "李*英", "", "赡养抚养扶养", "民事行政代理", "给予",
                        year + "-04-14", "", centre, "赵中心律师", year + "-04-15", year + "-08-02", "胜诉", "",
                        "子女拒绝支付赡养费"),
                Arrays.asList(year + "-05-20", DemoData.village(1, 4), "和*明", "", "工伤", "劳动争议调解与仲裁代理", "给予",
                        year + "-05-22", "", firm, "杨律师", year + "-05-23", year + "-10-30", "部分胜诉", "41200.50",
                        "工伤认定后的赔偿争议"),
                Arrays.asList(year + "-07-08", DemoData.village(6, 5), "段*", "", "刑事辩护", "刑事辩护与代理", "给予",
                        year + "-07-08", "", centre, "赵中心律师", year + "-07-09", year + "-09-26", "服务完成", "",
                        "法院通知辩护"));
    }

    private void importFile(String username, ImportKind kind, String fileName, List<List<String>> rows)
            throws Throwable {
        AccessScope scope = scope(username);
        Actor actor = actor(scope);
        byte[] file = Templates.xlsx(kind, rows);
        UUID id = imports.upload(new ImportService.Upload(kind, fileName, new ByteArrayInputStream(file)), scope, actor).id();
        if (!waitFor(id, ImportJob.Status.VALIDATED)) {
            return;
        }
        VertxContextSupport.subscribeAndAwait(() -> imports.confirm(id, scope, actor));
        if (waitFor(id, ImportJob.Status.DONE)) {
            Log.infof("Demo onboarding: %s imported %d rows of %s (import %s)", username, rows.size(), kind.label(), id);
        }
    }

    private static AccessScope scope(String username) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> DemoActivity.staff(username)));
    }

    private static Actor actor(AccessScope scope) {
        return new Actor(scope.accountId(), String.join(",", scope.roles()), null);
    }

    /** Waits for the import to reach {@code status}: true when it did, false (with a warning) otherwise. */
    private boolean waitFor(UUID id, ImportJob.Status status) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportJob job = store.find(id).await().indefinitely();
            if (job.status() == status) {
                return true;
            }
            if (job.status() == ImportJob.Status.REJECTED || job.status() == ImportJob.Status.FAILED) {
                Log.warnf("Demo onboarding: import %s ended %s (%s)", id, job.status(), job.failure());
                return false;
            }
            Thread.sleep(100);
        }
        Log.warnf("Demo onboarding: import %s not %s after a minute", id, status);
        return false;
    }
}
