package org.publiclegal.onboarding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The import tables. The job runner reads and writes its bookkeeping through the pool (outside any Hibernate session);
 * what must commit with the created records (the source marker, progress) goes through the current session.
 */
@ApplicationScoped
public class ImportStore {

    private static final String COLUMNS = """
            id, kind, file_name, file_sha256, file_key, importer_id, importer_roles, importer_org, scope_region, status,
            rows_total, rows_done, rows_new, rows_existing, rows_adjusting, error_count, failure, created_at,
            validated_at, confirmed_at, finished_at""";

    private final Pool pool;

    public ImportStore(Pool pool) {
        this.pool = pool;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static ImportJob job(Row r) {
        return new ImportJob(r.getUUID("id"), ImportKind.valueOf(r.getString("kind")), r.getString("file_name"),
                r.getString("file_sha256").trim(), r.getUUID("file_key"), r.getUUID("importer_id"),
                new LinkedHashSet<>(Arrays.asList(r.getString("importer_roles").split(","))), r.getUUID("importer_org"),
                r.getString("scope_region"), ImportJob.Status.valueOf(r.getString("status")), r.getInteger("rows_total"),
                r.getInteger("rows_done"), r.getInteger("rows_new"), r.getInteger("rows_existing"),
                r.getInteger("rows_adjusting"), r.getInteger("error_count"), r.getString("failure"),
                instant(r, "created_at"), instant(r, "validated_at"), instant(r, "confirmed_at"), instant(r, "finished_at"));
    }

    /** Inserts a new job (status VALIDATING) in the current session's transaction, with its stored file. */
    public Uni<Void> insert(UUID id, ImportKind kind, String fileName, String sha256, UUID fileKey, UUID importerId,
                            String roles, UUID importerOrg, String scopeRegion, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into onboarding_import (id, kind, file_name, file_sha256, file_key, importer_id, importer_roles,
                            importer_org, scope_region, status, created_at)
                        values (:id, :kind, :name, :sha, :file, :importer, :roles, :org, :region, 'VALIDATING', :now)""")
                .setParameter("id", id).setParameter("kind", kind.name()).setParameter("name", fileName)
                .setParameter("sha", sha256).setParameter("file", fileKey).setParameter("importer", importerId)
                .setParameter("roles", roles).setParameter("org", importerOrg).setParameter("region", scopeRegion)
                .setParameter("now", utc(now)).executeUpdate()).replaceWithVoid();
    }

    public Uni<ImportJob> find(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from onboarding_import where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? job(rows.iterator().next()) : null);
    }

    /** Jobs of a scope, newest first, after the cursor (created_at, id). */
    public Uni<List<ImportJob>> page(String low, String high, Instant beforeAt, UUID beforeId, int limit) {
        String where = beforeAt == null ? "" : " and (created_at, id) < ($4, $5)";
        Tuple args = Tuple.of(low, high, limit + 1);
        if (beforeAt != null) {
            args.addValue(utc(beforeAt)).addValue(beforeId);
        }
        return pool.preparedQuery("select " + COLUMNS + " from onboarding_import where scope_region >= $1 and scope_region < $2"
                        + where + " order by created_at desc, id desc limit $3").execute(args)
                .map(rows -> {
                    List<ImportJob> list = new ArrayList<>();
                    rows.forEach(r -> list.add(job(r)));
                    return list;
                });
    }

    /**
     * Claims the oldest job waiting for this or any replica (a dry run to make or a confirmed import to run), or one
     * whose claim expired (its replica stopped): {@code FOR UPDATE SKIP LOCKED}, so two replicas never take the same.
     */
    public Uni<ImportJob> claim(String worker, Instant now, Instant expiredBefore) {
        return pool.preparedQuery("""
                        update onboarding_import i set claimed_at = $1, claimed_by = $2,
                            status = case when i.status = 'QUEUED' then 'IMPORTING' else i.status end
                        where i.id = (select x.id from onboarding_import x
                                      where x.status in ('VALIDATING', 'QUEUED', 'IMPORTING')
                                        and (x.claimed_at is null or x.claimed_at < $3)
                                      order by x.created_at limit 1 for update skip locked)
                        returning\s""" + COLUMNS)
                .execute(Tuple.of(utc(now), worker, utc(expiredBefore)))
                .map(rows -> rows.iterator().hasNext() ? job(rows.iterator().next()) : null);
    }

    /** Keeps a claim alive and shows progress. */
    public Uni<Void> progress(UUID id, int total, int done, Instant now) {
        return pool.preparedQuery("update onboarding_import set rows_total = $2, rows_done = $3, claimed_at = $4 where id = $1")
                .execute(Tuple.of(id, total, done, utc(now))).replaceWithVoid();
    }

    /** The end of a dry run: its counts and VALIDATED or REJECTED; the claim is released. */
    public Uni<Void> validated(UUID id, ImportJob.Status status, int total, int fresh, int existing, int adjusting,
                               int errors, String failure, Instant now) {
        return pool.preparedQuery("""
                        update onboarding_import set status = $2, rows_total = $3, rows_done = $3, rows_new = $4,
                            rows_existing = $5, rows_adjusting = $6, error_count = $7, failure = $8, validated_at = $9,
                            claimed_at = null, claimed_by = null
                        where id = $1""")
                .execute(Tuple.tuple(List.of(id, status.name(), total, fresh, existing, adjusting, errors))
                        .addValue(failure).addValue(utc(now)))
                .replaceWithVoid();
    }

    /** The end of an import run: DONE or FAILED (with why); the claim is released. */
    public Uni<Void> finished(UUID id, ImportJob.Status status, String failure, Instant now) {
        return pool.preparedQuery("""
                        update onboarding_import set status = $2, failure = $3, finished_at = $4, claimed_at = null,
                            claimed_by = null where id = $1""")
                .execute(Tuple.of(id, status.name(), failure, utc(now))).replaceWithVoid();
    }

    /** VALIDATED or FAILED → QUEUED (in the current session's transaction); false when the job is in another state. */
    public Uni<Boolean> queue(UUID id, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update onboarding_import set status = 'QUEUED', rows_done = 0, failure = null, confirmed_at = :now
                        where id = :id and status in ('VALIDATED', 'FAILED')""")
                .setParameter("id", id).setParameter("now", utc(now)).executeUpdate()).map(n -> n == 1);
    }

    public Uni<Void> addErrors(UUID id, List<RowError> errors) {
        if (errors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = errors.stream().map(e -> Tuple.of(id, e.rowNo(), e.column(), truncate(e.message()))).toList();
        return pool.preparedQuery("insert into onboarding_import_error (import_id, row_no, column_name, message) "
                + "values ($1, $2, $3, $4)").executeBatch(batch).replaceWithVoid();
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    /** A problem of the report with its position for the cursor. */
    public record ErrorRow(long seq, int rowNo, String column, String message) {
    }

    public Uni<List<ErrorRow>> errors(UUID id, long afterSeq, int limit) {
        return pool.preparedQuery("select id, row_no, column_name, message from onboarding_import_error "
                        + "where import_id = $1 and id > $2 order by id limit $3")
                .execute(Tuple.of(id, afterSeq, limit + 1))
                .map(rows -> {
                    List<ErrorRow> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new ErrorRow(r.getLong("id"), r.getInteger("row_no"),
                            r.getString("column_name"), r.getString("message"))));
                    return list;
                });
    }

    public Uni<Void> clearErrors(UUID id) {
        return pool.preparedQuery("delete from onboarding_import_error where import_id = $1").execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /** Which of the keys were imported before. */
    public Uni<Set<String>> importedKeys(ImportKind kind, List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery("select row_key from onboarding_imported_record where kind = $1 and row_key = any($2)")
                .execute(Tuple.of(kind.name(), keys.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    rows.forEach(r -> found.add(r.getString(0).trim()));
                    return found;
                });
    }

    public Uni<Boolean> usernameTaken(String username) {
        return pool.preparedQuery("select exists (select 1 from staff_credential where username = $1)")
                .execute(Tuple.of(username)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The registered regions of a subtree (the root included). */
    public Uni<Set<String>> regionsWithin(String low, String high) {
        return pool.preparedQuery("select code from region where code >= $1 and code < $2").execute(Tuple.of(low, high))
                .map(rows -> {
                    Set<String> codes = new HashSet<>();
                    rows.forEach(r -> codes.add(r.getString(0)));
                    return codes;
                });
    }

    /** The organisations of a subtree: region code, name, id, type. */
    public Uni<List<Row>> organisationsWithin(String low, String high) {
        return pool.preparedQuery("select region_code, name, id, type from organisation where region_code >= $1 and region_code < $2")
                .execute(Tuple.of(low, high)).map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    /** The source marker of a created record, in the current session's transaction. */
    public Uni<Void> markImported(ImportKind kind, String key, UUID importId, int rowNo, String recordType,
                                  String recordId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into onboarding_imported_record (kind, row_key, import_id, row_no, record_type, record_id, imported_at)
                        values (:kind, :key, :import, :row, :type, :record, :now)""")
                .setParameter("kind", kind.name()).setParameter("key", key).setParameter("import", importId)
                .setParameter("row", rowNo).setParameter("type", recordType).setParameter("record", recordId)
                .setParameter("now", utc(now)).executeUpdate()).replaceWithVoid();
    }

    /** A created record's source marker, as a batch writes them. */
    public record Marker(String key, int rowNo, String recordId) {
    }

    /** Markers of one multi-row insert (7 parameters each). */
    static final int MARKER_CHUNK = 500;

    /**
     * The source markers of a batch's created records, in the current session's transaction: what
     * {@link #markImported} writes for each, with one multi-row insert per {@value #MARKER_CHUNK} markers.
     */
    public Uni<Void> markImportedAll(ImportKind kind, List<Marker> markers, UUID importId, String recordType, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < markers.size(); from += MARKER_CHUNK) {
            List<Marker> chunk = markers.subList(from, Math.min(markers.size(), from + MARKER_CHUNK));
            chain = chain.chain(() -> insertMarkers(kind, chunk, importId, recordType, now));
        }
        return chain;
    }

    private Uni<Void> insertMarkers(ImportKind kind, List<Marker> markers, UUID importId, String recordType, Instant now) {
        StringBuilder sql = new StringBuilder("insert into onboarding_imported_record "
                + "(kind, row_key, import_id, row_no, record_type, record_id, imported_at) values ");
        for (int i = 0; i < markers.size(); i++) {
            int p = i * 7;
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= 7; c++) {
                sql.append(c == 1 ? "?" : ", ?").append(p + c);
            }
            sql.append(')');
        }
        OffsetDateTime at = utc(now);
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString());
            for (int i = 0; i < markers.size(); i++) {
                Marker m = markers.get(i);
                int p = i * 7;
                query.setParameter(p + 1, kind.name());
                query.setParameter(p + 2, m.key());
                query.setParameter(p + 3, importId);
                query.setParameter(p + 4, m.rowNo());
                query.setParameter(p + 5, recordType);
                query.setParameter(p + 6, m.recordId());
                query.setParameter(p + 7, at);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** Rows done so far, in the current session's transaction (committed with the batch it counts). */
    public Uni<Void> rowsDone(UUID id, int done, int created, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update onboarding_import set rows_done = :done, rows_new = :created, claimed_at = :now where id = :id")
                .setParameter("id", id).setParameter("done", done).setParameter("created", created)
                .setParameter("now", utc(now)).executeUpdate()).replaceWithVoid();
    }

    /** Stores the bcrypt hashes of a staff import's initial passwords (replacing those of an earlier confirm). */
    public Uni<Void> storeInitialHashes(UUID id, List<Object[]> rowAndHash) {
        Uni<Void> cleared = pool.preparedQuery("delete from onboarding_initial_credential where import_id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
        if (rowAndHash.isEmpty()) {
            return cleared;
        }
        List<Tuple> batch = rowAndHash.stream().map(r -> Tuple.of(id, r[0], r[1])).toList();
        return cleared.chain(() -> pool.preparedQuery("insert into onboarding_initial_credential (import_id, row_no, "
                + "password_hash) values ($1, $2, $3)").executeBatch(batch).replaceWithVoid());
    }

    public Uni<String> initialPasswordHash(UUID id, int rowNo) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select password_hash from onboarding_initial_credential where import_id = :id and row_no = :row", String.class)
                .setParameter("id", id).setParameter("row", rowNo).getResultList())
                .map(list -> list.isEmpty() ? null : list.get(0));
    }

    public Uni<Void> dropInitialHashes(UUID id) {
        return pool.preparedQuery("delete from onboarding_initial_credential where import_id = $1").execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /** The records an import created (source markers), for its report. */
    public Uni<Long> createdBy(UUID id) {
        return pool.preparedQuery("select count(*) from onboarding_imported_record where import_id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.iterator().next().getLong(0));
    }
}
