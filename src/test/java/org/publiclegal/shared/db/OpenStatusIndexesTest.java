package org.publiclegal.shared.db;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.publiclegal.legalaid.ApplicationStatus;
import org.publiclegal.mediation.MediationStatus;
import org.publiclegal.testing.Fixtures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The partial indexes of the queues repeat the open statuses by hand in their predicates (V9 named two of
 * seven and V11 fixed it). A partial index is used only when the query's predicate implies the index's, so
 * every predicate on the migrated schema that lists open statuses must list exactly the statuses whose
 * {@code isOpen()} is true: the next status added to an enum fails here until a migration fixes the indexes.
 */
@QuarkusTest
class OpenStatusIndexesTest {

    private static final Pattern STATUS_LIST = Pattern.compile("status\\)?(?:::\\w+)?\\s*=\\s*ANY\\s*\\(\\s*\\(?ARRAY\\[([^\\]]*)\\]");
    private static final Pattern LITERAL = Pattern.compile("'([A-Z_]+)'");

    @Test
    void legalAidIndexesListExactlyTheOpenApplicationStatuses() {
        Set<String> open = names(Arrays.stream(ApplicationStatus.values()).filter(ApplicationStatus::isOpen).toList());
        Set<String> all = names(Arrays.asList(ApplicationStatus.values()));
        List<String> checked = check("aid_application", open, all);
        // the queue's indexes of V4 and V11 (dated and undated, per centre, region and all)
        assertTrue(checked.size() >= 4, "expected the legal-aid queue indexes, found " + checked);
    }

    @Test
    void mediationIndexesListExactlyTheOpenDisputeStatuses() {
        Set<String> open = names(Arrays.stream(MediationStatus.values()).filter(MediationStatus::isOpen).toList());
        Set<String> all = names(Arrays.asList(MediationStatus.values()));
        assertEquals(open, names(MediationStatus.OPEN), "MediationStatus.OPEN and isOpen() disagree");
        List<String> checked = check("med_dispute", open, all);
        assertTrue(checked.size() >= 1, "expected the mediation queue indexes, found " + checked);
    }

    /**
     * Checks every partial index of the table whose predicate lists statuses none of which is closed (so it is
     * meant as "the open ones"): it must list them all. Returns the names of the indexes checked.
     */
    private static List<String> check(String table, Set<String> open, Set<String> all) {
        List<Object[]> indexes = Fixtures.run(s -> s.createNativeQuery(
                "select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ?1"
                        + " order by indexname", Object[].class).setParameter(1, table).getResultList());
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Object[] index : indexes) {
            String name = (String) index[0];
            String def = (String) index[1];
            Matcher m = STATUS_LIST.matcher(def);
            while (m.find()) {
                Set<String> listed = new TreeSet<>();
                Matcher lit = LITERAL.matcher(m.group(1));
                while (lit.find()) {
                    listed.add(lit.group(1));
                }
                assertTrue(all.containsAll(listed), name + " names a status the enum does not have: " + listed);
                if (listed.isEmpty() || !open.containsAll(listed)) {
                    continue; // lists a closed status too: not an open-status list
                }
                checked.add(name);
                if (!listed.equals(open)) {
                    wrong.add(name + " lists " + listed + " but the open statuses are " + open);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(!checked.isEmpty(), "no open-status list found among " + indexes.stream().map(i -> i[1]).toList());
        return checked;
    }

    private static Set<String> names(List<? extends Enum<?>> values) {
        Set<String> names = new TreeSet<>();
        values.forEach(v -> names.add(v.name()));
        return names;
    }
}
