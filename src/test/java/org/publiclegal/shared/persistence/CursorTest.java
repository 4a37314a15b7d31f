package org.publiclegal.shared.persistence;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Keyset cursors: opaque, round-trip exactly, and anything else is a 400 (INVALID_CURSOR), never a 500. */
class CursorTest {

    @Test
    void aCursorGivesBackTheValuesItWasMadeOf() {
        Instant at = Instant.parse("2026-03-02T02:00:00.123456Z");
        UUID id = UUID.randomUUID();
        assertEquals(List.of(at.toString(), id.toString()), Cursor.decode(Cursor.encode(at, id), 2));
        assertEquals(List.of("", "x"), Cursor.decode(Cursor.encode("", "x"), 2), "an empty value survives");
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertEquals(List.of(), Cursor.decode(null, 2));
        assertEquals(List.of(), Cursor.decode("", 2));
        assertEquals(List.of(), Cursor.decode("  ", 2));
    }

    @Test
    void aCursorWithTooFewOrTooManyValuesIsInvalid() {
        invalid(Cursor.encode("a"), 2);
        invalid(Cursor.encode("a", "b", "c"), 2);
    }

    @Test
    void aCursorOfAnotherVersionOrNotBase64IsInvalid() {
        invalid(Base64.getUrlEncoder().encodeToString("v2\u001fa\u001fb".getBytes(StandardCharsets.UTF_8)), 2);
        invalid("%%%", 2);
    }

    @Test
    void aPageOfLimitPlusOneRowsHasANextCursorFromItsLastShownRow() {
        CursorPage<String> page = CursorPage.of(List.of(1, 2, 3), 2, n -> "after-" + n, n -> "row " + n);
        assertEquals(List.of("row 1", "row 2"), page.items());
        assertEquals("after-2", page.nextCursor());
        CursorPage<String> last = CursorPage.of(List.of(1, 2), 2, n -> "after-" + n, n -> "row " + n);
        assertEquals(List.of("row 1", "row 2"), last.items());
        assertNull(last.nextCursor(), "exactly limit rows: the last page");
    }

    @Test
    void theLimitDefaultsToTwentyAndStaysBetweenOneAndOneHundred() {
        assertEquals(20, CursorPage.limit(null));
        assertEquals(1, CursorPage.limit(0));
        assertEquals(1, CursorPage.limit(1));
        assertEquals(100, CursorPage.limit(100));
        assertEquals(100, CursorPage.limit(101));
    }

    private static void invalid(String cursor, int values) {
        DomainException e = assertThrows(DomainException.class, () -> Cursor.decode(cursor, values));
        assertEquals(ErrorCode.INVALID_CURSOR, e.code());
    }
}
