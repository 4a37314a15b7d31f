package org.publiclegal.education;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.ledger.Ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * 播放与点赞. A view report touches only its own device's row (episode, device, China-time day): the first
 * report of the day is the counted play, later ones only raise the progress; the first time the progress
 * reaches the completion threshold the play is completed. Each counted act goes to the ledger in the same
 * transaction ({@link EducationEvents#PLAY}, {@link EducationEvents#COMPLETED}); the per-episode counters
 * are added in batches by {@link ViewAggregation}, never per view.
 */
@ApplicationScoped
public class ViewingService {

    /** What a view report counted: a new play (first of the device today) and/or a new completion. */
    public record ViewCounted(boolean play, boolean completed, int progress) {
    }

    /** The caller's like and the episode's likes. */
    public record Likes(boolean liked, long likes) {
    }

    private record Target(UUID columnId, String regionCode, UUID organisationId) {
    }

    private static final String UPSERT = """
            insert into edu_view as v (episode_id, device_id, view_day, column_id, region_code, progress, first_at, last_at)
            values (:episode, :device, :day, :column, :region, :progress, :now, :now)
            on conflict (episode_id, device_id, view_day) do update
                set progress = greatest(v.progress, excluded.progress), last_at = excluded.last_at
            returning (v.xmax::text = '0') as inserted, v.progress""";

    private static final String COMPLETE = """
            update edu_view set completed_at = :now
            where episode_id = :episode and device_id = :device and view_day = :day
              and completed_at is null and progress >= :threshold""";

    private static final String IMPORT = """
            with r as (
                select (x ->> 'episode')::uuid as episode_id, x ->> 'device' as device_id,
                       (x ->> 'progress')::smallint as progress, (x ->> 'at')::timestamptz as at, n
                from jsonb_array_elements(cast(cast(:reports as text) as jsonb)) with ordinality as a(x, n)),
            g as (
                select episode_id, device_id, (at at time zone 'Asia/Shanghai')::date as view_day, max(progress) as progress,
                       (array_agg(at order by n))[1] as first_at, (array_agg(at order by n desc))[1] as last_at,
                       (array_agg(at order by n) filter (where progress >= :threshold))[1] as completed_at
                from r group by 1, 2, 3),
            t as (
                select e.id, e.column_id, e.region_code, c.organisation_id
                from edu_episode e join edu_column c on c.id = e.column_id
                where e.status = 'PUBLISHED' and e.id in (select episode_id from r)),
            stored as (
                insert into edu_view (episode_id, device_id, view_day, column_id, region_code, progress, first_at,
                                      last_at, completed_at)
                select g.episode_id, g.device_id, g.view_day, t.column_id, t.region_code, g.progress, g.first_at,
                       g.last_at, g.completed_at
                from g join t on t.id = g.episode_id
                on conflict (episode_id, device_id, view_day) do nothing
                returning episode_id, region_code, first_at, completed_at),
            events as (
                insert into ledger_event (kind, region_code, organisation_id, occurred_at, quantity, source_type,
                                          source_id, recorded_at)
                select k.kind, v.region_code, t.organisation_id, k.at, 1, cast(:source as varchar), v.episode_id, :recorded
                from stored v join t on t.id = v.episode_id
                cross join lateral (values (1, cast(:play as varchar), v.first_at), (2, cast(:completed as varchar), v.completed_at)) as k(o, kind, at)
                where k.at is not null
                order by v.first_at, k.o
                returning 1)
            select (select min(r.episode_id::text) from r where r.episode_id not in (select id from t)),
                   (select count(*) from stored), (select count(completed_at) from stored),
                   (select count(*) from events)""";

    private final Ledger ledger;
    private final Clock clock;
    private final int completionPercent;

    public ViewingService(Ledger ledger, Clock clock, AppConfig config) {
        this.ledger = ledger;
        this.clock = clock;
        this.completionPercent = config.education().completionPercent();
    }

    /** Records a view report now. */
    @WithTransaction
    public Uni<ViewCounted> view(UUID episodeId, String deviceId, int progress) {
        return view(episodeId, deviceId, progress, clock.instant());
    }

    /** Records a view report at {@code at} (the demo back-dates its year of views). 404 unless published. */
    @WithTransaction
    public Uni<ViewCounted> view(UUID episodeId, String deviceId, int progress, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, TimeSource.CHINA);
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        return Panache.getSession().chain(s -> target(s, episodeId).chain(t -> s.createNativeQuery(UPSERT, Object[].class)
                .setParameter("episode", episodeId).setParameter("device", deviceId).setParameter("day", day)
                .setParameter("column", t.columnId()).setParameter("region", t.regionCode())
                .setParameter("progress", (short) progress).setParameter("now", now)
                .getSingleResult()
                .chain(row -> {
                    boolean inserted = (Boolean) row[0];
                    int stored = ((Number) row[1]).intValue();
                    Uni<Integer> completed = stored < completionPercent ? Uni.createFrom().item(0)
                            : s.createNativeQuery(COMPLETE).setParameter("now", now).setParameter("episode", episodeId)
                            .setParameter("device", deviceId).setParameter("day", day)
                            .setParameter("threshold", (short) completionPercent).executeUpdate();
                    return completed.chain(n -> {
                        Uni<Void> play = inserted ? ledger.record(EducationEvents.PLAY, t.regionCode(),
                                t.organisationId(), at, EducationEvents.SOURCE, episodeId).replaceWithVoid()
                                : Uni.createFrom().voidItem();
                        return play.chain(() -> n == 1 ? ledger.record(EducationEvents.COMPLETED, t.regionCode(),
                                        t.organisationId(), at, EducationEvents.SOURCE, episodeId).replaceWithVoid()
                                        : Uni.createFrom().voidItem())
                                .replaceWith(new ViewCounted(inserted, n == 1, stored));
                    });
                })));
    }

    /** One view report of a batch: what {@link #view(UUID, String, int, Instant)} takes. */
    public record ViewReport(UUID episodeId, String deviceId, int progress, Instant at) {
    }

    /** What a batch stored: the new view rows (counted plays), the completions among them and the ledger events. */
    public record Imported(long plays, long completions, long events) {
    }

    /**
     * The reports of a batch of views in one statement (the demo's year of views; an import), with the same
     * rows and ledger events as {@link #view(UUID, String, int, Instant)} called for each report in the given
     * order: per episode, device and China-time day the first report is the play (first_at and the PLAY event
     * at its time), the last one sets last_at, the highest progress is kept, and the first report at or above
     * the completion threshold completes it (completed_at and the COMPLETED event at its time). A device-day
     * that is already stored is left as it is and its reports are not counted (so an import run twice adds
     * nothing); use {@link #view} for reports that add to stored views. 404 if an episode is not published.
     */
    @WithTransaction
    public Uni<Imported> importViews(List<ViewReport> reports) {
        JsonArray json = new JsonArray();
        for (ViewReport r : reports) {
            json.add(new JsonObject().put("episode", r.episodeId().toString()).put("device", r.deviceId())
                    .put("progress", r.progress()).put("at", r.at().toString()));
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(IMPORT, Object[].class)
                .setParameter("reports", json.encode()).setParameter("threshold", completionPercent)
                .setParameter("play", EducationEvents.PLAY).setParameter("completed", EducationEvents.COMPLETED)
                .setParameter("source", EducationEvents.SOURCE)
                .setParameter("recorded", clock.instant().atOffset(ZoneOffset.UTC))
                .getSingleResult()
                .map(row -> {
                    if (row[0] != null) {
                        throw new NotFound("普法视频", UUID.fromString(row[0].toString()));
                    }
                    return new Imported(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                            ((Number) row[3]).longValue());
                }));
    }

    /** 点赞 (idempotent: a second like changes nothing). */
    @WithTransaction
    public Uni<Likes> like(UUID episodeId, UUID accountId) {
        return Panache.getSession().chain(s -> target(s, episodeId).chain(t -> s.createNativeQuery("""
                                insert into edu_like (episode_id, account_id, liked_at) values (:e, :a, :now)
                                on conflict do nothing""")
                        .setParameter("e", episodeId).setParameter("a", accountId)
                        .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate())
                .chain(() -> likes(s, episodeId, true)));
    }

    /** 取消点赞 (idempotent). */
    @WithTransaction
    public Uni<Likes> unlike(UUID episodeId, UUID accountId) {
        return Panache.getSession().chain(s -> target(s, episodeId).chain(t -> s.createNativeQuery(
                                "delete from edu_like where episode_id = :e and account_id = :a")
                        .setParameter("e", episodeId).setParameter("a", accountId).executeUpdate())
                .chain(() -> likes(s, episodeId, false)));
    }

    private static Uni<Likes> likes(Mutiny.Session s, UUID episodeId, boolean liked) {
        return s.createNativeQuery("select count(*) from edu_like where episode_id = :e", Long.class)
                .setParameter("e", episodeId).getSingleResult().map(n -> new Likes(liked, n));
    }

    private static Uni<Target> target(Mutiny.Session s, UUID episodeId) {
        return s.createNativeQuery("""
                        select e.column_id, e.region_code, c.organisation_id from edu_episode e
                        join edu_column c on c.id = e.column_id where e.id = :id and e.status = 'PUBLISHED'""",
                        Object[].class)
                .setParameter("id", episodeId).getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw new NotFound("普法视频", episodeId);
                    }
                    Object[] r = rows.get(0);
                    return new Target((UUID) r[0], (String) r[1], (UUID) r[2]);
                });
    }
}
