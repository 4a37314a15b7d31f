package org.publiclegal.onboarding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.publiclegal.identity.AuthService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.ledger.AdjustmentReason;
import org.publiclegal.shared.ledger.PeriodLock;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.storage.ChunkedObjects;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Runs import jobs: claims them in PostgreSQL ({@link ImportStore#claim}, so any replica may run any job and a stopped
 * replica's job is taken over once its lease expires) on one background thread of this replica, never on the event
 * loop. A dry run streams the file and writes only its report; a confirmed import streams it again and creates the
 * rows through the features' services in short transactions of {@code app.onboarding.batch-size} rows, each with the
 * rows' source markers and the progress, so the service stays responsive and a resumed import skips what is done.
 * Only the rows' keys (32 bytes each) are held for the whole file, to find a row repeated further down, except for a
 * kind whose rows go in sorted ({@link RowHandler#applyOrder}: contracts by signing day), whose checked rows are held.
 */
@ApplicationScoped
public class ImportRunner {

    /** 补录原因 of every 台账 row dated in a closed period. */
    public static final String ADJUSTMENT_REASON = "历史台账导入";
    private static final int ERROR_FLUSH = 500;
    private static final int MAX_ERRORS = 10_000;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final ImportStore store;
    private final ChunkedObjects files;
    private final Map<ImportKind, RowHandler<?>> handlers = new EnumMap<>(ImportKind.class);
    private final Instance<PeriodLock> locks;
    private final AppConfig config;
    private final Clock clock;
    private final String workerId = "import-" + UUID.randomUUID();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "onboarding-import");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final SecureRandom random = new SecureRandom();

    public ImportRunner(ImportStore store, ChunkedObjects files, RegionRows regions, OrganisationRows organisations,
                        StaffRows staff, ScreeningRows screenings, ConsultationRows consultations,
                        Instance<PeriodLock> locks, AppConfig config, Clock clock, AdvisorRows advisors,
                        ContractRows contracts, MembershipRows memberships, MediationCaseRows mediationCases,
                        AidCaseRows aidCases) {
        this.store = store;
        this.files = files;
        for (RowHandler<?> h : List.<RowHandler<?>>of(regions, organisations, staff, screenings, consultations,
                advisors, contracts, memberships, mediationCases, aidCases)) {
            handlers.put(h.kind(), h);
        }
        this.locks = locks;
        this.config = config;
        this.clock = clock;
    }

    void stop(@Observes ShutdownEvent event) {
        thread.shutdownNow();
    }

    @Scheduled(every = "${app.onboarding.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        kick();
    }

    /** Looks for jobs on the background thread (at once if it is idle, else once more when it finishes). */
    public void kick() {
        again.set(true);
        if (!thread.isShutdown() && running.compareAndSet(false, true)) {
            try {
                thread.submit(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                running.set(false); // shutting down
            }
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                ImportJob job;
                while ((job = claim()) != null) {
                    runOne(job);
                    again.set(true);
                }
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Import runner stopped on an error; it resumes at the next poll");
        } finally {
            running.set(false);
        }
    }

    private ImportJob claim() {
        Instant now = clock.instant();
        return store.claim(workerId, now, now.minus(config.onboarding().claimLease())).await().indefinitely();
    }

    private void runOne(ImportJob job) {
        try {
            if (job.status() == ImportJob.Status.VALIDATING) {
                dryRun(job);
            } else {
                importRows(job);
            }
        } catch (RuntimeException e) {
            if (e instanceof SheetReader.UnreadableFile) {
                // the importer's bad file, not the service's fault: a warning with the library's reason, no trace
                Log.warnf("Import %s (%s): file unreadable (%s)", job.id(), job.kind(),
                        e.getCause() == null ? e.getMessage() : e.getCause().toString());
            } else {
                Log.errorf(e, "Import %s (%s) failed", job.id(), job.kind());
            }
            String why = e instanceof SheetReader.UnreadableFile ? e.getMessage() : "导入中断：" + shortMessage(e);
            if (job.status() == ImportJob.Status.VALIDATING) {
                store.addErrors(job.id(), List.of(new RowError(0, null, why))).await().indefinitely();
                store.validated(job.id(), ImportJob.Status.REJECTED, 0, 0, 0, 0, 1, why, clock.instant())
                        .await().indefinitely();
            } else {
                store.finished(job.id(), ImportJob.Status.FAILED, why, clock.instant()).await().indefinitely();
            }
        }
    }

    private static String shortMessage(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    /** The importer's scope and the registers of their area, as the job starts. */
    ImportContext context(ImportJob job) {
        AccessScope scope = new AccessScope(job.importerId(), job.importerRoles(), job.importerOrg(), job.scopeRegion());
        Actor actor = new Actor(job.importerId(), String.join(",", job.importerRoles()), null);
        String low = RegionCodes.lowerBound(job.scopeRegion());
        String high = RegionCodes.upperBound(job.scopeRegion());
        Set<String> regions = store.regionsWithin(low, high).await().indefinitely();
        Map<String, ImportContext.OrgRef> orgs = new HashMap<>();
        store.organisationsWithin(low, high).await().indefinitely().forEach(r -> orgs.put(
                ImportContext.orgKey(r.getString(0), r.getString(1)),
                new ImportContext.OrgRef(r.getUUID(2), OrganisationType.valueOf(r.getString(3)))));
        ImportContext.Lookups lookups = new ImportContext.Lookups() {
            @Override
            public boolean usernameTaken(String username) {
                return store.usernameTaken(username).await().indefinitely();
            }

            @Override
            public boolean imported(ImportKind kind, String key) {
                return store.importedKeys(kind, List.of(key)).await().indefinitely().contains(key);
            }

            @Override
            public boolean periodClosed(String regionCode, LocalDate day) {
                return locks.isResolvable() && locks.get().isClosed(regionCode, day).await().indefinitely();
            }

            @Override
            public Set<PeriodLock.RegionDay> closedAmong(List<PeriodLock.RegionDay> days) {
                return locks.isResolvable() ? locks.get().closedAmong(days).await().indefinitely() : Set.of();
            }
        };
        return new ImportContext(job.id(), job.kind(), scope, actor, LocalDate.ofInstant(clock.instant(), TimeSource.CHINA),
                regions, orgs, lookups);
    }

    /** The stored file, read back chunk by chunk (blocking, on the job's thread). */
    private InputStream content(ImportJob job) {
        try {
            return files.open(job.fileKey());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the file of import " + job.id(), e);
        }
    }

    /** A checked row waiting in a batch. */
    private record Pending<P>(int rowNo, String key, P row) {
    }

    /** Streams the file through the kind's checks and hands each batch of valid, distinct rows to {@code batch}. */
    private <P> Walk walk(ImportJob job, RowHandler<P> handler, ImportContext ctx, BatchSink<P> batch) {
        Walk walk = new Walk();
        Map<String, Integer> seen = new HashMap<>();
        List<Pending<P>> pending = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int size = config.onboarding().batchSize();
        Comparator<P> order = handler.applyOrder();
        SheetReader.RowSink sink = new SheetReader.RowSink() {
            @Override
            public void header(List<String> headers) {
                for (String missing : job.kind().missingHeaders(headers)) {
                    errors.add(new RowError(1, missing, "缺少必填列“" + missing + "”，请使用下载的模板"));
                }
                if (!errors.isEmpty()) {
                    walk.errors += errors.size();
                    batch.errors(errors);
                    throw new MissingHeaders();
                }
            }

            @Override
            public void row(int rowNo, Map<String, String> cells) {
                walk.total++;
                RowCheck check = new RowCheck(rowNo, cells);
                P row = handler.parse(check, ctx);
                if (row == null) {
                    walk.errors += check.errors().size();
                    errors.addAll(check.errors());
                } else {
                    String key = RowKey.of(job.kind(), handler.keyParts(row));
                    Integer first = seen.putIfAbsent(key, rowNo);
                    if (first != null) {
                        walk.errors++;
                        errors.add(new RowError(rowNo, null, "与第 " + first + " 行重复"));
                    } else {
                        pending.add(new Pending<>(rowNo, key, row));
                    }
                }
                if (order == null && pending.size() >= size) {
                    batch.rows(new ArrayList<>(pending), walk);
                    pending.clear();
                }
                if (errors.size() >= ERROR_FLUSH) {
                    batch.errors(new ArrayList<>(errors));
                    errors.clear();
                }
                if (walk.total % 1000 == 0) {
                    batch.progress(walk);
                }
            }
        };
        try (InputStream in = content(job)) {
            SheetReader.read(in, sink);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the file of import " + job.id(), e);
        }
        if (order != null) {
            pending.sort(Comparator.comparing(Pending::row, order)); // stable: equal rows keep the sheet's order
            for (int from = 0; from < pending.size(); from += size) {
                batch.rows(new ArrayList<>(pending.subList(from, Math.min(pending.size(), from + size))), walk);
            }
        } else if (!pending.isEmpty()) {
            batch.rows(pending, walk);
        }
        if (!errors.isEmpty()) {
            batch.errors(errors);
        }
        return walk;
    }

    private static final class MissingHeaders extends RuntimeException {
        MissingHeaders() {
            super(null, null, false, false);
        }
    }

    /** Counts of one pass over a file. */
    private static final class Walk {
        int total;
        int fresh;
        int existing;
        int adjusting;
        int errors;
        int done;
    }

    private interface BatchSink<P> {
        void rows(List<Pending<P>> rows, Walk walk);

        void errors(List<RowError> errors);

        void progress(Walk walk);
    }

    @SuppressWarnings("unchecked")
    private <P> RowHandler<P> handler(ImportKind kind) {
        return (RowHandler<P>) handlers.get(kind);
    }

    /** 预检: every row checked, every problem written to the report, nothing created. */
    private <P> void dryRun(ImportJob job) {
        RowHandler<P> handler = handler(job.kind());
        ImportContext ctx = context(job);
        store.clearErrors(job.id()).await().indefinitely();
        int[] stored = {0};
        Walk walk;
        try {
            walk = walk(job, handler, ctx, new BatchSink<>() {
                @Override
                public void rows(List<Pending<P>> rows, Walk w) {
                    Set<String> imported = store.importedKeys(job.kind(), rows.stream().map(Pending::key).toList())
                            .await().indefinitely();
                    Predicate<P> registered = handler.registeredAmong(rows.stream().map(Pending::row).toList(), ctx);
                    ctx.lookUpClosedDays(rows.stream().filter(p -> !imported.contains(p.key()))
                            .map(p -> new PeriodLock.RegionDay(handler.regionOf(p.row()), handler.datedOn(p.row())))
                            .filter(d -> d.regionCode() != null && d.day() != null).toList());
                    for (Pending<P> p : rows) {
                        if (imported.contains(p.key()) || registered.test(p.row())) {
                            w.existing++;
                        } else {
                            w.fresh++;
                            LocalDate day = handler.datedOn(p.row());
                            if (day != null && ctx.periodClosed(handler.regionOf(p.row()), day)) {
                                w.adjusting++;
                            }
                        }
                    }
                }

                @Override
                public void errors(List<RowError> errors) {
                    List<RowError> kept = errors.subList(0, Math.max(0, Math.min(errors.size(), MAX_ERRORS - stored[0])));
                    stored[0] += kept.size();
                    store.addErrors(job.id(), kept).await().indefinitely();
                }

                @Override
                public void progress(Walk w) {
                    store.progress(job.id(), w.total, w.total, clock.instant()).await().indefinitely();
                }
            });
        } catch (MissingHeaders e) {
            store.validated(job.id(), ImportJob.Status.REJECTED, 0, 0, 0, 0, job.kind().missingHeaders(List.of()).size(),
                    "缺少必填列", clock.instant()).await().indefinitely();
            return;
        }
        if (walk.total == 0) {
            store.addErrors(job.id(), List.of(new RowError(2, null, "文件中没有数据行"))).await().indefinitely();
            walk.errors++;
        }
        ImportJob.Status status = walk.errors > 0 ? ImportJob.Status.REJECTED : ImportJob.Status.VALIDATED;
        store.validated(job.id(), status, walk.total, walk.fresh, walk.existing, walk.adjusting, walk.errors, null,
                clock.instant()).await().indefinitely();
        Log.infof("Import %s (%s) checked: %d rows, %d new, %d existing, %d errors", job.id(), job.kind(), walk.total,
                walk.fresh, walk.existing, walk.errors);
    }

    /** 导入: the checked file again, each batch created in one transaction with its source markers and progress. */
    private <P> void importRows(ImportJob job) {
        RowHandler<P> handler = handler(job.kind());
        ImportContext ctx = context(job);
        int[] created = {0};
        Walk walk;
        try {
            walk = walk(job, handler, ctx, new BatchSink<>() {
                @Override
                public void rows(List<Pending<P>> rows, Walk w) {
                    Set<String> imported = store.importedKeys(job.kind(), rows.stream().map(Pending::key).toList())
                            .await().indefinitely();
                    Predicate<P> registered = handler.registeredAmong(rows.stream().map(Pending::row).toList(), ctx);
                    List<Pending<P>> todo = rows.stream()
                            .filter(p -> !imported.contains(p.key()) && !registered.test(p.row())).toList();
                    // sorted rows come after the whole file is read: count them as they go in
                    w.done = handler.applyOrder() == null ? w.total : w.done + rows.size();
                    int createdAfter = created[0] + todo.size();
                    Instant now = clock.instant();
                    try {
                        // the batch's records go out in one JDBC batch (the session's default is 20 statements)
                        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                                .invoke(s -> s.setBatchSize(Math.max(todo.size(), 1)))
                                .chain(() -> AdjustmentReason.during(ADJUSTMENT_REASON,
                                        () -> createBatch(job, handler, ctx, todo, now)
                                                .chain(() -> store.rowsDone(job.id(), w.done, createdAfter, now))))));
                    } catch (Throwable e) {
                        // only a register changed since the dry run (or the database gone) gets here: the batch is
                        // rolled back whole, the earlier ones stay written, and confirming again resumes with it
                        int first = todo.isEmpty() ? 0 : todo.get(0).rowNo();
                        int last = todo.isEmpty() ? 0 : todo.get(todo.size() - 1).rowNo();
                        throw new IllegalStateException("第 " + first + "–" + last + " 行这一批未能写入（之前的批次已写入，"
                                + "修正登记后再次确认即从这一批继续）：" + shortMessage(e), e);
                    }
                    created[0] = createdAfter;
                }

                @Override
                public void errors(List<RowError> errors) {
                    RowError e = errors.get(0);
                    throw new IllegalStateException("第 " + e.rowNo() + " 行" + (e.column() == null ? "" : "“" + e.column() + "”")
                            + "：" + e.message() + "（预检之后数据已变化，请重新上传）");
                }

                @Override
                public void progress(Walk w) {
                    // progress is written with each batch
                }
            });
        } catch (MissingHeaders e) {
            throw new IllegalStateException("缺少必填列");
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> AdjustmentReason.during(
                    ADJUSTMENT_REASON, () -> handler.finish(ctx))));
        } catch (Throwable e) {
            throw new IllegalStateException("导入的收尾未能完成：" + shortMessage(e), e);
        }
        store.progress(job.id(), walk.total, walk.total, clock.instant()).await().indefinitely();
        store.finished(job.id(), ImportJob.Status.DONE, null, clock.instant()).await().indefinitely();
        if (job.kind() == ImportKind.STAFF) {
            store.dropInitialHashes(job.id()).await().indefinitely();
        }
        Log.infof("Import %s (%s) done: %d rows, %d created", job.id(), job.kind(), walk.total, created[0]);
    }

    /**
     * The records of a batch through the handler's feature service, then their source markers (one multi-row insert),
     * in the current transaction.
     */
    private <P> Uni<Void> createBatch(ImportJob job, RowHandler<P> handler, ImportContext ctx, List<Pending<P>> todo,
                                      Instant now) {
        if (todo.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return handler.applyAll(todo.stream().map(p -> new RowHandler.Numbered<>(p.rowNo(), p.row())).toList(), ctx)
                .chain(ids -> {
                    if (ids.size() != todo.size()) {
                        throw new IllegalStateException(handler.kind() + ": " + ids.size() + " records for "
                                + todo.size() + " rows");
                    }
                    List<ImportStore.Marker> markers = new ArrayList<>(todo.size());
                    for (int i = 0; i < todo.size(); i++) {
                        markers.add(new ImportStore.Marker(todo.get(i).key(), todo.get(i).rowNo(), ids.get(i)));
                    }
                    return store.markImportedAll(job.kind(), markers, job.id(), handler.recordType(), now);
                });
    }

    /** A staff member's first password, made at confirm and answered once. */
    public record InitialPassword(int rowNo, String username, String password, String hash) {
    }

    /**
     * The first passwords of the accounts a confirmed staff import will create (blocking: call it on a worker thread):
     * random, 12 characters with letters and digits, hashed at the configured bcrypt cost.
     */
    public List<InitialPassword> initialPasswords(ImportJob job, int bcryptCost) {
        RowHandler<StaffRows.Row> handler = handler(ImportKind.STAFF);
        ImportContext ctx = context(job);
        List<InitialPassword> out = new ArrayList<>();
        walk(job, handler, ctx, new BatchSink<>() {
            @Override
            public void rows(List<Pending<StaffRows.Row>> rows, Walk w) {
                Set<String> imported = store.importedKeys(job.kind(), rows.stream().map(Pending::key).toList())
                        .await().indefinitely();
                for (Pending<StaffRows.Row> p : rows) {
                    if (!imported.contains(p.key())) {
                        String password = newPassword();
                        out.add(new InitialPassword(p.rowNo(), p.row().username(), password,
                                AuthService.hashPassword(password, bcryptCost)));
                    }
                }
            }

            @Override
            public void errors(List<RowError> errors) {
                RowError e = errors.get(0);
                throw new org.publiclegal.shared.domain.DomainException(org.publiclegal.shared.problem.ErrorCode.CONFLICT,
                        "第 " + e.rowNo() + " 行：" + e.message() + "（预检之后数据已变化，请重新上传）");
            }

            @Override
            public void progress(Walk w) {
            }
        });
        return out;
    }

    String newPassword() {
        StringBuilder b = new StringBuilder();
        while (true) {
            b.setLength(0);
            for (int i = 0; i < 12; i++) {
                b.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
            }
            String p = b.toString();
            if (p.chars().anyMatch(Character::isDigit) && p.chars().anyMatch(Character::isLetter)) {
                return p;
            }
        }
    }
}
