package org.publiclegal.onboarding;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One import kind's rows: how a row is checked (every problem recorded in the {@link RowCheck}), what makes it the
 * same row again (its stable key), and how it is created through the feature's own service in the caller's
 * transaction.
 * <p>
 * A confirmed import hands the rows over a batch at a time ({@link #registeredAmong}, {@link #applyAll}); the defaults
 * fall back to the row-at-a-time methods, and a 台账 kind with many rows overrides them with its feature's batch entry
 * point (one look-up and a few batched statements per batch instead of several round trips per row).
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

    /**
     * Which rows of a batch the register already holds: a look-up for the whole batch, then answered per row. Runs on
     * the job's worker thread (blocking). Default: {@link #alreadyRegistered} per row.
     */
    default Predicate<P> registeredAmong(List<P> rows, ImportContext ctx) {
        return row -> alreadyRegistered(row, ctx);
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

    /**
     * The order in which a confirmed import hands the file's rows over, or null (the file's order, streamed batch by
     * batch). With an order, the checked rows of the whole file are held (their row numbers kept) and sorted
     * (stably) before the first batch: for kinds with small files whose rows must go in by date whatever order the
     * sheet has (contracts by signing day).
     */
    default Comparator<P> applyOrder() {
        return null;
    }

    /** A checked row of a batch with its row number in the file. */
    record Numbered<P>(int rowNo, P row) {
    }

    /**
     * Creates the records of a batch through the feature's service, in the current transaction; answers their ids in
     * the order of {@code rows}. Default: {@link #apply} one row after the other.
     */
    default Uni<List<String>> applyAll(List<Numbered<P>> rows, ImportContext ctx) {
        List<String> ids = new ArrayList<>(rows.size());
        return Multi.createFrom().iterable(rows).onItem()
                .transformToUniAndConcatenate(r -> apply(r.row(), r.rowNo(), ctx).invoke(ids::add))
                .collect().last().map(x -> ids);
    }
}
