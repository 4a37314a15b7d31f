package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.education.CatalogueService;
import org.publiclegal.education.Episode;
import org.publiclegal.education.Topic;
import org.publiclegal.education.ViewAggregation;
import org.publiclegal.education.ViewingService;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.BackdatedClock;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo county's 《律师普法》 column (鹤庆县司法局): 19 episodes by the county's lawyers, published through
 * the four-eyes review (written by {@code lawyer1}, {@code lawyer2}, {@code aid-lawyer}, approved by
 * {@code bureau}) at dates timed to the season from the first day of the month a year ago (as {@link DemoYear}) to
 * today, each written and submitted a few days before (the demo context's clock set back), three more waiting in
 * review, and a year of views (about 3,000, by 600 devices) recorded through the same service as the mini-program's
 * reports and aggregated into their days. Once only.
 */
@ApplicationScoped
public class EducationDemo {

    static final String COLUMN = "律师普法";
    private static final int DEVICES = 600;

    private record Script(String title, String summary, List<Topic> topics, List<String> lawRefs, int seconds,
                          String transcript) {
    }

    private static final List<Script> PUBLISHED = List.of(
            new Script("农民工欠薪怎么办", "工资被拖欠时如何保留证据、向谁投诉、怎样申请法律援助。", List.of(Topic.LABOUR_WAGES),
                    List.of("保障农民工工资支付条例第三条", "法律援助法第三十二条"), 185,
                    "干完活拿不到工钱，先别急。记下工地名称、包工头和总承包单位，保存考勤记录、工资条和聊天记录。可以拨打12345或到人社部门投诉，追索劳动报酬申请法律援助不受经济困难条件限制。"),
            new Script("签订劳动合同要注意什么", "入职时签订书面劳动合同的要点：期限、工资、社保和试用期。", List.of(Topic.LABOUR_WAGES, Topic.CIVIL_CODE),
                    List.of("劳动合同法第十条", "劳动合同法第十九条"), 210,
                    "用人单位自用工之日起一个月内应当订立书面劳动合同。签订劳动合同要看清工作内容、劳动报酬、社会保险和试用期，试用期不能超过法定期限，超过一个月不签合同的可以主张双倍工资。"),
            new Script("离婚时彩礼要不要退", "哪些情况下彩礼可以请求返还，返还多少。", List.of(Topic.MARRIAGE_FAMILY, Topic.CIVIL_CODE),
                    List.of("最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定"), 198,
                    "彩礼是否返还要看是否登记结婚、是否共同生活、共同生活时间长短和有无子女。办理结婚登记并共同生活的，离婚时一般不支持返还；共同生活时间短、彩礼数额过高的，可以酌情返还部分。"),
            new Script("接到“公检法”电话要你转账？是诈骗", "冒充公检法诈骗的常见话术和防范方法。", List.of(Topic.ANTI_FRAUD),
                    List.of("反电信网络诈骗法第二条"), 150,
                    "公检法机关不会通过电话办案，更不会要求转账到所谓安全账户。接到此类电话立即挂断，拨打110核实，下载国家反诈中心APP。"),
            new Script("宅基地能不能卖给城里人", "农村宅基地使用权转让的规定和风险。", List.of(Topic.LAND_HOMESTEAD),
                    List.of("土地管理法第六十二条"), 176,
                    "农村村民一户只能拥有一处宅基地。宅基地使用权不能单独转让给城镇居民，买卖合同可能被认定无效。出卖、出租住宅后再申请宅基地的，不予批准。"),
            new Script("老人赡养费怎么要", "子女不履行赡养义务时，老人如何维权。", List.of(Topic.ELDERLY, Topic.MARRIAGE_FAMILY),
                    List.of("民法典第一千零六十七条", "老年人权益保障法第十四条"), 165,
                    "成年子女不履行赡养义务的，缺乏劳动能力或者生活困难的父母有要求成年子女给付赡养费的权利。可以先找村委会和人民调解委员会调解，也可以直接向人民法院起诉。"),
            new Script("孩子在学校受伤谁负责", "校园伤害事故的责任划分。", List.of(Topic.MINORS, Topic.CIVIL_CODE),
                    List.of("民法典第一千一百九十九条", "民法典第一千二百条"), 190,
                    "无民事行为能力人在幼儿园、学校受到人身损害的，学校应当承担侵权责任，能够证明尽到教育、管理职责的除外。限制民事行为能力人受伤的，学校未尽到职责才承担责任。"),
            new Script("网购遇到假货怎么办", "七日无理由退货、假一赔三和投诉渠道。", List.of(Topic.CONSUMER),
                    List.of("消费者权益保护法第二十五条", "消费者权益保护法第五十五条"), 140,
                    "网购商品自收到之日起七日内可以无理由退货。经营者有欺诈行为的，消费者可以要求增加赔偿购买价款的三倍，不足五百元的按五百元计算。可拨打12315投诉。"),
            new Script("交通事故私了要注意什么", "交通事故自行协商的条件和协议要点。", List.of(Topic.ROAD_TRAFFIC),
                    List.of("道路交通安全法第七十条"), 160,
                    "未造成人身伤亡、当事人对事实和成因无争议的，可以撤离现场自行协商。协议要写明双方身份、车辆、事故经过、责任和赔偿金额，最好拍照留存现场。"),
            new Script("宪法与我们的生活", "国家宪法日：宪法规定的公民基本权利和义务。", List.of(Topic.CONSTITUTION),
                    List.of("宪法第三十三条"), 220,
                    "每年12月4日是国家宪法日。宪法规定公民在法律面前一律平等，国家尊重和保障人权。受教育既是公民的权利也是义务。"),
            new Script("申请法律援助需要什么材料", "法律援助的申请条件、材料和办理时限。", List.of(Topic.AID_AND_MEDIATION),
                    List.of("法律援助法第四十一条", "法律援助法第四十三条"), 175,
                    "申请法律援助需要身份证明、经济困难状况说明和与案件有关的材料。法律援助机构应当自收到申请之日起七日内审查，作出是否给予法律援助的决定。"),
            new Script("邻里纠纷找人民调解", "人民调解免费、自愿，调解协议有法律约束力。", List.of(Topic.AID_AND_MEDIATION),
                    List.of("人民调解法第四条", "人民调解法第三十一条"), 155,
                    "人民调解不收费，当事人自愿参加。经人民调解委员会调解达成的调解协议具有法律约束力，当事人可以共同向人民法院申请司法确认。"),
            new Script("借钱给别人要打借条", "民间借贷借条的写法和诉讼时效。", List.of(Topic.CIVIL_CODE),
                    List.of("民法典第六百六十八条", "民法典第一百八十八条"), 168,
                    "借条要写明出借人、借款人、金额大小写、借款日期、还款日期和利息，由借款人签名按手印。向人民法院请求保护民事权利的诉讼时效期间为三年。"),
            new Script("工伤认定怎么申请", "工伤认定的申请时限和材料。", List.of(Topic.LABOUR_WAGES),
                    List.of("工伤保险条例第十七条"), 200,
                    "职工发生事故伤害，用人单位应当自事故发生之日起三十日内提出工伤认定申请；用人单位未申请的，职工或者近亲属可以在一年内直接申请。"),
            new Script("刷单返利都是诈骗", "网络刷单诈骗的套路。", List.of(Topic.ANTI_FRAUD),
                    List.of("反电信网络诈骗法第六条"), 135,
                    "所有刷单都是诈骗。骗子先让你做小单尝到甜头，再以任务未完成为由要求你不断垫付，最后卷款消失。"),
            new Script("遗嘱怎么写才有效", "自书遗嘱、代书遗嘱和公证遗嘱的要求。", List.of(Topic.CIVIL_CODE, Topic.ELDERLY),
                    List.of("民法典第一千一百三十四条", "民法典第一千一百三十五条"), 205,
                    "自书遗嘱由遗嘱人亲笔书写，签名，注明年、月、日。代书遗嘱应当有两个以上见证人在场见证。立有数份遗嘱内容相抵触的，以最后的遗嘱为准。"),
            new Script("家暴不是家务事", "人身安全保护令的申请。", List.of(Topic.MARRIAGE_FAMILY),
                    List.of("反家庭暴力法第二十三条"), 180,
                    "遭受家庭暴力或者面临家庭暴力现实危险的，可以向人民法院申请人身安全保护令。人民法院应当在七十二小时内作出裁定，情况紧急的二十四小时内作出。"),
            new Script("未成年人网络保护", "防沉迷、个人信息和网络欺凌。", List.of(Topic.MINORS),
                    List.of("未成年人保护法第七十四条"), 158,
                    "网络游戏、网络直播等服务提供者不得向未成年人提供诱导其沉迷的产品和服务。处理不满十四周岁未成年人个人信息应当征得其父母或者其他监护人同意。"),
            new Script("土地承包经营权流转", "承包地流转合同要点。", List.of(Topic.LAND_HOMESTEAD),
                    List.of("农村土地承包法第三十六条"), 170,
                    "承包方可以自主决定依法采取出租、入股或者其他方式向他人流转土地经营权，并向发包方备案。流转合同应当采用书面形式，写明期限和价款。"));

    private static final List<Script> IN_REVIEW = List.of(
            new Script("二手房买卖定金与订金", "定金罚则和订金的区别。", List.of(Topic.CIVIL_CODE, Topic.CONSUMER),
                    List.of("民法典第五百八十七条"), 150, "定金适用定金罚则，订金一般只能退还。"),
            new Script("养老诈骗的常见套路", "以投资养老项目为名的诈骗。", List.of(Topic.ANTI_FRAUD, Topic.ELDERLY),
                    List.of("反电信网络诈骗法第二条"), 145, "高息养老投资、保健品会销多为骗局。"),
            new Script("被拖欠工程款怎么办", "建设工程价款优先受偿权。", List.of(Topic.LABOUR_WAGES),
                    List.of("民法典第八百零七条"), 190, "承包人可以请求将工程折价或者拍卖的价款优先受偿。"));

    private final AppConfig config;
    private final CatalogueService catalogue;
    private final ViewingService viewing;
    private final ViewAggregation aggregation;
    private final Clock clock;

    public EducationDemo(AppConfig config, CatalogueService catalogue, ViewingService viewing,
                         ViewAggregation aggregation, Clock clock) {
        this.config = config;
        this.catalogue = catalogue;
        this.viewing = viewing;
        this.aggregation = aggregation;
        this.clock = clock;
    }

    /** One step of the demo county, in its order ({@link DemoLoader}). */
    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        long started = System.nanoTime();
        Integer views = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                DemoActivity.staff("bureau").chain(bureau -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "select count(*) from edu_column where organisation_id = :org and name = :name", Long.class)
                        .setParameter("org", bureau.organisationId()).setParameter("name", COLUMN).getSingleResult())
                        .chain(n -> n > 0 ? Uni.createFrom().item(0) : record(bureau)))));
        if (views > 0) {
            Long aggregated = VertxContextSupport.subscribeAndAwait(aggregation::run);
            Log.infof("Demo 普法 videos: 《%s》 with %d episodes published, %d in review, %d plays (%d events aggregated), in %d ms",
                    COLUMN, PUBLISHED.size(), IN_REVIEW.size(), views, aggregated, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * When each of {@link #PUBLISHED} comes out in the year (as month-day; the year is the one that puts it between
     * the demo's first day and today), timed to the season: 欠薪 before 春节, 彩礼 in the wedding season, 劳动合同
     * when workers leave after the holiday, 3·15, 春耕 and 清明, 儿童节, the school term, 国家宪法日 (12月4日).
     */
    static final List<MonthDay> PUBLISHED_ON = List.of(
            MonthDay.of(12, 18),  // 农民工欠薪怎么办: 根治欠薪冬季行动
            MonthDay.of(2, 26),   // 签订劳动合同要注意什么: back to work after 春节
            MonthDay.of(1, 15),   // 离婚时彩礼要不要退: the wedding season
            MonthDay.of(12, 8),   // “公检法”电话诈骗: year-end
            MonthDay.of(4, 15),   // 宅基地
            MonthDay.of(1, 28),   // 老人赡养费: before 春节
            MonthDay.of(9, 2),    // 孩子在学校受伤: the new term
            MonthDay.of(3, 10),   // 网购遇到假货: 3·15
            MonthDay.of(7, 20),   // 交通事故私了: the summer holidays
            MonthDay.of(12, 1),   // 宪法与我们的生活: 国家宪法日 12月4日
            MonthDay.of(11, 5),   // 申请法律援助需要什么材料
            MonthDay.of(6, 18),   // 邻里纠纷找人民调解
            MonthDay.of(10, 14),  // 借钱给别人要打借条
            MonthDay.of(8, 12),   // 工伤认定怎么申请
            MonthDay.of(5, 12),   // 刷单返利都是诈骗
            MonthDay.of(4, 2),    // 遗嘱怎么写才有效: 清明
            MonthDay.of(11, 25),  // 家暴不是家务事: 国际消除对妇女暴力日
            MonthDay.of(6, 1),    // 未成年人网络保护: 儿童节
            MonthDay.of(3, 24));  // 土地承包经营权流转: 春耕

    /** The day {@code md} falls on in the demo's year ({@link DemoYear#first} … yesterday): its latest such day. */
    static LocalDate publicationDay(MonthDay md, LocalDate today) {
        LocalDate day = md.atYear(today.getYear());
        return day.isBefore(today) ? day : md.atYear(today.getYear() - 1);
    }

    private Uni<Integer> record(AccessScope bureau) {
        Random random = new Random(2026);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeSource.CHINA);
        LocalDate first = DemoYear.first(today);
        // the column was set up before the demo's year, each episode written and submitted a few days before its
        // publication; those in review were written in the last days
        return backdated(at(first.minusDays(20), 9), now, () -> catalogue.createColumn(new CatalogueService.NewColumn(COLUMN,
                        "组织全县公职律师、执业律师拍摄的普法宣传短视频，每期三分钟讲清一个身边的法律问题。"), bureau))
                .chain(column -> DemoActivity.staff("lawyer1").chain(l1 -> DemoActivity.staff("lawyer2").chain(l2 -> DemoActivity.staff("aid-lawyer").chain(aid -> {
                    List<AccessScope> writers = List.of(l1, l2, aid);
                    List<String> names = List.of("杨律师", "段律师", "赵中心律师");
                    List<String> firms = List.of("云南鹤阳律师事务所", "云南草海律师事务所", "鹤庆县法律援助中心");
                    // published in the order of their days, so 期 numbers follow the dates
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < PUBLISHED.size() + IN_REVIEW.size(); i++) {
                        order.add(i);
                    }
                    order.sort(Comparator.comparing((Integer i) -> i < PUBLISHED.size()
                            ? publicationDay(PUBLISHED_ON.get(i), today) : today));
                    List<Instant> published = new ArrayList<>();
                    List<UUID> ids = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (int n : order) {
                        boolean publish = n < PUBLISHED.size();
                        Script script = publish ? PUBLISHED.get(n) : IN_REVIEW.get(n - PUBLISHED.size());
                        int w = n % writers.size();
                        Instant on = publish ? at(publicationDay(PUBLISHED_ON.get(n), today), 10) : null;
                        LocalDate written = publish ? publicationDay(PUBLISHED_ON.get(n), today).minusDays(5)
                                : DemoSeason.max(first, today.minusDays(3L * (n - PUBLISHED.size()) + 3));
                        Episode.Content content = new Episode.Content(script.title(), script.summary(), script.topics(),
                                script.lawRefs(), script.seconds(), "https://video.example.cn/covers/lvshi-pufa-" + (n + 1) + ".jpg",
                                "/pufa/lvshi/" + String.format("%03d", n + 1) + ".mp4", names.get(w),
                                w == 2 ? "公职律师" : "执业律师", firms.get(w), null, script.transcript());
                        chain = chain.chain(() -> backdated(at(written, 16), now, () -> catalogue.draft(column.id, content, writers.get(w)))
                                .chain(f -> backdated(at(written.plusDays(1), 11), now, () -> catalogue.submit(f.episode().id, writers.get(w))))
                                .chain(f -> publish ? backdated(on, now, () -> catalogue.approve(f.episode().id, bureau, on))
                                        : Uni.createFrom().item(f))
                                .invoke(f -> {
                                    if (publish) {
                                        ids.add(f.episode().id);
                                        published.add(on);
                                    }
                                }).replaceWithVoid());
                    }
                    return chain.invoke(() -> BackdatedClock.setFor(null)).chain(() -> views(ids, published, now, random));
                }))))
                .eventually(() -> BackdatedClock.setFor(null));
    }

    /**
     * {@code work} with the demo context's clock set to {@code at}, never later than {@code now} (the real time, read
     * before any setting back: the clock read here may already be set back).
     */
    private static <T> Uni<T> backdated(Instant at, Instant now, Supplier<Uni<T>> work) {
        return Uni.createFrom().voidItem().invoke(() -> BackdatedClock.setFor(at.isBefore(now) ? at : now)).chain(work::get);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(TimeSource.CHINA).toInstant();
    }

    /** About 3,000 views: earlier and practical episodes get more; ~45% watched to the end. */
    private Uni<Integer> views(List<UUID> episodes, List<Instant> published, Instant now, Random random) {
        return viewing.importViews(reports(episodes, published, now, random)).map(i -> (int) i.plays());
    }

    /**
     * The demo's view reports (random, seeded), loaded in one statement by {@link ViewingService#importViews}
     * with the rows and ledger events the per-view path would write for them (ViewImportTest pins that). An episode
     * is watched most in its first weeks (two reports in five fall within about 12 days of its publication) and then
     * steadily until now; a report falls in a busy farming month less often ({@link DemoSeason}).
     */
    public static List<ViewingService.ViewReport> reports(List<UUID> episodes, List<Instant> published, Instant now, Random random) {
        List<ViewingService.ViewReport> views = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            long seconds = Duration.between(published.get(i), now).getSeconds();
            int count = (int) (40 + 260 * Math.pow(0.88, i % 10) * (seconds / 86_400.0 / 365 + 0.3));
            for (int k = 0; k < count; k++) {
                Instant at = viewedAt(published.get(i), seconds, random);
                String device = String.format("demo-device-%06d", random.nextInt(DEVICES));
                int progress = random.nextInt(100) < 45 ? 90 + random.nextInt(11) : 5 + random.nextInt(80);
                views.add(new ViewingService.ViewReport(episodes.get(i), device, progress, at));
            }
        }
        return views;
    }

    /** When one report of an episode published at {@code published} ({@code seconds} before now) came in. */
    static Instant viewedAt(Instant published, long seconds, Random random) {
        Instant at = published;
        for (int tries = 0; tries < 8; tries++) {
            long offset = random.nextInt(5) < 2 ? (long) (-Math.log(1 - random.nextDouble()) * 12 * 86_400) : seconds;
            if (offset >= seconds) {
                // spread over the whole time since (not piled up just before now)
                offset = (long) (random.nextDouble() * seconds);
            }
            at = published.plusSeconds(offset);
            double weight = DemoSeason.weight(LocalDate.ofInstant(at, TimeSource.CHINA).getMonth());
            if (random.nextDouble() * DemoSeason.peak() < weight) {
                return at;
            }
        }
        return at;
    }
}
