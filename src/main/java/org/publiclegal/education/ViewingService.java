package org.publiclegal.education;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
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
