import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the statements one request executed, as PostgreSQL logged them (csvlog, log_min_duration_statement = 0),
 * into a pgbench script that executes the same SQL with the same values: {@code java bench/PgbenchScript.java
 * LOG.csv APPLICATION_NAME OUT.sql OUT.vars [--fresh-ids [--keep UUID,…] [--fresh-prefix P]… [--fresh-periods]]}.
 * <p>
 * Only the statements of the session (connection) whose application_name is APPLICATION_NAME (the app's
 * connections, not psql's) with the most statements in the log are taken (the request's), in log order: each "execute" of the extended protocol, and each simple-protocol "statement"
 * (BEGIN, COMMIT). Each parameter stays a parameter: {@code $n} becomes a pgbench variable whose value is the
 * logged one, so {@code pgbench -M prepared} binds the same values to the same prepared statements as the app
 * did. The values go to OUT.vars as NUL-separated {@code name=value} entries for {@code pgbench -D} (a value may
 * hold colons, quotes or newlines, which pgbench would otherwise read as variables); NULL and the empty string
 * stay literals (pgbench -D takes no empty value).
 * <p>
 * With {@code --fresh-ids} (for creates) every UUID the request brought into the database (an INSERT gives it to
 * its {@code id} column, it appears in no statement before, and it is not one of the {@code --keep} ids), every
 * Idempotency-Key of the harness ({@code sbs-…}), every reference number (LA/MD + year + number) and every 32-byte hash gets a new value in
 * each transaction, from a first statement {@code select gen_random_uuid() as …  \gset}, so the script runs again
 * and again without unique-key conflicts; that statement is the one thing PostgreSQL executes that the request
 * did not. {@code --fresh-prefix P} (repeatable) gives every value starting with P a new one (P and a UUID), for
 * keys built from ids, such as the name of a booking's advisory lock. {@code --fresh-periods} moves every future
 * timestamp an INSERT wrote (a booked period) on by {@code k} days, {@code k} from the sequence {@code sbs_period}
 * (which the harness creates), so that each transaction books a period of its own and the exclusion constraint
 * over the advisor's periods never rejects it. Prints one line: how many statements, variables and fresh values.
 */
public class PgbenchScript {

    private static final Pattern DURATION = Pattern.compile(
            "(?s)duration: [0-9.]+ ms\\s+(execute [^:]*|statement): (.*)");
    private static final Pattern PARAM = Pattern.compile("\\$(\\d+) = ('(?:[^']++|'')*+'|NULL)");  // possessive: long values, no deep recursion
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern REFERENCE = Pattern.compile("(?:LA|MD)\\d{4}-\\d{6}");
    /** {@code insert into t (a, b, …) values ($1, $2, …)}: the columns and the values of a one-row insert. */
    private static final Pattern INSERT = Pattern.compile(
            "(?is)\\s*insert\\s+into\\s+\\S+\\s*\\(([^)]*)\\)\\s*values\\s*\\(([^)]*)\\).*");
    private static final Pattern HASH = Pattern.compile("\\\\x[0-9a-f]{64}");
    /** A timestamptz as PostgreSQL prints a parameter: {@code 2026-12-10 08:00:00+08}. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)([+-]\\d{2})(?::?(\\d{2}))?");

    /** The harness's Idempotency-Keys start with this, so that a script can give each transaction its own. */
    private static final String IDEMPOTENCY_KEY_PREFIX = "sbs-";

    /** A logged statement: its SQL with {@code $n} placeholders and the values (null for NULL), by n. */
    private record Statement(String session, String sql, Map<Integer, String> values) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: PgbenchScript LOG.csv APPLICATION_NAME OUT.sql OUT.vars [--fresh-ids [--keep UUID,...]]");
            System.exit(2);
        }
        boolean fresh = false;
        boolean periods = false;
        Set<String> keep = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--fresh-ids")) {
                fresh = true;
            } else if (args[i].equals("--keep") && i + 1 < args.length) {
                keep.addAll(List.of(args[++i].split(",")));
            } else if (args[i].equals("--fresh-prefix") && i + 1 < args.length) {
                prefixes.add(args[++i]);
            } else if (args[i].equals("--fresh-periods")) {
                periods = true;
            }
        }
        List<Statement> statements = new ArrayList<>();
        for (List<String> row : csv(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8))) {
            if (row.size() < 23 || !row.get(22).equals(args[1])) {
                continue;
            }
            Matcher m = DURATION.matcher(row.get(13));
            if (!m.matches()) {
                continue;
            }
            String sql = m.group(2).strip();
            if (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1);
            }
            statements.add(new Statement(row.get(5), sql, values(row.get(14))));
        }
        // the request's session: of the app's sessions in the log, the one with the most statements
        Map<String, Long> perSession = new LinkedHashMap<>();
        statements.forEach(st -> perSession.merge(st.session(), 1L, Long::sum));
        String busiest = perSession.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        statements.removeIf(st -> !st.session().equals(busiest));
        // fresh values: what the request created, by value -> the expression that makes a new one
        Map<String, String> freshExpressions = new LinkedHashMap<>();
        boolean shifted = false;
        if (fresh) {
            Set<String> written = new HashSet<>();
            Set<String> newIds = new HashSet<>();
            for (Statement st : statements) {
                if (st.sql().stripLeading().toLowerCase().startsWith("insert")) {
                    st.values().values().stream().filter(v -> v != null).forEach(written::add);
                    newIds.addAll(newIds(st));
                }
            }
            Instant soon = Instant.now().plusSeconds(3600);
            Set<String> seen = new HashSet<>(keep);
            for (Statement st : statements) {
                boolean insert = st.sql().stripLeading().toLowerCase().startsWith("insert");
                for (String v : st.values().values()) {
                    if (v == null) {
                        continue;
                    }
                    if (UUID.matcher(v).matches() && insert && !seen.contains(v) && newIds.contains(v)) {
                        freshExpressions.putIfAbsent(v, "gen_random_uuid()");
                    } else if (periods && written.contains(v) && future(v, soon)) {
                        freshExpressions.putIfAbsent(v, "timestamptz '" + v + "' + s.k * interval '1 day'");
                        shifted = true;
                    } else if (prefixes.stream().anyMatch(v::startsWith)) {
                        String prefix = prefixes.stream().filter(v::startsWith).findFirst().orElseThrow();
                        freshExpressions.putIfAbsent(v, "'" + prefix.replace("'", "''") + "' || gen_random_uuid()");
                    } else if (v.startsWith(IDEMPOTENCY_KEY_PREFIX)) {
                        freshExpressions.putIfAbsent(v, "'" + IDEMPOTENCY_KEY_PREFIX + "' || gen_random_uuid()");
                    } else if (REFERENCE.matcher(v).matches()) {
                        freshExpressions.putIfAbsent(v, "'PG' || substr(md5(gen_random_uuid()::text), 1, 10)");
                    } else if (HASH.matcher(v).matches()) {
                        freshExpressions.putIfAbsent(v, "sha256(gen_random_uuid()::text::bytea)");
                    }
                    seen.add(v);
                }
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        if (!freshExpressions.isEmpty()) {
            List<String> selects = new ArrayList<>();
            for (Map.Entry<String, String> f : freshExpressions.entrySet()) {
                String name = "f" + (names.size() + 1);
                names.put(f.getKey(), name);
                selects.add(f.getValue() + " as " + name);
            }
            out.append("select ").append(String.join(", ", selects))
                    .append(shifted ? " from (select nextval('sbs_period') as k) s" : "").append(" \\gset\n");
        }
        StringBuilder vars = new StringBuilder();
        int fixed = 0;
        for (Statement st : statements) {
            String sql = st.sql();
            for (int n = st.values().size(); n >= 1; n--) {
                if (!st.values().containsKey(n)) {
                    continue;
                }
                String v = st.values().get(n);
                String replacement;
                if (v == null) {
                    replacement = "NULL";
                } else if (v.isEmpty()) {
                    replacement = "''";  // pgbench -D takes no empty value
                } else {
                    String name = names.get(v);
                    if (name == null) {
                        name = "p" + (++fixed);
                        names.put(v, name);
                        vars.append(name).append('=').append(v).append('\0');
                    }
                    replacement = ":" + name;
                }
                sql = sql.replaceAll("\\$" + n + "(?!\\d)", Matcher.quoteReplacement(replacement));
            }
            // pgbench reads one statement per line unless it ends with a semicolon: fold the lines
            out.append(sql.replaceAll("\\s*\\n\\s*", " ")).append(";\n");
        }
        Files.writeString(Path.of(args[2]), out.toString(), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[3]), vars.toString(), StandardCharsets.UTF_8);
        System.out.println("statements=" + statements.size() + " variables=" + fixed
                + " fresh_values=" + freshExpressions.size());
    }

    /**
     * The values an INSERT gives its {@code id} column: the new rows' keys. Other ids it writes (the committee, the
     * village's organisation) are rows that exist already, even when this request did not read them.
     */
    private static Set<String> newIds(Statement st) {
        Set<String> ids = new HashSet<>();
        Matcher m = INSERT.matcher(st.sql());
        if (m.matches()) {
            String[] columns = m.group(1).split(",");
            String[] values = m.group(2).split(",");
            for (int i = 0; i < Math.min(columns.length, values.length); i++) {
                String v = values[i].strip();
                if (columns[i].strip().equalsIgnoreCase("id") && v.startsWith("$")) {
                    String bound = st.values().get(Integer.parseInt(v.substring(1)));
                    if (bound != null) {
                        ids.add(bound);
                    }
                }
            }
        }
        return ids;
    }

    /** Whether {@code value} is a timestamptz later than {@code after}. */
    private static boolean future(String value, Instant after) {
        Matcher m = TIMESTAMP.matcher(value);
        if (!m.matches()) {
            return false;
        }
        String offset = m.group(3) + ":" + (m.group(4) == null ? "00" : m.group(4));
        return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + offset).toInstant().isAfter(after);
    }

    /** The logged parameter values by number, unquoted; null for NULL. */
    private static Map<Integer, String> values(String detail) {
        Map<Integer, String> values = new LinkedHashMap<>();
        Matcher p = PARAM.matcher(detail == null ? "" : detail);
        while (p.find()) {
            String v = p.group(2);
            values.put(Integer.parseInt(p.group(1)),
                    v.equals("NULL") ? null : v.substring(1, v.length() - 1).replace("''", "'"));
        }
        return values;
    }

    /** RFC 4180 CSV as PostgreSQL writes it: quoted fields may hold commas, doubled quotes and newlines. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (!row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
