package org.publiclegal.onboarding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.CoverageService;
import org.publiclegal.identity.SignInLinkService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.storage.ChunkedObjects;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 导入: upload a file (kept sealed; its dry run is queued at once), read the job and its report, confirm it. Nothing is
 * created before the confirm, and only when the dry run found no problem at all.
 */
@ApplicationScoped
public class ImportService {

    private final ImportStore store;
    private final ChunkedObjects files;
    private final ImportRunner runner;
    private final AuditTrail audit;
    private final AppConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final SignInLinkService links;
    private final CoverageService coverage;

    public ImportService(ImportStore store, ChunkedObjects files, ImportRunner runner, AuditTrail audit,
                         AppConfig config, Clock clock, Vertx vertx, SignInLinkService links,
                         CoverageService coverage) {
        this.links = links;
        this.coverage = coverage;
        this.store = store;
        this.files = files;
        this.runner = runner;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    /** 上传: a file of one kind for the importer's own area, read from the request body as it arrives. */
    public record Upload(ImportKind kind, String fileName, InputStream content) {
    }

    /**
     * Stores the file sealed, chunk by chunk as it arrives (never whole in memory; 413 above
     * {@code app.onboarding.max-file-size}, and nothing kept), then records the job and queues its dry run. Blocking:
     * call it on a worker thread.
     */
    public ImportJob upload(Upload upload, AccessScope scope, Actor actor) {
        if (!upload.kind().importableBy(scope.roles())) {
            throw DomainException.forbidden("无权导入" + upload.kind().label());
        }
        if (scope.regionCode() == null || !RegionCodes.isValid(scope.regionCode())) {
            throw DomainException.forbidden("只有有管辖区域的工作人员可以导入");
        }
        PushbackInputStream in = new PushbackInputStream(upload.content() == null ? InputStream.nullInputStream()
                : upload.content(), 1);
        try {
            int first = in.read();
            if (first < 0) {
                throw DomainException.invalidField("file", "文件为空");
            }
            in.unread(first);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long max = config.onboarding().maxFileSize().asLongValue();
        ChunkedObjects.Stored file = files.put(in, (int) config.onboarding().fileChunkSize().asLongValue(), max,
                "导入文件超过 " + max / (1024 * 1024) + " MB 的上限，请拆分为几个文件分别导入",
                head -> SheetReader.isXlsx(head) ? Templates.XLSX : "text/csv");
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> store.insert(id, upload.kind(),
                            upload.fileName(), file.sha256(), file.key(), scope.accountId(), String.join(",", scope.roles()),
                            scope.organisationId(), scope.regionCode(), now)
                    .chain(() -> audit.record(actor, "IMPORT_UPLOADED", "onboarding_import", id, scope.regionCode(),
                            upload.kind() + " " + file.size() + " bytes"))));
        } catch (Throwable e) {
            files.delete(file.key());
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
        ImportJob job = store.find(id).await().indefinitely();
        runner.kick();
        return job;
    }

    /** An import the caller may see: one of their area (or their own). */
    public Uni<ImportJob> get(UUID id, AccessScope scope) {
        return store.find(id).map(job -> {
            if (job == null || !(scope.covers(job.scopeRegion()) || job.importerId().equals(scope.accountId()))) {
                throw new NotFound("导入任务", id);
            }
            return job;
        });
    }

    /** Imports of the caller's area, newest first. */
    public Uni<CursorPage<ImportJob>> list(AccessScope scope, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        String prefix = scope.regionPrefix();
        if (prefix == null) {
            return Uni.createFrom().item(new CursorPage<>(List.of(), null));
        }
        Instant at;
        UUID afterId;
        try {
            at = after.isEmpty() ? null : Instant.parse(after.get(0));
            afterId = after.isEmpty() ? null : UUID.fromString(after.get(1));
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
        return store.page(prefix, prefix + ":", at, afterId, limit)
                .map(rows -> CursorPage.of(rows, limit, j -> Cursor.encode(j.createdAt().toString(), j.id()), j -> j));
    }

    /** The dry run's problems, in row order. */
    public Uni<CursorPage<ImportStore.ErrorRow>> errors(UUID id, AccessScope scope, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        long afterSeq;
        try {
            afterSeq = after.isEmpty() ? 0 : Long.parseLong(after.get(0));
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
        return get(id, scope).chain(job -> store.errors(id, afterSeq, limit))
                .map(rows -> CursorPage.of(rows, limit, e -> Cursor.encode(e.seq()), e -> e));
    }

    /** How a staff import's new accounts get their first sign-in: a first password or a one-time sign-in link. */
    public enum FirstSignIn { PASSWORD, LINK }

    /**
     * What a confirm answers: the job, and for a staff import each new account's first password or one-time sign-in
     * link (shown only here).
     */
    public record Confirmed(ImportJob job, List<ImportRunner.InitialPassword> initialPasswords,
                            List<SignInLinkService.Issued> signInLinks) {
    }

    public Uni<Confirmed> confirm(UUID id, AccessScope scope, Actor actor) {
        return confirm(id, FirstSignIn.PASSWORD, scope, actor);
    }

    /**
     * 确认导入: queues a checked import (or resumes a failed one); only its uploader may. 409 while the dry run runs,
     * when it found problems, or when the import is already queued, running or done. A staff import's new accounts get a first password
     * (answered here) or, with {@link FirstSignIn#LINK}, a one-time sign-in link (its token answered here; the
     * account's password is then a random one nobody is told, so only the link opens it).
     */
    public Uni<Confirmed> confirm(UUID id, FirstSignIn firstSignIn, AccessScope scope, Actor actor) {
        return get(id, scope).chain(job -> {
            switch (job.status()) {
                case VALIDATING -> throw DomainException.conflict("预检尚未完成，请稍后再确认");
                case REJECTED -> throw DomainException.conflict("预检发现 " + job.errorCount() + " 处问题，请修改文件后重新上传");
                case QUEUED, IMPORTING -> throw DomainException.conflict("该文件正在导入");
                case DONE -> throw DomainException.conflict("该文件已导入完成");
                default -> {
                }
            }
            if (!job.kind().importableBy(scope.roles())) {
                throw DomainException.forbidden("无权导入" + job.kind().label());
            }
            // the dry run checked the rows for the uploader's area and role, and the job writes them as the
            // uploader: only they decide that it goes in (a colleague of a wider area may read it, not confirm it)
            if (!job.importerId().equals(scope.accountId())) {
                throw DomainException.forbidden("只有上传该文件的人员可以确认导入");
            }
            boolean link = job.kind() == ImportKind.STAFF && firstSignIn == FirstSignIn.LINK;
            Uni<List<ImportRunner.InitialPassword>> passwords = job.kind() != ImportKind.STAFF
                    ? Uni.createFrom().item(List.of())
                    : vertx.executeBlocking(Uni.createFrom().item(() -> runner.initialPasswords(job,
                            config.auth().bcryptCost())), false)
                    .call(list -> store.storeInitialHashes(id, list.stream()
                            .map(p -> new Object[]{p.rowNo(), p.hash()}).toList()));
            List<SignInLinkService.Issued> issued = new java.util.ArrayList<>();
            // a contract import holds its area's villages from now on: a coverage sync running now finishes first
            boolean holds = job.kind() == ImportKind.CONTRACTS;
            return passwords.chain(list -> Panache.withTransaction(() -> (holds ? coverage.lockAgainstDueSync()
                            : Uni.createFrom().voidItem()).chain(() -> store.queue(id, clock.instant()))
                            .call(queued -> {
                                if (!queued) {
                                    throw DomainException.conflict("该导入任务的状态已变化，请刷新");
                                }
                                return audit.record(actor, "IMPORT_CONFIRMED", "onboarding_import", id, job.scopeRegion(),
                                        job.kind() + " " + job.rowsNew() + " new rows"
                                                + (link ? ", one-time sign-in links" : ""));
                            })
                            .call(() -> !link ? Uni.createFrom().voidItem()
                                    : links.issue(list.stream().map(p -> new SignInLinkService.Wanted(p.username(), id,
                                            p.rowNo())).toList(), actor).invoke(issued::addAll)))
                    .chain(() -> store.find(id))
                    .invoke(runner::kick)
                    .map(j -> link ? new Confirmed(j, List.of(), List.copyOf(issued)) : new Confirmed(j, list, List.of())));
        });
    }
}
