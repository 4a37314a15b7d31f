package org.publiclegal.education;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.persistence.Cursor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The resident feed (public): published episodes by latest or popular, filtered by topic or column, or
 * found by a Chinese keyword; one episode with a signed playback URL. Pages are keyset-paginated and stable:
 * latest sorts on (published_at, id), and a new publication is later than every cursor; popular sorts on the
 * batch aggregates (plays, id), which change only at an aggregation. The ETag is a hash of the catalogue
 * version, the aggregation generation (both one row in PostgreSQL, so all replicas agree) and the query: a
 * matching If-None-Match is answered without building the page, and built pages are kept in a small cache
 * keyed by that ETag.
 */
@ApplicationScoped
public class VideoFeed {

    private static final Logger LOG = Logger.getLogger(VideoFeed.class);
    private static final int RELATED = 6;

    /** Feed order. */
    public enum Sort { LATEST, POPULAR }

    /** A feed request. {@code q} (when given) ranks title hits first, then latest; {@code sort} is ignored. */
    public record FeedQuery(Topic topic, UUID columnId, String q, Sort sort, String cursor, int limit) {
    }

    /** A compact list item. */
    public record Item(UUID id, UUID columnId, String columnName, Integer episodeNo, String title, int durationSeconds,
                       String coverUrl, List<Topic> topics, OffsetDateTime publishedAt, long plays) {
    }

    public record Page(List<Item> items, String nextCursor) {
    }

    /** One published episode for residents. */
    public record Detail(UUID id, UUID columnId, String columnName, String organisationName, Integer episodeNo,
                         String title, String summary, List<Topic> topics, List<String> lawRefs, int durationSeconds,
                         String coverUrl, String presenterName, String presenterTitle, String presenterOrganisation,
                         String regionCode, String transcript, OffsetDateTime publishedAt, long plays, long likes,
                         PlaybackSigner.SignedUrl playback, List<Item> related) {
    }

    private static final String ITEM_COLUMNS = """
            e.id, e.column_id, c.name as column_name, e.episode_no, e.title, e.duration_seconds, e.cover_url,
            e.topics, e.published_at, e.plays""";

    private final Pool pool;
    private final Clock clock;
    private final PlaybackSigner signer;
    private final int cachedPages;
    private final Map<String, Page> pages;

    public VideoFeed(Pool pool, Clock clock, AppConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.cachedPages = config.education().feedCachedPages();
        this.pages = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > cachedPages;
            }
        });
        AppConfig.Education.Playback p = config.education().playback();
        this.signer = p.key().map(key -> new PlaybackSigner(PlaybackSigner.Scheme.valueOf(p.scheme()), p.baseUrl(),
                key, p.ttl(), p.param().orElse(null))).orElse(null);
        if (signer == null) {
            LOG.warn("app.education.playback.key is not set: episodes are served without playback URLs");
        }
    }

    /** The ETag of a feed request as the catalogue stands (one primary-key read). */
    public Uni<String> etag(FeedQuery q) {
        return pool.query("select v.version, a.generation from edu_catalogue_version v, edu_aggregation_state a")
                .execute().map(rows -> {
                    Row r = rows.iterator().next();
                    return etag(r.getLong(0), r.getLong(1), q);
                });
    }

    static String etag(long version, long generation, FeedQuery q) {
        String key = String.join("\u001f", "v" + version, "g" + generation, String.valueOf(q.topic()),
                String.valueOf(q.columnId()), String.valueOf(q.q()), String.valueOf(q.sort()),
                String.valueOf(q.cursor()), String.valueOf(q.limit()));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(h, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page for {@code q} under {@code etag}: from the cache, else built. */
    public Uni<Page> page(FeedQuery q, String etag) {
        Page cached = pages.get(etag);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return cachedPages == 0 ? build(q) : build(q).invoke(p -> pages.put(etag, p));
    }

    /** The page query of a feed request and its parameters (tests explain it). */
    record Statement(String sql, Tuple params) {
    }

    Statement statement(FeedQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("e.status = 'PUBLISHED'");
        if (q.columnId() != null) {
            params.add(q.columnId());
            where.append(" and e.column_id = $").append(params.size());
        }
        if (q.topic() != null) {
            params.add(new String[]{q.topic().name()});
            where.append(" and e.topics @> $").append(params.size()).append("::text[]");
        }
        String order;
        String cursorValues;
        List<String> after;
        if (q.q() != null) {
            SearchGrams.Query search = SearchGrams.query(q.q());
            if (search.grams().isEmpty()) {
                throw DomainException.invalidField("q", "请输入要搜索的文字");
            }
            params.add(search.grams().toArray(String[]::new));
            where.append(" and e.search_grams @> $").append(params.size()).append("::text[]");
            params.add(search.segments().toArray(String[]::new));
            int segs = params.size();
            where.append(" and not exists (select 1 from unnest($").append(segs)
                    .append("::text[]) s where strpos(e.search_text, s) = 0)");
            String hit = "(not exists (select 1 from unnest($" + segs + "::text[]) s where strpos(e.search_title, s) = 0))";
            order = hit + " desc, e.published_at desc, e.id desc";
            after = Cursor.decode(q.cursor(), 3);
            if (!after.isEmpty()) {
                try {
                    params.add(Boolean.parseBoolean(after.get(0)));
                    params.add(OffsetDateTime.parse(after.get(1)));
                    params.add(UUID.fromString(after.get(2)));
                } catch (RuntimeException e) {
                    throw Cursor.invalid();
                }
                int n = params.size();
                where.append(" and (").append(hit).append(", e.published_at, e.id) < ($").append(n - 2)
                        .append(", $").append(n - 1).append(", $").append(n).append(")");
            }
            cursorValues = ", " + hit + " as hit";
        } else if (q.sort() == Sort.POPULAR) {
            order = "e.plays desc, e.id desc";
            after = Cursor.decode(q.cursor(), 2);
            if (!after.isEmpty()) {
                try {
                    params.add(Long.parseLong(after.get(0)));
                    params.add(UUID.fromString(after.get(1)));
                } catch (RuntimeException e) {
                    throw Cursor.invalid();
                }
                where.append(" and (e.plays, e.id) < ($").append(params.size() - 1).append(", $")
                        .append(params.size()).append(")");
            }
            cursorValues = "";
        } else {
            order = "e.published_at desc, e.id desc";
            after = Cursor.decode(q.cursor(), 2);
            if (!after.isEmpty()) {
                try {
                    params.add(OffsetDateTime.parse(after.get(0)));
                    params.add(UUID.fromString(after.get(1)));
                } catch (RuntimeException e) {
                    throw Cursor.invalid();
                }
                where.append(" and (e.published_at, e.id) < ($").append(params.size() - 1).append(", $")
                        .append(params.size()).append(")");
            }
            cursorValues = "";
        }
        params.add(q.limit() + 1);
        String sql = "select " + ITEM_COLUMNS + cursorValues + " from edu_episode e join edu_column c on c.id = e.column_id"
                + " where " + where + " order by " + order + " limit $" + params.size();
        return new Statement(sql, Tuple.from(params));
    }

    Uni<Page> build(FeedQuery q) {
        Statement statement = statement(q);
        return pool.preparedQuery(statement.sql()).execute(statement.params()).map(rows -> {
            List<Item> items = new ArrayList<>();
            List<Boolean> hits = new ArrayList<>();
            for (Row r : rows) {
                items.add(item(r));
                hits.add(q.q() != null && r.getBoolean("hit"));
            }
            boolean more = items.size() > q.limit();
            List<Item> shown = more ? items.subList(0, q.limit()) : items;
            String next = null;
            if (more) {
                Item last = shown.get(shown.size() - 1);
                next = q.q() != null ? Cursor.encode(hits.get(shown.size() - 1), last.publishedAt(), last.id())
                        : q.sort() == Sort.POPULAR ? Cursor.encode(last.plays(), last.id())
                        : Cursor.encode(last.publishedAt(), last.id());
            }
            return new Page(List.copyOf(shown), next);
        });
    }

    /** A published episode with a playback URL signed now, and related episodes sharing a topic (404 otherwise). */
    public Uni<Detail> detail(UUID id) {
        return pool.preparedQuery("""
                        select e.*, c.name as column_name, o.name as organisation_name,
                               (select count(*) from edu_like l where l.episode_id = e.id) as likes
                        from edu_episode e join edu_column c on c.id = e.column_id
                        join organisation o on o.id = c.organisation_id
                        where e.id = $1 and e.status = 'PUBLISHED'""").execute(Tuple.of(id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFound("普法视频", id);
                    }
                    Row r = rows.iterator().next();
                    String[] topics = r.getArrayOfStrings("topics");
                    return pool.preparedQuery("select " + ITEM_COLUMNS + """
                                     from edu_episode e join edu_column c on c.id = e.column_id
                                    where e.status = 'PUBLISHED' and e.topics && $1::text[] and e.id <> $2
                                    order by e.published_at desc, e.id desc limit $3""")
                            .execute(Tuple.of(topics, id, RELATED))
                            .map(related -> detail(r, related));
                });
    }

    private Detail detail(Row r, RowSet<Row> related) {
        List<Item> rel = new ArrayList<>();
        related.forEach(x -> rel.add(item(x)));
        PlaybackSigner.SignedUrl playback = signer == null ? null
                : signer.sign(r.getString("video_path"), clock.instant(), UUID.randomUUID().toString().replace("-", ""));
        return new Detail(r.getUUID("id"), r.getUUID("column_id"), r.getString("column_name"),
                r.getString("organisation_name"), r.getInteger("episode_no"), r.getString("title"),
                r.getString("summary"), topics(r), Arrays.asList(r.getArrayOfStrings("law_refs")),
                r.getInteger("duration_seconds"), r.getString("cover_url"), r.getString("presenter_name"),
                r.getString("presenter_title"), r.getString("presenter_organisation"), r.getString("region_code"),
                r.getString("transcript"), r.getOffsetDateTime("published_at"), r.getLong("plays"),
                r.getLong("likes"), playback, rel);
    }

    private static Item item(Row r) {
        return new Item(r.getUUID("id"), r.getUUID("column_id"), r.getString("column_name"), r.getInteger("episode_no"),
                r.getString("title"), r.getInteger("duration_seconds"), r.getString("cover_url"), topics(r),
                r.getOffsetDateTime("published_at"), r.getLong("plays"));
    }

    private static List<Topic> topics(Row r) {
        return Arrays.stream(r.getArrayOfStrings("topics")).map(Topic::valueOf).toList();
    }

    /** Whether an If-None-Match header names {@code etag} (or is *). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
