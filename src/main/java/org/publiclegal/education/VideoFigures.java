package org.publiclegal.education;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Viewing figures of a region and a period (China-time days, inclusive), per column, per organisation and in
 * total: 普法视频播放 (人次: counted plays), 观看人数 (distinct devices: not additive over days or columns, so each
 * level is counted from the view rows, never summed), 完播 and 完播率 (completed ÷ plays, %, one decimal half up),
 * and the episodes published in the period (withdrawn ones included: their publication still counts).
 * Read from {@code edu_view} through its (region_code, view_day) index, so they are exact the moment a view
 * commits; the dashboard's highlights read the per-day aggregates instead.
 */
@ApplicationScoped
public class VideoFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Figures of one column, one organisation, or the whole region (both ids null). */
    public record Figures(long episodesPublished, long plays, long viewers, long completions,
                          BigDecimal completionRate) {
    }

    public record ColumnFigures(UUID columnId, String columnName, UUID organisationId, Figures figures) {
    }

    public record OrganisationFigures(UUID organisationId, String organisationName, Figures figures) {
    }

    public record Stats(String regionCode, LocalDate from, LocalDate to, Figures total,
                        List<OrganisationFigures> organisations, List<ColumnFigures> columns) {
    }

    public record TopicFigure(Topic topic, String label, long episodes, long plays) {
    }

    public record EpisodeFigure(UUID id, String title, String columnName, Integer episodeNo, long plays,
                                long completions) {
    }

    /** The dashboard card: the period's top topics and episodes (from the per-day aggregates). */
    public record Highlights(List<TopicFigure> topics, List<EpisodeFigure> episodes) {
    }

    private final Pool pool;

    public VideoFigures(Pool pool) {
        this.pool = pool;
    }

    public Uni<Stats> stats(String region, LocalDate from, LocalDate to) {
        Tuple params = Tuple.of(RegionCodes.lowerBound(region), RegionCodes.upperBound(region), from, to)
                .addOffsetDateTime(from.atStartOfDay(TimeSource.CHINA).toOffsetDateTime())
                .addOffsetDateTime(to.plusDays(1).atStartOfDay(TimeSource.CHINA).toOffsetDateTime());
        return pool.preparedQuery("""
                        with v as (
                            select c.organisation_id, v.column_id, grouping(c.organisation_id, v.column_id) as level,
                                   count(*) as plays, count(v.completed_at) as completions,
                                   count(distinct v.device_id) as viewers
                            from edu_view v join edu_column c on c.id = v.column_id
                            where v.region_code >= $1 and v.region_code < $2 and v.view_day between $3 and $4
                            group by grouping sets ((c.organisation_id, v.column_id), (c.organisation_id), ())),
                        p as (
                            select c.organisation_id, e.column_id, grouping(c.organisation_id, e.column_id) as level,
                                   count(*) as published
                            from edu_episode e join edu_column c on c.id = e.column_id
                            where e.region_code >= $1 and e.region_code < $2
                              and e.published_at >= $5 and e.published_at < $6
                            group by grouping sets ((c.organisation_id, e.column_id), (c.organisation_id), ())),
                        k as (
                            select coalesce(v.level, p.level) as level,
                                   coalesce(v.organisation_id, p.organisation_id) as organisation_id,
                                   coalesce(v.column_id, p.column_id) as column_id,
                                   coalesce(p.published, 0) as published, coalesce(v.plays, 0) as plays,
                                   coalesce(v.viewers, 0) as viewers, coalesce(v.completions, 0) as completions
                            from v full join p on p.level = v.level
                                and p.organisation_id is not distinct from v.organisation_id
                                and p.column_id is not distinct from v.column_id)
                        select k.*, c.name as column_name, o.name as organisation_name
                        from k left join edu_column c on c.id = k.column_id
                        left join organisation o on o.id = k.organisation_id
                        order by k.level desc, k.plays desc, o.name, c.name""").execute(params)
                .map(rows -> {
                    Figures total = new Figures(0, 0, 0, 0, null);
                    List<OrganisationFigures> orgs = new ArrayList<>();
                    List<ColumnFigures> cols = new ArrayList<>();
                    for (Row r : rows) {
                        Figures f = figures(r.getLong("published"), r.getLong("plays"), r.getLong("viewers"),
                                r.getLong("completions"));
                        switch (r.getInteger("level")) {
                            case 3 -> total = f;
                            case 1 -> orgs.add(new OrganisationFigures(r.getUUID("organisation_id"),
                                    r.getString("organisation_name"), f));
                            default -> cols.add(new ColumnFigures(r.getUUID("column_id"), r.getString("column_name"),
                                    r.getUUID("organisation_id"), f));
                        }
                    }
                    return new Stats(region, from, to, total, orgs, cols);
                });
    }

    /** The top topics (by plays in the period, with the episodes published in it) and the top episodes. */
    public Uni<Highlights> highlights(String region, LocalDate from, LocalDate to, int top) {
        Tuple params = Tuple.of(RegionCodes.lowerBound(region), RegionCodes.upperBound(region), from, to, top)
                .addOffsetDateTime(from.atStartOfDay(TimeSource.CHINA).toOffsetDateTime())
                .addOffsetDateTime(to.plusDays(1).atStartOfDay(TimeSource.CHINA).toOffsetDateTime());
        return pool.preparedQuery("""
                        with d as (
                            select d.episode_id, sum(d.plays) as plays, sum(d.completions) as completions
                            from edu_episode_daily d join edu_episode e on e.id = d.episode_id
                            where e.region_code >= $1 and e.region_code < $2 and d.day between $3 and $4
                            group by d.episode_id)
                        select t.topic, count(*) filter (where e.published_at >= $6 and e.published_at < $7) as episodes,
                               coalesce(sum(d.plays), 0) as plays
                        from edu_episode e cross join unnest(e.topics) t(topic)
                        left join d on d.episode_id = e.id
                        where e.region_code >= $1 and e.region_code < $2 and e.status in ('PUBLISHED', 'WITHDRAWN')
                        group by t.topic
                        having count(*) filter (where e.published_at >= $6 and e.published_at < $7) > 0
                            or coalesce(sum(d.plays), 0) > 0
                        order by plays desc, episodes desc, t.topic limit $5""").execute(params)
                .chain(topicRows -> pool.preparedQuery("""
                                select e.id, e.title, c.name as column_name, e.episode_no, sum(d.plays) as plays,
                                       sum(d.completions) as completions
                                from edu_episode_daily d join edu_episode e on e.id = d.episode_id
                                join edu_column c on c.id = e.column_id
                                where e.region_code >= $1 and e.region_code < $2 and d.day between $3 and $4
                                group by e.id, c.name order by plays desc, e.id limit $5""")
                        .execute(Tuple.of(RegionCodes.lowerBound(region), RegionCodes.upperBound(region), from, to, top))
                        .map(episodeRows -> {
                            List<TopicFigure> topics = new ArrayList<>();
                            topicRows.forEach(r -> {
                                Topic t = Topic.valueOf(r.getString("topic"));
                                topics.add(new TopicFigure(t, t.label(), r.getLong("episodes"), r.getLong("plays")));
                            });
                            List<EpisodeFigure> episodes = new ArrayList<>();
                            episodeRows.forEach(r -> episodes.add(new EpisodeFigure(r.getUUID("id"), r.getString("title"),
                                    r.getString("column_name"), r.getInteger("episode_no"), r.getLong("plays"),
                                    r.getLong("completions"))));
                            return new Highlights(topics, episodes);
                        }));
    }

    static Figures figures(long published, long plays, long viewers, long completions) {
        return new Figures(published, plays, viewers, completions, completionRate(completions, plays));
    }

    /** completed ÷ plays × 100, half up to one decimal; null without plays. */
    public static BigDecimal completionRate(long completions, long plays) {
        if (plays == 0) {
            return null;
        }
        return BigDecimal.valueOf(completions).multiply(HUNDRED).divide(BigDecimal.valueOf(plays), 1, RoundingMode.HALF_UP);
    }
}
