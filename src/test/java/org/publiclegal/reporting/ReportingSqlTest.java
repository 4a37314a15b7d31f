package org.publiclegal.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.reporting.reconcile.RecordSource;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reporting reads the other features' tables (aid_application, med_dispute, adv_service_record, edu_…, the
 * registers, the ledger) through SQL strings that only run when a figure is asked for. This test takes every
 * complete SQL statement compiled into the reporting package (the string constants of its classes: text blocks
 * and constant concatenations; statements assembled at run time are covered by the reporting HTTP tests) and
 * has PostgreSQL parse and plan it on the migrated schema (a prepared statement), so a renamed or dropped column
 * or table fails the build here, naming the class and the statement.
 */
@QuarkusTest
class ReportingSqlTest {

    private static final Path CLASSES = Path.of("target", "classes", "org", "publiclegal", "reporting");
    private static final Pattern STATEMENT = Pattern.compile("(?is)^\\s*(select|with)\\b.*\\bfrom\\b.*|^\\s*(insert\\s+into|update|delete\\s+from)\\b.*");

    @Inject
    Pool pool;

    @Test
    void everyReportingStatementPreparesOnTheMigratedSchema() throws IOException {
        Map<String, String> statements = withTemplatesFilled(statements());
        assertTrue(statements.size() >= 20, "expected reporting's SQL, found " + statements.keySet());
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> e : statements.entrySet()) {
            String sql = e.getValue();
            try {
                pool.withConnection(c -> c.prepare(sql)).await().atMost(Duration.ofSeconds(30));
            } catch (RuntimeException ex) {
                failures.add(e.getKey() + ": " + ex.getMessage() + "\n" + sql);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + statements.size()
                + " reporting statements do not prepare:\n\n" + String.join("\n\n", failures));
    }

    /**
     * Leaves out a constant folded into a bigger one (a CTE or union branch, prepared as part of the whole) and
     * the record sources on their own (prepared inside the reconciliation's statements, as they run); fills the
     * templates as the code does: LedgerTotals' bucket ({@code %1$s}: "0" and "day") and the reconciliation's
     * expected records ({@code %s}: every {@link RecordSource}).
     */
    static Map<String, String> withTemplatesFilled(Map<String, String> constants) {
        List<String> sources = RecordSource.ALL.stream().map(RecordSource::sql).toList();
        Map<String, String> statements = new TreeMap<>();
        for (Map.Entry<String, String> e : constants.entrySet()) {
            String sql = e.getValue();
            boolean folded = constants.values().stream().anyMatch(other -> other != sql && other.contains(sql));
            if (folded || sources.contains(sql)) {
                continue;
            }
            if (sql.contains("%1$s")) {
                statements.put(e.getKey() + " bucket 0", sql.formatted("0"));
                statements.put(e.getKey() + " bucket day", sql.formatted("day"));
            } else if (sql.contains("%s")) {
                for (RecordSource source : RecordSource.ALL) {
                    statements.put(e.getKey() + " " + source.metric(), sql.formatted(source.sql()));
                }
            } else {
                statements.put(e.getKey(), sql);
            }
        }
        return statements;
    }

    /** class#n → statement, for every string constant of the reporting classes that is a whole statement. */
    static Map<String, String> statements() throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                int n = 0;
                for (String s : stringConstants(file)) {
                    // \u0001 marks a run-time concatenation recipe: a fragment, not a statement
                    if (s.indexOf('\u0001') < 0 && STATEMENT.matcher(s).matches()) {
                        found.put(CLASSES.relativize(file).toString().replace(".class", "") + "#" + (++n), s);
                    }
                }
            }
        }
        return found;
    }

    /** The CONSTANT_String entries of a class file's constant pool (JVMS §4.4). */
    static List<String> stringConstants(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> strings.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
            return strings.stream().map(i -> utf8[i]).toList();
        }
    }
}
