package org.publiclegal.education;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Function;

/**
 * The resident feed (public): published episodes by latest or popular, filtered by topic or column, or
 * found by a Chinese keyword; one episode with a signed playback URL. Pages are keyset-paginated and stable:
 * latest sorts on (published_at, id), and a new publication is later than every cursor; popular sorts on the
 * batch aggregates (plays, id), which change only at an aggregation. The ETag is a hash of the catalogue
 * version, the aggregation generation (both one row in PostgreSQL, so all replicas agree; a replica re-reads them at
 * most once per {@code app.education.feed-version-check}, see {@link FeedVersion}) and the query: a
 * matching If-None-Match is answered without building the page, and built pages are kept in a small cache
 * keyed by that ETag, as the JSON they are sent as.
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
            e.topics, e.published_at, st.plays""";
    private static final String EPISODE_COLUMNS = """
            e.id, e.column_id, e.episode_no, e.title, e.duration_seconds, e.cover_url, e.topics, e.published_at""";
    private static final String ITEM_FROM = """
            edu_episode e join edu_column c on c.id = e.column_id join edu_episode_stats st on st.episode_id = e.id""";

    private final Pool pool;
    private final Clock clock;
    private final PlaybackSigner signer;
    private final int cachedPages;
    private final Map<String, byte[]> pages;
    private final FeedVersion version;
    private final ObjectMapper mapper;

    public VideoFeed(Pool pool, Clock clock, AppConfig config, ObjectMapper mapper) {
        this.pool = pool;
        this.clock = clock;
        this.mapper = mapper;
        this.cachedPages = config.education().feedCachedPages();
        this.version = new FeedVersion(this::readVersion, clock, config.education().feedVersionCheck());
        this.pages = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
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

    /**
     * The ETag of a feed request as the catalogue stands: one primary-key read of the catalogue version and the
     * aggregation generation, at most once per {@code app.education.feed-version-check} on this replica
     * ({@link FeedVersion}).
     */
    public Uni<String> etag(FeedQuery q) {
        return version.current().map(s -> etag(s.version(), s.generation(), q));
    }

    private Uni<FeedVersion.Stamp> readVersion() {
        return pool.preparedQuery("select v.version, a.generation from edu_catalogue_version v, edu_aggregation_state a")
                .execute().map(rows -> {
                    Row r = rows.iterator().next();
                    return new FeedVersion.Stamp(r.getLong(0), r.getLong(1));
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

    /**
     * The page for {@code q} under {@code etag} as the JSON it is sent as: from the cache, else built and
     * serialised once (a cached page is not serialised again on every request).
     */
    public Uni<byte[]> json(FeedQuery q, String etag) {
        byte[] cached = pages.get(etag);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        Uni<byte[]> built = build(q).map(this::serialise);
        return cachedPages == 0 ? built : built.invoke(json -> pages.put(etag, json));
    }

    private byte[] serialise(Page page) {
        try {
            return mapper.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page query of a feed request and its parameters (tests explain it). */
    record Statement(String sql, Tuple params) {
    }

    /** The phases of a search: the title hits, then the other matches. */
    enum Phase { TITLE, BODY }

    /** The first query of a feed request (for a search: of the phase its cursor is in), up to limit + 1 rows. */
    Statement statement(FeedQuery q) {
        return statement(q, q.q() == null ? null : start(q), q.limit() + 1);
    }

    /**
     * One query: the page of a request without q, or one phase of a search, fetching up to {@code rows} rows.
     * Search ranks title hits first, then latest. Instead of sorting every match by (title hit, published_at,
     * id), it asks in two phases, each ordered by (published_at, id): the title hits, then the other matches
     * (only if the title hits did not fill the page). Each phase is a plain "matches in latest order, first n"
     * query, so for a common word the planner walks the latest index and stops after n matches, and for a
     * rare one it takes the gram index and sorts the few matches. The cursor (title hit, published_at, id)
     * says in which phase the next page starts and where.
     */
    Statement statement(FeedQuery q, Phase phase, int rows) {
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
        List<String> after;
        if (q.q() != null) {
            SearchGrams.Query search = search(q);
            params.add(search.grams().toArray(String[]::new));
            where.append(" and e.search_grams @> $").append(params.size()).append("::text[]");
            params.add(search.segments().toArray(String[]::new));
            int segs = params.size();
            where.append(" and not exists (select 1 from unnest($").append(segs)
                    .append("::text[]) s where strpos(e.search_text, s) = 0)");
            where.append(phase == Phase.TITLE ? " and not exists" : " and exists").append(" (select 1 from unnest($")
                    .append(segs).append("::text[]) s where strpos(e.search_title, s) = 0)");
            order = "e.published_at desc, e.id desc";
            after = Cursor.decode(q.cursor(), 3);
            // the cursor continues its own phase; the next phase starts at its top
            if (!after.isEmpty() && (start(q) == phase)) {
                keyset(params, where, "e.published_at, e.id", after.subList(1, 3), OffsetDateTime::parse);
            }
        } else if (q.sort() == Sort.POPULAR) {
            order = "st.plays desc, st.episode_id desc";
            after = Cursor.decode(q.cursor(), 2);
            if (!after.isEmpty()) {
                keyset(params, where, "st.plays, st.episode_id", after, Long::parseLong);
            }
        } else {
            order = "e.published_at desc, e.id desc";
            after = Cursor.decode(q.cursor(), 2);
            if (!after.isEmpty()) {
                keyset(params, where, "e.published_at, e.id", after, OffsetDateTime::parse);
            }
        }
        params.add(rows);
        String sql = q.q() == null && q.sort() == Sort.POPULAR
                ? "select " + ITEM_COLUMNS + " from " + ITEM_FROM + " where " + where + " order by " + order
                + " limit $" + params.size()
                // the column and the counters are joined to the page's rows only, not to every match
                : "select " + ITEM_COLUMNS + " from (select " + EPISODE_COLUMNS + " from edu_episode e where " + where + " order by " + order
                + " limit $" + params.size() + ") e join edu_column c on c.id = e.column_id"
                + " join edu_episode_stats st on st.episode_id = e.id order by " + order;
        return new Statement(sql, Tuple.from(params));
    }

    private static SearchGrams.Query search(FeedQuery q) {
        SearchGrams.Query search = SearchGrams.query(q.q());
        if (search.grams().isEmpty()) {
            throw DomainException.invalidField("q", "请输入要搜索的文字");
        }
        return search;
    }

    /** The phase a search page starts in: the cursor's (TITLE without one); 400 on a bad query or cursor. */
    static Phase start(FeedQuery q) {
        search(q);
        List<String> after = Cursor.decode(q.cursor(), 3);
        if (after.isEmpty()) {
            return Phase.TITLE;
        }
        return switch (after.get(0)) {
            case "true" -> Phase.TITLE;
            case "false" -> Phase.BODY;
            default -> throw Cursor.invalid();
        };
    }

    /** Appends "and (columns) < (cursor values)", the first value parsed by {@code first}; 400 if it does not parse. */
    private static void keyset(List<Object> params, StringBuilder where, String columns, List<String> after,
                               Function<String, Object> first) {
        try {
            params.add(first.apply(after.get(0)));
            params.add(UUID.fromString(after.get(1)));
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
        where.append(" and (").append(columns).append(") < ($").append(params.size() - 1).append(", $")
                .append(params.size()).append(")");
    }

    Uni<Page> build(FeedQuery q) {
        if (q.q() == null) {
            return rows(statement(q)).map(items -> page(q, items, 0));
        }
        Phase phase = start(q);
        Uni<List<Item>> titles = phase == Phase.TITLE ? rows(statement(q, Phase.TITLE, q.limit() + 1))
                : Uni.createFrom().item(List.of());
        return titles.chain(t -> {
            if (t.size() > q.limit()) {
                return Uni.createFrom().item(page(q, t, t.size()));
            }
            return rows(statement(q, Phase.BODY, q.limit() + 1 - t.size())).map(b -> {
                List<Item> items = new ArrayList<>(t);
                items.addAll(b);
                return page(q, items, t.size());
            });
        });
    }

    private Uni<List<Item>> rows(Statement statement) {
        return pool.preparedQuery(statement.sql()).execute(statement.params()).map(rows -> {
            List<Item> items = new ArrayList<>();
            rows.forEach(r -> items.add(item(r)));
            return items;
        });
    }

    /** The page of limit items out of the rows fetched, the first {@code titleHits} of them title hits. */
    private static Page page(FeedQuery q, List<Item> items, int titleHits) {
        boolean more = items.size() > q.limit();
        List<Item> shown = more ? items.subList(0, q.limit()) : items;
        String next = null;
        if (more) {
            Item last = shown.get(shown.size() - 1);
            next = q.q() != null ? Cursor.encode(shown.size() <= titleHits, last.publishedAt(), last.id())
                    : q.sort() == Sort.POPULAR ? Cursor.encode(last.plays(), last.id())
                    : Cursor.encode(last.publishedAt(), last.id());
        }
        return new Page(List.copyOf(shown), next);
    }

    /** A published episode with a playback URL signed now, and related episodes sharing a topic (404 otherwise). */
    public Uni<Detail> detail(UUID id) {
        return pool.preparedQuery("""
                        select e.*, st.plays, c.name as column_name, o.name as organisation_name,
                               (select count(*) from edu_like l where l.episode_id = e.id) as likes
                        from edu_episode e join edu_column c on c.id = e.column_id
                        join edu_episode_stats st on st.episode_id = e.id
                        join organisation o on o.id = c.organisation_id
                        where e.id = $1 and e.status = 'PUBLISHED'""").execute(Tuple.of(id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFound("普法视频", id);
                    }
                    Row r = rows.iterator().next();
                    String[] topics = r.getArrayOfStrings("topics");
                    return pool.preparedQuery("select " + ITEM_COLUMNS + " from " + ITEM_FROM + " " + """
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
