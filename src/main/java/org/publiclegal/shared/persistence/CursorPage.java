package org.publiclegal.shared.persistence;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list. {@code nextCursor} is absent on the last page.
 *
 * @param items      the rows of this page, in the list's stable order
 * @param nextCursor pass as {@code cursor} to get the next page
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that more exist.
     */
    public static <E, T> CursorPage<T> of(List<E> fetched, int limit, Function<E, String> cursorOf,
                                          Function<E, T> view) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursorOf.apply(rows.get(rows.size() - 1)) : null;
        return new CursorPage<>(rows.stream().map(view).toList(), next);
    }

    /** The page size to use: default when absent, never above the cap. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        return Math.max(1, Math.min(MAX_LIMIT, requested));
    }
}
