package org.publiclegal.onboarding.api;

import org.publiclegal.onboarding.ImportJob;
import org.publiclegal.onboarding.ImportKind;
import org.publiclegal.onboarding.ImportRunner;
import org.publiclegal.onboarding.ImportService;
import org.publiclegal.onboarding.ImportStore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the import endpoints answer. */
public final class ImportViews {

    private ImportViews() {
    }

    /**
     * An import: status, progress (rows done of total) and the dry run's counts: rows that would be or were created,
     * rows already there (nothing created), 台账 rows going into closed periods as adjustments, problems found.
     */
    public record ImportView(UUID id, ImportKind kind, String kindLabel, String fileName, String fileSha256,
                             ImportJob.Status status, int rowsTotal, int rowsDone, int rowsNew, int rowsExisting,
                             int rowsAdjusting, int errorCount, String failure, String scopeRegion, UUID importerId,
                             Instant createdAt, Instant validatedAt, Instant confirmedAt, Instant finishedAt) {
        public static ImportView of(ImportJob j) {
            return new ImportView(j.id(), j.kind(), j.kind().label(), j.fileName(), j.fileSha256(), j.status(),
                    j.rowsTotal(), j.rowsDone(), j.rowsNew(), j.rowsExisting(), j.rowsAdjusting(), j.errorCount(),
                    j.failure(), j.scopeRegion(), j.importerId(), j.createdAt(), j.validatedAt(), j.confirmedAt(),
                    j.finishedAt());
        }
    }

    /** A problem of the dry run: row number (the header is row 1), Chinese column header, Chinese message. */
    public record ImportErrorView(int row, String column, String message) {
        public static ImportErrorView of(ImportStore.ErrorRow e) {
            return new ImportErrorView(e.rowNo(), e.column(), e.message());
        }
    }

    /** A new account's first password, answered once at confirm; it must be changed at the first sign-in. */
    public record InitialPasswordView(int row, String username, String initialPassword) {
    }

    /**
     * A new account's one-time sign-in link, answered once at confirm: with {@code token} the staff member sets their
     * own password ({@code POST /api/auth/sign-in-link}) before {@code expiresAt}, once.
     */
    public record SignInLinkView(int row, String username, String token, Instant expiresAt) {
    }

    /**
     * The confirmed import and, for a staff import, the first passwords or the one-time sign-in links (kept nowhere:
     * hand them over now).
     */
    public record ConfirmView(ImportView importJob, List<InitialPasswordView> initialPasswords,
                              List<SignInLinkView> signInLinks) {
        public static ConfirmView of(ImportService.Confirmed c) {
            return new ConfirmView(ImportView.of(c.job()), c.initialPasswords().stream()
                    .map((ImportRunner.InitialPassword p) -> new InitialPasswordView(p.rowNo(), p.username(), p.password()))
                    .toList(), c.signInLinks().stream()
                    .map(l -> new SignInLinkView(l.rowNo(), l.username(), l.token(), l.expiresAt())).toList());
        }
    }

    /** An import kind with its template's columns. */
    public record KindView(ImportKind kind, String label, List<ImportKind.Column> columns, String templateUrl) {
        public static KindView of(ImportKind k) {
            return new KindView(k, k.label(), k.columns(), "/api/imports/templates/" + k.name());
        }
    }
}
