package org.publiclegal.advisory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.booking.BookingTopic;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Read-only projections of the advisor module (native SQL over the reactive pool, no entity session): coverage on
 * any date, service commitments against the month's work, the village file (一村一卷) and open 差评 callbacks.
 * The dashboard reads coverage and commitments from here.
 */
@ApplicationScoped
public class AdvisoryQueries {

    private static final String IN_FORCE = "daterange(c.starts_on, coalesce(c.terminated_on, c.ends_on + 1), '[)')";

    private final Pool pool;

    public AdvisoryQueries(Pool pool) {
        this.pool = pool;
    }

    public record Village(String code, String name) {
    }

    /**
     * Villages covered on {@code date} of the villages in the region's subtree on the register that day
     * ({@code register_villages}, as the figures read it), and the uncovered ones.
     */
    public record Coverage(String regionCode, LocalDate date, long villages, long covered, BigDecimal rate,
                           long uncoveredCount, List<Village> uncovered) {
    }

    /** Coverage on any date, from the contract history (a contract that ended still counts on its days). */
    public Uni<Coverage> coverage(String region, LocalDate date, int uncoveredShown) {
        return pool.preparedQuery("""
                        select v.code, v.name, exists (
                            select 1 from adv_contract_village cv join adv_contract c on c.id = cv.contract_id
                            where cv.village_code = v.code and %s @> $3::date) as covered
                        from register_villages($1, $2, $3) v
                        order by v.code""".formatted(IN_FORCE))
                .execute(Tuple.of(RegionCodes.lowerBound(region), RegionCodes.upperBound(region), date))
                .map(rows -> {
                    long total = 0;
                    long covered = 0;
                    List<Village> uncovered = new ArrayList<>();
                    for (Row r : rows) {
                        total++;
                        if (r.getBoolean("covered")) {
                            covered++;
                        } else {
                            uncovered.add(new Village(r.getString("code"), r.getString("name")));
                        }
                    }
                    BigDecimal rate = total == 0 ? null : BigDecimal.valueOf(covered * 100L)
                            .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
                    return new Coverage(region, date, total, covered, rate, uncovered.size(),
                            uncovered.stream().limit(uncoveredShown).toList());
                });
    }

    /**
     * One advisor in one village for a month: on-site hours given against the contract's monthly commitment,
     * lectures in the quarter so far against the quarterly one. {@code behind}: fewer on-site hours than
     * committed, or (in the quarter's last month) fewer lectures.
     */
    public record Commitment(UUID contractId, UUID advisorId, String advisorName, String villageCode,
                             String villageName, BigDecimal onsiteHours, int committedHours, long lecturesInQuarter,
                             int committedLectures, boolean behind) {
    }

    public Uni<List<Commitment>> commitments(String region, YearMonth month) {
        LocalDate monthStart = month.atDay(1);
        LocalDate quarterStart = LocalDate.of(month.getYear(), ((month.getMonthValue() - 1) / 3) * 3 + 1, 1);
        boolean quarterEnds = month.getMonthValue() % 3 == 0;
        Tuple params = Tuple.tuple().addString(RegionCodes.lowerBound(region)).addString(RegionCodes.upperBound(region))
                .addLocalDate(monthStart).addLocalDate(month.atEndOfMonth().plusDays(1))
                .addOffsetDateTime(start(monthStart)).addOffsetDateTime(start(month.atEndOfMonth().plusDays(1)))
                .addOffsetDateTime(start(quarterStart));
        return pool.preparedQuery("""
                        select c.id, c.advisor_id, acc.display_name, cv.village_code, v.name, c.onsite_hours_per_month,
                               c.lectures_per_quarter,
                               coalesce((select sum(r.duration_minutes) from adv_service_record r
                                   where r.advisor_id = c.advisor_id and r.village_code = cv.village_code
                                     and r.voided_at is null and r.mode = 'ON_SITE'
                                     and r.started_at >= $5 and r.started_at < $6), 0) as minutes,
                               (select count(*) from adv_service_record r
                                   where r.advisor_id = c.advisor_id and r.village_code = cv.village_code
                                     and r.voided_at is null and r.kind = 'LECTURE'
                                     and r.started_at >= $7 and r.started_at < $6) as lectures
                        from adv_contract_village cv join adv_contract c on c.id = cv.contract_id
                        join region v on v.code = cv.village_code join account acc on acc.id = c.advisor_id
                        where cv.village_code >= $1 and cv.village_code < $2
                          and %s && daterange($3::date, $4::date, '[)')
                        order by cv.village_code, acc.display_name, c.id""".formatted(IN_FORCE))
                .execute(params)
                .map(rows -> {
                    List<Commitment> list = new ArrayList<>();
                    for (Row r : rows) {
                        BigDecimal hours = BigDecimal.valueOf(r.getLong("minutes"))
                                .divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
                        int committedHours = r.getInteger("onsite_hours_per_month");
                        int committedLectures = r.getInteger("lectures_per_quarter");
                        long lectures = r.getLong("lectures");
                        boolean behind = hours.compareTo(BigDecimal.valueOf(committedHours)) < 0
                                || (quarterEnds && lectures < committedLectures);
                        list.add(new Commitment(r.getUUID("id"), r.getUUID("advisor_id"), r.getString("display_name"),
                                r.getString("village_code"), r.getString("name"), hours, committedHours, lectures,
                                committedLectures, behind));
                    }
                    return list;
                });
    }

    /** One entry of a village's file: a service record or a booking, in time order. */
    public record FileEntry(String type, UUID id, Instant at, UUID advisorId, String advisorName, String kind,
                            String kindLabel, String mode, String status, Integer durationMinutes, String summary,
                            Integer personsServed, String lectureTopic, Integer attendance, boolean voided) {
    }

    /**
     * 一村一卷: the village's service records and bookings in (time, id) order, keyset-paged over both tables
     * (each read from its (village, time, id) index, merged). Visible to the village's 司法所/司法局 and to the
     * advisors who have had a contract for it; else 404.
     */
    public Uni<CursorPage<FileEntry>> villageFile(String village, AccessScope scope, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        OffsetDateTime afterAt;
        String afterId;
        try {
            afterAt = after.isEmpty() ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                    : OffsetDateTime.parse(after.get(0));
            afterId = after.isEmpty() ? "00000000-0000-0000-0000-000000000000" : UUID.fromString(after.get(1)).toString();
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
        Uni<Boolean> allowed = AdvisoryAccess.canSee(scope, null, village) ? Uni.createFrom().item(true)
                : pool.preparedQuery("""
                        select exists (select 1 from adv_contract_village cv join adv_contract c on c.id = cv.contract_id
                        where cv.village_code = $1 and c.advisor_id = $2)""")
                .execute(Tuple.of(village, scope.accountId())).map(rows -> rows.iterator().next().getBoolean(0));
        Tuple params = Tuple.of(village, afterAt, UUID.fromString(afterId), limit + 1);
        return allowed.chain(ok -> {
            if (!ok) {
                throw new NotFound("村（社区）卷宗", village);
            }
            return pool.preparedQuery("""
                            select 'SERVICE' as type, r.id, r.started_at as at, r.advisor_id, a.display_name, r.kind,
                                   r.mode, null as status, r.duration_minutes, r.summary, r.persons_served,
                                   r.lecture_topic, r.attendance, r.voided_at is not null as voided
                            from (select * from adv_service_record where village_code = $1 and (started_at, id) > ($2, $3)
                                  order by started_at, id limit $4) r join account a on a.id = r.advisor_id
                            union all
                            select 'BOOKING', b.id, b.starts_at, b.advisor_id, a.display_name, b.topic, b.mode, b.status,
                                   (extract(epoch from b.ends_at - b.starts_at) / 60)::int, null, null, null, null, false
                            from (select * from adv_booking where village_code = $1 and (starts_at, id) > ($2, $3)
                                  order by starts_at, id limit $4) b join account a on a.id = b.advisor_id
                            order by at, id limit $4""")
                    .execute(params)
                    .map(rows -> {
                        List<FileEntry> list = new ArrayList<>();
                        for (Row r : rows) {
                            String type = r.getString("type");
                            String kind = r.getString("kind");
                            String label = "SERVICE".equals(type) ? ServiceKind.valueOf(kind).label
                                    : BookingTopic.valueOf(kind).label;
                            list.add(new FileEntry(type, r.getUUID("id"), r.getOffsetDateTime("at").toInstant(),
                                    r.getUUID("advisor_id"), r.getString("display_name"), kind, label,
                                    r.getString("mode"), r.getString("status"), r.getInteger("duration_minutes"),
                                    r.getString("summary"), r.getInteger("persons_served"), r.getString("lecture_topic"),
                                    r.getInteger("attendance"), r.getBoolean("voided")));
                        }
                        list.sort(Comparator.comparing(FileEntry::at).thenComparing(e -> e.id().toString()));
                        return CursorPage.of(list, limit,
                                e -> Cursor.encode(e.at().atOffset(ZoneOffset.UTC), e.id()), e -> e);
                    });
        });
    }

    /** A 差评 awaiting (or given) the 司法所's callback. */
    public record BadRating(UUID bookingId, UUID advisorId, String advisorName, String villageCode, int rating,
                            String comment, Instant ratedAt, Instant callbackDueAt, boolean overdue) {
    }

    /** Open 差评 callbacks in the caller's area, the earliest due first (overdue flagged). */
    public Uni<List<BadRating>> openBadRatings(AccessScope scope, Instant now, int limit) {
        String prefix = scope.regionPrefix();
        if (prefix == null) {
            throw DomainException.forbidden("只有司法所、司法局可以查看差评回访");
        }
        return pool.preparedQuery("""
                        select b.id, b.advisor_id, a.display_name, b.village_code, b.rating, b.rating_comment, b.rated_at,
                               b.callback_due_at
                        from adv_booking b join account a on a.id = b.advisor_id
                        where b.rating <= 2 and b.callback_at is null and b.village_code >= $1 and b.village_code < $2
                        order by b.callback_due_at, b.id limit $3""")
                .execute(Tuple.of(prefix, prefix + ":", limit))
                .map(rows -> {
                    List<BadRating> list = new ArrayList<>();
                    for (Row r : rows) {
                        Instant due = r.getOffsetDateTime("callback_due_at").toInstant();
                        list.add(new BadRating(r.getUUID("id"), r.getUUID("advisor_id"), r.getString("display_name"),
                                r.getString("village_code"), r.getInteger("rating"), r.getString("rating_comment"),
                                r.getOffsetDateTime("rated_at").toInstant(), due, due.isBefore(now)));
                    }
                    return list;
                });
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(TimeSource.CHINA).toOffsetDateTime();
    }
}
