package org.publiclegal.shared.persistence;

import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursor: the sort values of the last row of a page, base64url-encoded. Clients pass it back
 * unchanged; a cursor that does not decode to the expected number of values is a 400, never a 500.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(Object... values) {
        StringBuilder s = new StringBuilder("v1");
        for (Object v : values) {
            s.append(SEPARATOR).append(v);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's values, or an empty list when there is no cursor (first page). */
    public static List<String> decode(String cursor, int expectedValues) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(raw.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != expectedValues + 1 || !"v1".equals(parts.get(0))) {
                throw invalid();
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static DomainException invalid() {
        return new DomainException(ErrorCode.INVALID_CURSOR, "分页游标无效，请从第一页重新加载");
    }
}
