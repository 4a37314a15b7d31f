package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;

import java.time.LocalDate;
import java.util.List;

/**
 * One import kind's rows: how a row is checked (every problem recorded in the {@link RowCheck}), what makes it the
 * same row again (its stable key), and how it is created through the feature's own service in the caller's
 * transaction.
 *
 * @param <P> a checked row
 */
public interface RowHandler<P> {

    ImportKind kind();

    /** The checked row, or null when the check recorded problems. Runs on the job's worker thread. */
    P parse(RowCheck row, ImportContext ctx);

    /** The values that identify the row: the same values are the same row, in this file or a later one. */
    List<String> keyParts(P row);

    /** Whether the register already holds the row's record (created by hand before the import). */
    default boolean alreadyRegistered(P row, ImportContext ctx) {
        return false;
    }

    /** The day the row's ledger event is dated, for 台账 rows; null for registers. */
    default LocalDate datedOn(P row) {
        return null;
    }

    /** The region the row's ledger event belongs to, for 台账 rows. */
    default String regionOf(P row) {
        return null;
    }

    /** The type of record a row creates (the source marker's record type). */
    String recordType();

    /** Creates the row's record through the feature's service, in the current transaction; answers its id. */
    Uni<String> apply(P row, int rowNo, ImportContext ctx);

    /**
     * After the last row of a confirmed import (and again when a failed one is resumed), in a transaction of its
     * own: what the whole file's rows need once (a contract import brings its villages' coverage up to today).
     */
    default Uni<Void> finish(ImportContext ctx) {
        return Uni.createFrom().voidItem();
    }
}
