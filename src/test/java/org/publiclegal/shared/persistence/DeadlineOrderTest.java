package org.publiclegal.shared.persistence;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A work queue in deadline order, page by page: cases with a deadline (oldest first), then cases without one,
 * each phase a plain keyset range. The query is an in-memory table that applies the same predicates.
 */
class DeadlineOrderTest {

    record Row(Instant due, UUID id) {
    }

    private static final Instant T = Instant.parse("2026-03-02T02:00:00Z");

    /** Five dated rows (two share a deadline) and three undated ones. */
    private final List<Row> table = List.of(
            new Row(T.plusSeconds(30), id(1)), new Row(T, id(2)), new Row(T, id(3)), new Row(T.plusSeconds(10), id(4)),
            new Row(T.plusSeconds(20), id(5)), new Row(null, id(6)), new Row(null, id(7)), new Row(null, id(8)));
    private final List<String> queries = new ArrayList<>();

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-0000-0000-00000000000" + n);
    }

    /** Interprets the two phases' predicates the way the database does. */
    private Uni<List<Row>> run(String where, Map<String, Object> params, String orderBy, int limit) {
        queries.add(where + " order by " + orderBy);
        boolean dated = where.contains("a.currentDueAt is not null");
        List<Row> rows = table.stream().filter(r -> dated == (r.due() != null)).filter(r -> {
            if (params.containsKey("pageDue")) {
                Instant due = (Instant) params.get("pageDue");
                UUID id = (UUID) params.get("pageId");
                return r.due().isAfter(due) || (r.due().equals(due) && r.id().compareTo(id) > 0);
            }
            return !params.containsKey("pageId") || r.id().compareTo((UUID) params.get("pageId")) > 0;
        }).sorted(dated ? Comparator.comparing(Row::due).thenComparing(Row::id) : Comparator.comparing(Row::id))
                .limit(limit + 1L).toList();
        return Uni.createFrom().item(rows);
    }

    private CursorPage<Row> page(String cursor, int limit) {
        return DeadlineOrder.page("a", "a.status in :open", Map.of("open", "x"), cursor, limit,
                (w, p, o) -> run(w, p, o, limit), Row::due, Row::id).await().indefinitely();
    }

    @Test
    void pagesRunThroughTheDeadlinesOldestFirstThenTheCasesWithoutOneWithoutRepeatsOrGaps() {
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            CursorPage<Row> p = page(cursor, 2);
            p.items().forEach(r -> seen.add(r.id()));
            cursor = p.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(List.of(id(2), id(3), id(4), id(5), id(1), id(6), id(7), id(8)), seen);
        assertEquals(4, pages);
    }

    @Test
    void aFullPageOfDeadlinesDoesNotQueryTheCasesWithoutOne() {
        CursorPage<Row> p = page(null, 2);
        assertEquals(List.of(id(2), id(3)), p.items().stream().map(Row::id).toList());
        assertEquals(List.of("a.status in :open and a.currentDueAt is not null order by a.currentDueAt, a.id"), queries);
        assertEquals(List.of(T.toString(), id(3).toString()), Cursor.decode(p.nextCursor(), 2));
    }

    @Test
    void aPageThatRunsOutOfDeadlinesIsFilledUpWithCasesWithoutOne() {
        CursorPage<Row> p = page(Cursor.encode(T.plusSeconds(10), id(4)), 3);
        assertEquals(List.of(id(5), id(1), id(6)), p.items().stream().map(Row::id).toList());
        assertEquals(2, queries.size());
        assertTrue(queries.get(0).contains("(a.currentDueAt, a.id) > (:pageDue, :pageId)"), queries.get(0));
        assertEquals("a.status in :open and a.currentDueAt is null order by a.id", queries.get(1));
        assertEquals(List.of("-", id(6).toString()), Cursor.decode(p.nextCursor(), 2), "the next page starts in the undated phase");
    }

    @Test
    void aCursorInTheUndatedPhaseSkipsTheDeadlinesAltogether() {
        CursorPage<Row> p = page(Cursor.encode("-", id(6)), 5);
        assertEquals(List.of(id(7), id(8)), p.items().stream().map(Row::id).toList());
        assertEquals(List.of("a.status in :open and a.currentDueAt is null and a.id > :pageId order by a.id"), queries);
        assertNull(p.nextCursor());
    }

    @Test
    void aCursorWithABadDeadlineOrIdentifierIsInvalid() {
        for (String bad : List.of(Cursor.encode("yesterday", id(1)), Cursor.encode(T, "not-a-uuid"), Cursor.encode("-", "x"))) {
            DomainException e = assertThrows(DomainException.class, () -> page(bad, 2));
            assertEquals(ErrorCode.INVALID_CURSOR, e.code());
        }
    }

    @Test
    void exactlyAPageOfDeadlinesStillTellsThatCasesWithoutOneFollow() {
        CursorPage<Row> p = page(null, 5);
        assertEquals(List.of(id(2), id(3), id(4), id(5), id(1)), p.items().stream().map(Row::id).toList());
        assertEquals(2, queries.size(), "one undated row is fetched only to know that more follow");
        assertEquals(List.of(T.plusSeconds(30).toString(), id(1).toString()), Cursor.decode(p.nextCursor(), 2));
    }
}
