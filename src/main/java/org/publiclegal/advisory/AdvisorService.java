package org.publiclegal.advisory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.ProfileService;
import org.publiclegal.identity.StaffService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Advisor details (执业类别, 执业证号…) of LAWYER accounts, the advisor directory and each advisor's ratings. */
@ApplicationScoped
public class AdvisorService {

    private final AdvisorRepository advisors;
    private final StaffService staff;
    private final ProfileService profiles;
    private final AuditTrail audit;
    private final Clock clock;

    public AdvisorService(AdvisorRepository advisors, StaffService staff, ProfileService profiles, AuditTrail audit,
                          Clock clock) {
        this.advisors = advisors;
        this.staff = staff;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a 司法局 (or 司法所) registers about a LAWYER account. */
    public record Registration(UUID accountId, PracticeCategory practiceCategory, String licenceNumber,
                               int firstPracticeYear) {
    }

    /** An advisor as the directory shows them; {@code contractedForVillage}: in force for the asked village today. */
    public record Listed(UUID id, String name, PracticeCategory practiceCategory, UUID organisationId,
                         String organisation, int firstPracticeYear, boolean contractedForVillage,
                         BigDecimal averageRating, long ratings, long badRatings) {
    }

    @WithTransaction
    public Uni<Advisor> register(Registration r, AccessScope scope, Actor actor) {
        int thisYear = LocalDate.ofInstant(clock.instant(), TimeSource.CHINA).getYear();
        if (r.firstPracticeYear() > thisYear) {
            throw DomainException.invalidField("firstPracticeYear", "首次执业年份不能晚于今年");
        }
        return staff.find(r.accountId()).chain(account -> {
            if (account == null || !account.active() || !account.roles().contains(Roles.LAWYER)) {
                throw DomainException.invalidField("accountId", "须为有效的律师（LAWYER）工作人员账号");
            }
            if (!AdvisoryAccess.administersCounty(scope, account.regionCode())) {
                throw DomainException.invalidField("accountId", "只能登记本县律师事务所、法律服务所的人员");
            }
            return advisors.findById(r.accountId()).chain(existing -> {
                if (existing != null) {
                    throw DomainException.conflict("该账号已登记为法律顾问");
                }
                return advisors.count("licenceNumber", r.licenceNumber());
            }).chain(n -> {
                if (n > 0) {
                    throw DomainException.conflict("执业证号 " + r.licenceNumber() + " 已登记");
                }
                Advisor a = new Advisor();
                a.accountId = account.id();
                a.practiceCategory = r.practiceCategory();
                a.licenceNumber = r.licenceNumber();
                a.organisationId = account.organisationId();
                a.regionCode = account.regionCode();
                a.firstPracticeYear = r.firstPracticeYear();
                a.registeredBy = actor.accountId();
                a.createdAt = clock.instant();
                return advisors.persistAndFlush(a);
            }).call(a -> audit.record(actor, "advisory.advisor.register", "adv_advisor", a.accountId, a.regionCode,
                    a.practiceCategory.name()));
        });
    }

    /**
     * The first year of practice on a LAWYER account's practice record (执业信息, registered here with the
     * licence), or null when none is recorded; legal aid reads it for Art. 26 (法律援助法).
     */
    public Uni<Integer> firstPracticeYear(UUID accountId) {
        return advisors.findById(accountId).map(a -> a == null ? null : a.firstPracticeYear);
    }

    /** An advisor by id, or 404. */
    public Uni<Advisor> get(UUID id) {
        return advisors.findById(id).onItem().ifNull().failWith(() -> new NotFound("法律顾问", id));
    }

    /**
     * Advisors of the village's county, those with a contract in force for the village today first; for a
     * resident without {@code village}, their home village. Cursor over (own village first, name, id).
     */
    public Uni<CursorPage<Listed>> directory(String village, AccessScope scope, String cursor, int limit) {
        Uni<String> villageOf = village != null ? Uni.createFrom().item(village)
                : scope.isResident() ? profiles.me(scope.accountId()).map(p -> p.profile() == null ? null
                : p.profile().homeVillageCode())
                : Uni.createFrom().item(scope.regionCode());
        return villageOf.chain(v -> {
            if (v == null) {
                throw DomainException.invalidField("village", "请选择村（社区），或先在个人资料中填写所在村（社区）");
            }
            List<String> after = Cursor.decode(cursor, 3);
            String where = after.isEmpty() ? "" : " where (x.rank, x.display_name, x.account_id) > (:r, :n, :i)";
            LocalDate today = LocalDate.ofInstant(clock.instant(), TimeSource.CHINA);
            return Panache.withSession(() -> Panache.getSession().chain(s -> {
                var q = s.createNativeQuery("""
                        select * from (
                            select a.account_id, acc.display_name, a.practice_category, a.organisation_id, o.name,
                                   a.first_practice_year,
                                   case when exists (select 1 from adv_contract_village cv
                                        join adv_contract c on c.id = cv.contract_id
                                        where c.advisor_id = a.account_id and cv.village_code = :village
                                          and daterange(c.starts_on, coalesce(c.terminated_on, c.ends_on + 1), '[)')
                                              @> cast(:today as date)) then 0 else 1 end as rank,
                                   r.average, coalesce(r.ratings, 0) as ratings, coalesce(r.bad, 0) as bad
                            from adv_advisor a join account acc on acc.id = a.account_id
                            join organisation o on o.id = a.organisation_id
                            left join lateral (select round(avg(b.rating), 2) as average, count(b.rating) as ratings,
                                      count(*) filter (where b.rating <= 2) as bad from adv_booking b
                                      where b.advisor_id = a.account_id and b.rating is not null) r on true
                            where a.region_code >= :low and a.region_code < :high and acc.active) x""" + where
                        + " order by x.rank, x.display_name, x.account_id limit :limit", Object[].class)
                        .setParameter("village", v).setParameter("today", today)
                        .setParameter("low", AdvisoryAccess.countyPrefix(v))
                        .setParameter("high", AdvisoryAccess.countyPrefix(v) + ":")
                        .setParameter("limit", limit + 1);
                if (!after.isEmpty()) {
                    try {
                        q.setParameter("r", Integer.parseInt(after.get(0))).setParameter("n", after.get(1))
                                .setParameter("i", UUID.fromString(after.get(2)));
                    } catch (RuntimeException e) {
                        throw Cursor.invalid();
                    }
                }
                return q.getResultList();
            })).map(rows -> CursorPage.of(rows, limit, r -> Cursor.encode(r[6], r[1], r[0]), r -> new Listed(
                    (UUID) r[0], (String) r[1], PracticeCategory.valueOf((String) r[2]), (UUID) r[3], (String) r[4],
                    ((Number) r[5]).intValue(), ((Number) r[6]).intValue() == 0,
                    r[7] == null ? null : ((BigDecimal) r[7]).setScale(2, RoundingMode.HALF_UP),
                    ((Number) r[8]).longValue(), ((Number) r[9]).longValue())));
        });
    }

    /** 好差评 of one advisor: average rating (2 decimals) and the number of ratings and of 差评 (1 or 2). */
    public record RatingSummary(BigDecimal average, long ratings, long badRatings) {
    }

    public Uni<RatingSummary> ratings(UUID advisorId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        select round(avg(rating), 2), count(rating), count(*) filter (where rating <= 2)
                        from adv_booking where advisor_id = :a and rating is not null""", Object[].class)
                .setParameter("a", advisorId).getSingleResult()))
                .map(r -> new RatingSummary(r[0] == null ? null : ((BigDecimal) r[0]).setScale(2, RoundingMode.HALF_UP),
                        ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
    }

    /** Display name and organisation name of an advisor (for views). */
    public record Names(String name, String organisation) {
    }

    public Uni<Names> names(UUID advisorId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        select acc.display_name, o.name from account acc join organisation o on o.id = acc.organisation_id
                        where acc.id = :a""", Object[].class).setParameter("a", advisorId).getResultList()))
                .map(rows -> rows.isEmpty() ? new Names(null, null)
                        : new Names((String) rows.get(0)[0], (String) rows.get(0)[1]));
    }

    static boolean isVillage(String code) {
        return RegionCodes.isValid(code) && RegionCodes.levelOf(code) == RegionCodes.Level.VILLAGE;
    }
}
