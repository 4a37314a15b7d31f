package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.AdvisorService;
import org.publiclegal.advisory.ContractService;
import org.publiclegal.advisory.CoverageService;
import org.publiclegal.advisory.PracticeCategory;
import org.publiclegal.advisory.ServiceKind;
import org.publiclegal.advisory.ServiceMode;
import org.publiclegal.advisory.ServiceRecordService;
import org.publiclegal.advisory.booking.AvailabilityService;
import org.publiclegal.advisory.booking.Booking;
import org.publiclegal.advisory.booking.BookingRepository;
import org.publiclegal.advisory.booking.BookingService;
import org.publiclegal.advisory.booking.BookingStatus;
import org.publiclegal.advisory.booking.BookingTopic;
import org.publiclegal.advisory.booking.SlotCalculator;
import org.publiclegal.identity.Account;
import org.publiclegal.identity.AuthService;
import org.publiclegal.identity.StaffCredential;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.crypto.PersonalDataCipher;
import org.publiclegal.shared.domain.BackdatedClock;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The demo county's village legal advisors ({@code advisor1} … {@code advisor12} in the two law firms): advisor
 * details, contracts signed by each 司法所 from July last year and renewed this July, covering 58 of the 63
 * villages (龙开口镇's last three villages had a contract for the first half of this year only, 六合彝族乡's last
 * two never had one), weekly availability, and the year of service records and bookings from the first day of the
 * month a year ago (as {@link DemoYear}) to yesterday, shaped by the farming calendar ({@link DemoSeason}) — the
 * counted ones entered through the services on their days, so the coverage ledger, 审查和建议, 讲座 and 参与人次
 * come out month by month as real use would write them. A few villages fall short of their on-site hours this month
 * or of this quarter's lecture. Once only; after {@link DemoActivity}.
 */
@ApplicationScoped
public class AdvisoryDemo {

    static final int ADVISORS = 12;
    private static final String[] NAMES = {"杨志远", "段丽华", "李明", "赵永刚", "和晓燕", "张建国", "洪雪梅", "寸立新",
            "施海涛", "王秀芝", "董文斌", "罗春兰"};
    private static final BookingTopic[] TOPICS = BookingTopic.values();
    private static final ServiceKind[] REVIEWS = {ServiceKind.CONTRACT_REVIEW, ServiceKind.LEGAL_OPINION,
            ServiceKind.RULES_AND_DECISIONS_REVIEW};

    private final AppConfig config;
    private final AdvisorService advisors;
    private final ContractService contracts;
    private final CoverageService coverage;
    private final AvailabilityService availability;
    private final ServiceRecordService records;
    private final BookingService bookings;
    private final BookingRepository bookingRows;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public AdvisoryDemo(AppConfig config, AdvisorService advisors, ContractService contracts, CoverageService coverage,
                        AvailabilityService availability, ServiceRecordService records, BookingService bookings,
                        BookingRepository bookingRows, PersonalDataCipher cipher, Clock clock) {
        this.config = config;
        this.advisors = advisors;
        this.contracts = contracts;
        this.coverage = coverage;
        this.availability = availability;
        this.records = records;
        this.bookings = bookings;
        this.bookingRows = bookingRows;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** One step of the demo county, in its order ({@link DemoLoader}). */
    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        long started = System.nanoTime();
        String hash = AuthService.hashPassword(DemoData.PASSWORD, config.auth().bcryptCost());
        Boolean loaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from adv_advisor", Long.class)
                        .getSingleResult()).chain(n -> n > 0 ? Uni.createFrom().item(false)
                        : setUp(hash).replaceWith(true))));
        if (!loaded) {
            return;
        }
        LocalDate today = coverage.today();
        for (int t = 0; t < DemoData.TOWNSHIPS.length; t++) {
            int township = t;
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> year(township, today)));
        }
        Integer flips = VertxContextSupport.subscribeAndAwait(() -> coverage.syncDue(today));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> upcoming(today)));
        Log.infof("Demo advisors loaded: %d advisors, contracts for 58 of 63 villages (%d coverage changes since), "
                + "a year of service records and bookings, in %d ms", ADVISORS, flips, (System.nanoTime() - started) / 1_000_000);
    }

    private static String username(int k) {
        return "advisor" + (k + 1);
    }

    /** The advisor accounts, their details, availability and contracts. */
    private Uni<Void> setUp(String hash) {
        Instant now = clock.instant();
        return DemoActivity.staff("bureau").chain(bureau -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select id, region_code from organisation where type = 'LAW_FIRM' order by name", Object[].class)
                .getResultList()).chain(firms -> {
            List<Object> rows = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            for (int k = 0; k < ADVISORS; k++) {
                Object[] firm = firms.get(k % firms.size());
                Account a = Account.staff(NAMES[k] + "（法律顾问）", Set.of(Roles.LAWYER), (UUID) firm[0], (String) firm[1], now);
                StaffCredential c = new StaffCredential();
                c.accountId = a.id;
                c.username = username(k);
                c.passwordHash = hash;
                c.changedAt = now;
                rows.add(a);
                rows.add(c);
                ids.add(a.id);
                organisationOf.put(a.id, a.organisationId);
            }
            advisorIds.addAll(ids);
            Actor actor = new Actor(bureau.accountId(), Roles.BUREAU_ADMIN, null);
            Uni<Void> chain = Panache.getSession().chain(s -> s.persistAll(rows.toArray()).call(s::flush));
            for (int k = 0; k < ADVISORS; k++) {
                int n = k;
                chain = chain.chain(() -> advisors.register(new AdvisorService.Registration(ids.get(n),
                        n % 4 == 3 ? PracticeCategory.GRASSROOTS_WORKER : PracticeCategory.LAWYER,
                        "15329" + String.format("%012d", 201100000L + n), 2005 + n), bureau, actor).replaceWithVoid());
            }
            return chain.chain(() -> contractsAndAvailability(ids));
        }));
    }

    /** Advisor for a group of a township's villages: two groups per township, shared out over the advisors. */
    private static int advisorOf(int township, int group) {
        return (township * 2 + group) % ADVISORS;
    }

    private Uni<Void> contractsAndAvailability(List<UUID> ids) {
        LocalDate today = coverage.today();
        int year = today.getYear();
        LocalDate lastJuly = LocalDate.of(year - 1, 7, 1);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int t = 0; t < DemoData.TOWNSHIPS.length; t++) {
            int township = t;
            chain = chain.chain(() -> DemoActivity.staff("office" + (township + 1)).chain(office -> {
                Actor actor = new Actor(office.accountId(), Roles.JUDICIAL_OFFICE, null);
                Uni<Void> signed = Uni.createFrom().voidItem();
                for (int g = 0; g < 2; g++) {
                    List<String> villages = villages(township, g);
                    UUID advisor = ids.get(advisorOf(township, g));
                    if (villages.isEmpty()) {
                        continue;
                    }
                    boolean halfYearOnly = township == 7 && g == 1;
                    LocalDate start = halfYearOnly ? LocalDate.of(year, 1, 1) : lastJuly;
                    LocalDate end = halfYearOnly ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 6, 30);
                    signed = signed.chain(() -> contracts.signAsOf(new ContractService.Terms(advisor, villages, start,
                                    end, 4, 1), office, actor, start.isAfter(today) ? today : start)
                            .chain(s -> halfYearOnly ? Uni.createFrom().voidItem()
                                    : contracts.renewAsOf(s.contract().id, LocalDate.of(year + 1, 6, 30), office, actor,
                                    s.contract().endsOn.plusDays(1).isAfter(today) ? today : s.contract().endsOn.plusDays(1))
                                    .replaceWithVoid()));
                }
                return signed;
            }));
        }
        for (int k = 0; k < ADVISORS; k++) {
            UUID advisor = ids.get(k);
            int township = (k / 2) % DemoData.TOWNSHIPS.length;
            String village = villages(township, k % 2).get(0);
            AccessScope self = new AccessScope(advisor, Set.of(Roles.LAWYER), null, null);
            LocalDate from = LocalDate.of(year, 1, 1);
            chain = chain.chain(() -> availability.addRule(advisor, new AvailabilityService.WeeklyHours(DayOfWeek.WEDNESDAY,
                            LocalTime.of(9, 0), LocalTime.of(12, 0), ServiceMode.ON_SITE, village, 30, from, null), self))
                    .chain(() -> availability.addRule(advisor, new AvailabilityService.WeeklyHours(DayOfWeek.MONDAY,
                            LocalTime.of(14, 30), LocalTime.of(17, 30), ServiceMode.PHONE, null, 30, from, null), self))
                    .chain(() -> availability.addRule(advisor, new AvailabilityService.WeeklyHours(DayOfWeek.FRIDAY,
                            LocalTime.of(15, 0), LocalTime.of(17, 0), ServiceMode.VIDEO, null, 30, from, null), self))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** The villages of a township's group 0 (the first four) or 1 (the rest); 六合彝族乡's last two have none. */
    static List<String> villages(int township, int group) {
        List<String> out = new ArrayList<>();
        int n = DemoData.VILLAGES[township].length;
        int last = township == 8 ? n - 2 : n;
        for (int v = group == 0 ? 0 : 4; v < (group == 0 ? Math.min(4, last) : last); v++) {
            out.add(DemoData.village(township, v));
        }
        return out;
    }

    /** One item of the year's work: a service record, or a past booking. */
    record Work(UUID advisor, String village, Instant at, ServiceKind kind, int minutes, Integer attendance,
                BookingStatus booking, int rating) {
    }

    /** A township's year of work: the records that count in the figures, and the rest (consultations, bookings). */
    record Plan(List<Work> counted, List<Work> plain) {
    }

    /**
     * The year's work of one township's covered villages, from the first day of the month a year ago (or the
     * contract's start, if later) to yesterday, shaped by {@link DemoSeason}: every month the advisor's four hours on
     * site, a review now and then (more in winter and spring), bookings; one lecture a quarter in a month drawn by
     * the season (one village in ten skips it; the current quarter's lecture lies in its days so far). Pure: the
     * seeded random and today decide it.
     */
    static Plan plan(int township, LocalDate today, Random random) {
        List<Work> counted = new ArrayList<>();
        List<Work> plain = new ArrayList<>();
        LocalDate first = DemoYear.first(today);
        YearMonth thisMonth = YearMonth.from(today);
        for (int g = 0; g < 2; g++) {
            for (String village : villages(township, g)) {
                boolean halfYearOnly = township == 7 && g == 1;
                LocalDate signed = halfYearOnly ? LocalDate.of(today.getYear(), 1, 1) : LocalDate.of(today.getYear() - 1, 7, 1);
                LocalDate from = DemoSeason.max(first, signed);
                LocalDate until = halfYearOnly ? LocalDate.of(today.getYear(), 6, 30) : today.minusDays(1);
                for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(until); month = month.plusMonths(1)) {
                    LocalDate lo = DemoSeason.max(month.atDay(1), from);
                    LocalDate hi = DemoSeason.min(month.atEndOfMonth(), until);
                    if (lo.isAfter(hi)) {
                        continue;
                    }
                    int days = (int) (hi.toEpochDay() - lo.toEpochDay()) + 1;
                    boolean current = month.equals(thisMonth);
                    LocalDate day = lo.plusDays(random.nextInt(Math.min(27, days)));
                    // a few villages fall behind this month: 2 of the committed 4 on-site hours so far
                    int minutes = current && random.nextInt(6) == 0 ? 120 : 240;
                    plain.add(new Work(null, village, at(day, 9), ServiceKind.CONSULTATION, minutes, null, null, 0));
                    // per average month, in proportion to the month's days in the range (this month: so far)
                    double share = (double) days / month.lengthOfMonth();
                    if (DemoSeason.happens(random, 0.2 * share, month.getMonth())) {
                        counted.add(new Work(null, village, at(lo.plusDays(random.nextInt(days)), 14),
                                REVIEWS[random.nextInt(REVIEWS.length)], 60, null, null, 0));
                    }
                    if (DemoSeason.happens(random, 0.45 * share, month.getMonth())) {
                        int roll = random.nextInt(10);
                        BookingStatus status = roll < 7 ? BookingStatus.COMPLETED : roll == 7 ? BookingStatus.CANCELLED
                                : roll == 8 ? BookingStatus.DECLINED : BookingStatus.NO_SHOW;
                        int rating = status != BookingStatus.COMPLETED || random.nextInt(5) == 0 ? 0
                                : random.nextInt(12) == 0 ? 2 : 4 + random.nextInt(2);
                        plain.add(new Work(null, village, at(lo.plusDays(random.nextInt(days)), 10), null, 30, null,
                                status, rating));
                    }
                    // the quarter's lecture, drawn once, in the quarter's last month or the range's; one that fell
                    // before the demo's first day is not written (the demo's year starts there)
                    if (month.getMonthValue() % 3 == 0 || month.plusMonths(1).atDay(1).isAfter(until)) {
                        LocalDate held = DemoSeason.dayInQuarter(random, lo, signed, until);
                        if (held != null && !held.isBefore(from) && random.nextInt(10) > 0) {
                            counted.add(new Work(null, village, at(held, 15), ServiceKind.LECTURE, 90,
                                    (int) Math.round((20 + random.nextInt(60)) * DemoSeason.weight(held.getMonth())),
                                    null, 0));
                        }
                    }
                }
            }
        }
        return new Plan(counted, plain);
    }

    /**
     * A year of work for one township. The records that count in the figures (reviews, lectures) go through
     * {@link ServiceRecordService#record} one by one, each on its day (the demo's context clock set back to the
     * evening it was entered), so the ledger is written as in real use; the on-site consultations and the past
     * bookings (which count in no figure) are inserted as one batch, which keeps the demo's start-up to seconds.
     */
    private Uni<Void> year(int township, LocalDate today) {
        Random random = new Random(2026L * (township + 1));
        Plan plan = plan(township, today, random);
        List<UUID> residents = new ArrayList<>();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select id from account where wechat_openid like 'fake-resident%' order by wechat_openid", UUID.class)
                .getResultList()).invoke(residents::addAll)
                .chain(() -> DemoActivity.staff("office" + (township + 1)))
                .chain(office -> batch(plan.plain(), residents, random, office))
                .chain(() -> Multi.createFrom().iterable(plan.counted()).onItem().transformToUniAndConcatenate(w -> {
                    UUID advisor = advisorFor(w.village());
                    Instant entered = w.at().plus(Duration.ofMinutes(w.minutes() + 30));
                    return Uni.createFrom().voidItem().invoke(() -> BackdatedClock.setFor(entered))
                            .chain(() -> records.record(new ServiceRecordService.Entry(w.village(), w.at(), w.minutes(),
                                            w.kind(), ServiceMode.ON_SITE, summary(w.kind()), w.kind() == ServiceKind.LECTURE
                                            ? w.attendance() : 2, w.kind() == ServiceKind.LECTURE ? "民法典进农村：婚姻家庭与继承"
                                            : null, w.attendance()),
                                    new AccessScope(advisor, Set.of(Roles.LAWYER), null, null), new Actor(advisor, Roles.LAWYER, null)));
                }).collect().last().replaceWithVoid())
                .eventually(() -> BackdatedClock.setFor(null));
    }

    /** The on-site consultations and past bookings (each completed one with its consultation record), in one batch. */
    private Uni<Void> batch(List<Work> plain, List<UUID> residents, Random random, AccessScope office) {
        List<Booking> booked = new ArrayList<>();
        List<org.publiclegal.advisory.ServiceRecord> recorded = new ArrayList<>();
        Instant now = clock.instant();
        for (Work w : plain) {
            UUID advisor = advisorFor(w.village());
            UUID org = organisationOf.get(advisor);
            if (w.booking() == null) {
                recorded.add(record(advisor, org, w.village(), w.at(), w.minutes(), ServiceMode.ON_SITE,
                        summary(ServiceKind.CONSULTATION), 1 + random.nextInt(4), null, now));
                continue;
            }
            Booking b = pastBooking(w, advisor, org, residents.get(random.nextInt(residents.size())), office);
            booked.add(b);
            if (b.status == BookingStatus.COMPLETED) {
                recorded.add(record(advisor, org, w.village(), b.startsAt, 30, ServiceMode.PHONE,
                        "演示数据：电话解答" + b.topic.label + "问题", 1, b.id, now));
            }
        }
        return Panache.getSession().chain(s -> s.persistAll(booked.toArray()).call(s::flush)
                .chain(() -> s.persistAll(recorded.toArray())).call(s::flush)
                .invoke(() -> recorded.stream().filter(r -> r.bookingId != null).forEach(r -> booked.stream()
                        .filter(b -> b.id.equals(r.bookingId)).findFirst().ifPresent(b -> b.serviceRecordId = r.id)))
                .call(s::flush));
    }

    private static org.publiclegal.advisory.ServiceRecord record(UUID advisor, UUID org, String village, Instant at,
                                                                 int minutes, ServiceMode mode, String summary,
                                                                 int persons, UUID booking, Instant now) {
        org.publiclegal.advisory.ServiceRecord r = new org.publiclegal.advisory.ServiceRecord();
        r.id = UUID.randomUUID();
        r.advisorId = advisor;
        r.organisationId = org;
        r.villageCode = village;
        r.startedAt = at;
        r.durationMinutes = minutes;
        r.kind = ServiceKind.CONSULTATION;
        r.mode = mode;
        r.summary = summary;
        r.personsServed = persons;
        r.bookingId = booking;
        r.recordedBy = advisor;
        // entered the evening of the service
        Instant entered = at.plus(Duration.ofMinutes(minutes + 30L));
        r.createdAt = entered.isBefore(now) ? entered : now;
        return r;
    }

    private final java.util.Map<UUID, UUID> organisationOf = new java.util.HashMap<>();

    private UUID advisorFor(String village) {
        for (int t = 0; t < DemoData.TOWNSHIPS.length; t++) {
            for (int g = 0; g < 2; g++) {
                if (villages(t, g).contains(village)) {
                    return advisorIds.get(advisorOf(t, g));
                }
            }
        }
        throw new IllegalStateException(village);
    }

    private final List<UUID> advisorIds = new ArrayList<>();

    /** A booking that took place in the past, as it ended (its slot has passed, so it cannot be booked now). */
    private Booking pastBooking(Work w, UUID advisor, UUID org, UUID resident, AccessScope office) {
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.advisorId = advisor;
        b.organisationId = org;
        b.residentId = resident;
        b.villageCode = w.village();
        b.mode = ServiceMode.PHONE;
        b.topic = TOPICS[Math.abs(b.id.hashCode()) % TOPICS.length];
        b.keyId = cipher.activeKeyId();
        b.descriptionCipher = cipher.encrypt("演示数据：想咨询" + b.topic.label + "方面的问题", "adv_booking.description:" + b.id);
        b.startsAt = w.at();
        b.endsAt = w.at().plus(Duration.ofMinutes(30));
        b.booked(w.at().minus(Duration.ofDays(3)));
        switch (w.booking()) {
            case DECLINED -> b.decline("当天在县法院开庭", w.at().minus(Duration.ofDays(2)));
            case CANCELLED -> {
                b.confirm(w.at().minus(Duration.ofDays(2)));
                b.cancel("临时有事", config.advisory().cancellationNotice(), w.at().minus(Duration.ofHours(1)));
            }
            case NO_SHOW -> {
                b.confirm(w.at().minus(Duration.ofDays(2)));
                b.noShow(w.at().plus(Duration.ofMinutes(20)));
            }
            default -> {
                b.confirm(w.at().minus(Duration.ofDays(2)));
                b.complete(null, w.at().plus(Duration.ofMinutes(30)));
                if (w.rating() > 0) {
                    Instant rated = w.at().plus(Duration.ofHours(5));
                    b.rate(w.rating(), w.rating() <= 2 ? "演示数据：回答太简单" : "演示数据：很耐心",
                            rated.plus(Duration.ofDays(1)), rated);
                    // this month's 差评 still await the 司法所's callback
                    if (b.isBadRating() && rated.isBefore(clock.instant().minus(Duration.ofDays(7)))) {
                        b.callback(office.accountId(), "演示数据：已电话回访，顾问补充解答，群众表示满意",
                                rated.plus(Duration.ofHours(20)));
                    }
                }
            }
        }
        return b;
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(TimeSource.CHINA).toInstant();
    }

    private static String summary(ServiceKind kind) {
        return switch (kind) {
            case CONSULTATION -> "演示数据：村（社区）法律服务室坐班，接待群众咨询";
            case CONTRACT_REVIEW -> "演示数据：审查村集体土地流转合同";
            case LEGAL_OPINION -> "演示数据：就村道修建占地补偿出具法律意见";
            case RULES_AND_DECISIONS_REVIEW -> "演示数据：审查村规民约修订稿";
            case LECTURE -> "演示数据：法治讲座";
            default -> "演示数据";
        };
    }

    /** Bookings in the coming days, through the booking service (a resident's request, some confirmed). */
    private Uni<Void> upcoming(LocalDate today) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select id from account where wechat_openid like 'fake-resident%' order by wechat_openid", UUID.class)
                .getResultList()).chain(residents -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int k = 0; k < 6; k++) {
                UUID advisor = advisorIds.get(k);
                UUID resident = residents.get(k);
                int n = k;
                chain = chain.chain(() -> availability.freeSlots(advisor, today.plusDays(1), today.plusDays(8),
                                ServiceMode.PHONE)
                        .chain(slots -> {
                            if (slots.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            SlotCalculator.Slot slot = slots.get(n % slots.size());
                            AccessScope scope = new AccessScope(resident, Set.of(Roles.RESIDENT), null, null);
                            return bookings.book(new BookingService.Request(advisor, slot.start(), ServiceMode.PHONE,
                                            TOPICS[n % TOPICS.length], "演示数据：想咨询" + TOPICS[n % TOPICS.length].label,
                                            DemoData.village(n, 2)), scope)
                                    .chain(b -> n % 2 == 0 ? bookings.confirm(b.id, new AccessScope(advisor,
                                            Set.of(Roles.LAWYER), null, null)) : Uni.createFrom().item(b))
                                    .replaceWithVoid();
                        }));
            }
            return chain;
        });
    }
}
