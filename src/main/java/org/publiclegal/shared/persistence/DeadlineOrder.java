package org.publiclegal.shared.persistence;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset paging of a work queue in deadline order (oldest {@code currentDueAt} first, cases without a deadline
 * after them). Two phases, each a plain index range: rows with a deadline after the cursor's
 * {@code (currentDueAt, id)} (a row comparison the index seeks to), then rows without one by id. So page 5,000
 * costs what page 1 costs, which an {@code OR ... IS NULL} predicate would not allow.
 */
public final class DeadlineOrder {

    private static final String NO_DEADLINE = "-";

    private DeadlineOrder() {
    }

    /** Runs one HQL query: {@code where} and {@code orderBy} over the alias, {@code limit + 1} rows. */
    @FunctionalInterface
    public interface Query<E> {
        Uni<List<E>> run(String where, Map<String, Object> params, String orderBy);
    }

    public static <E> Uni<CursorPage<E>> page(String alias, String where, Map<String, Object> params, String cursor,
                                              int limit, Query<E> query, Function<E, Instant> dueOf,
                                              Function<E, UUID> idOf) {
        List<String> after = Cursor.decode(cursor, 2);
        boolean undatedPhase = !after.isEmpty() && NO_DEADLINE.equals(after.get(0));
        UUID afterId = after.isEmpty() ? null : uuid(after.get(1));
        Function<E, String> cursorOf = e -> Cursor.encode(dueOf.apply(e) == null ? NO_DEADLINE : dueOf.apply(e),
                idOf.apply(e));
        Uni<List<E>> dated;
        if (undatedPhase) {
            dated = Uni.createFrom().item(List.of());
        } else {
            Map<String, Object> p = new HashMap<>(params);
            String w = where + " and " + alias + ".currentDueAt is not null";
            if (afterId != null) {
                w += " and (" + alias + ".currentDueAt, " + alias + ".id) > (:pageDue, :pageId)";
                p.put("pageDue", instant(after.get(0)));
                p.put("pageId", afterId);
            }
            dated = query.run(w, p, alias + ".currentDueAt, " + alias + ".id");
        }
        return dated.chain(rows -> {
            if (rows.size() > limit) {
                return Uni.createFrom().item(CursorPage.of(rows, limit, cursorOf, e -> e));
            }
            Map<String, Object> p = new HashMap<>(params);
            String w = where + " and " + alias + ".currentDueAt is null";
            if (undatedPhase) {
                w += " and " + alias + ".id > :pageId";
                p.put("pageId", afterId);
            }
            return query.run(w, p, alias + ".id").map(undated -> {
                List<E> all = new ArrayList<>(rows);
                all.addAll(undated.subList(0, Math.min(undated.size(), limit + 1 - rows.size())));
                return CursorPage.of(all, limit, cursorOf, e -> e);
            });
        });
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }
}
