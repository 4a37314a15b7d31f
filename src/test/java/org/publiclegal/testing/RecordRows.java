package org.publiclegal.testing;

import java.util.List;

/**
 * Stored rows as JSON text without the columns that differ between two equal records by nature (their ids, the
 * sealed columns, whose nonce and binding differ, and what the caller names, e.g. times read from the clock), so that
 * what a batch wrote can be compared with what single writes wrote.
 */
public final class RecordRows {

    private RecordRows() {
    }

    /** The rows of {@code table} where {@code column = value}, sorted, each without {@code dropped} and ciphers. */
    public static List<String> of(String table, String column, Object value, String... dropped) {
        StringBuilder names = new StringBuilder("array['']");
        for (String d : dropped) {
            names.append(" || '").append(d).append("'::text");
        }
        return Fixtures.column("select (select coalesce(jsonb_object_agg(k, v), '{}'::jsonb) from jsonb_each(to_jsonb(t)) e(k, v) "
                + "where k not like '%cipher' and k <> all(" + names + "))::text from " + table + " t where " + column
                + " = ?1 order by 1", String.class, value);
    }
}
