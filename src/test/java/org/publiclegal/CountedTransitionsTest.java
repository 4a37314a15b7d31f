package org.publiclegal;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.shared.ledger.Ledger;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build fails when a code path performs a status transition that the metric catalogue counts without writing
 * (or reversing) a ledger event: every caller of a counted transition must reach {@link Ledger#record} or
 * {@link Ledger#reverse} from the same method, its lambdas, or the methods of its own class they call.
 */
class CountedTransitionsTest {

    /** The aggregate methods whose transitions a catalogue figure counts (or un-counts), by class. */
    static final Map<String, List<String>> COUNTED = Map.of(
            "org.publiclegal.legalaid.LegalAidApplication",
            List.of("receive", "refuse", "assign", "close", "decideObjection"),
            "org.publiclegal.mediation.Dispute", List.of("sealed", "fail"),
            "org.publiclegal.advisory.ServiceRecord", List.of("voidRecord"));

    private static final String LEDGER = Ledger.class.getName();

    @Test
    void everyCallerOfACountedTransitionWritesItsLedgerEvent() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.publiclegal");
        List<String> violations = new ArrayList<>();
        COUNTED.forEach((owner, methods) -> {
            for (String method : methods) {
                List<JavaMethodCall> callers = callsOf(classes.get(owner), method);
                assertFalse(callers.isEmpty(), owner + "." + method + " is counted but nothing calls it: renamed?");
                callers.stream().filter(c -> !writesLedger(c.getOrigin()))
                        .forEach(c -> violations.add(c.getDescription()));
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void theGuardCatchesAServiceThatFailsADisputeWithoutItsEvent() {
        JavaClasses classes = new ClassFileImporter().importClasses(ForgetfulService.class, Dispute.class, Ledger.class);
        List<JavaMethodCall> calls = callsOf(classes.get(Dispute.class), "fail");
        assertEquals(4, calls.size());
        List<String> forgetful = calls.stream().filter(c -> !writesLedger(c.getOrigin()))
                .map(c -> c.getOrigin().getName()).sorted().toList();
        assertEquals(List.of("failHalfCounted", "failQuietly"), forgetful);
        assertTrue(calls.stream().anyMatch(c -> c.getOrigin().getName().equals("failAndCount")));
    }

    /** Calls of {@code method} on {@code owner} from other classes. */
    static List<JavaMethodCall> callsOf(JavaClass owner, String method) {
        return owner.getMethods().stream().filter(m -> m.getName().equals(method))
                .flatMap(m -> m.getCallsOfSelf().stream())
                .filter(c -> !c.getOriginOwner().equals(owner)).toList();
    }

    /**
     * Whether the method (with its lambdas and the same-class methods they call) records or reverses an event
     * ({@code recordAll}, the batch entry point, records too).
     */
    static boolean writesLedger(JavaCodeUnit origin) {
        return writesLedger(origin, new HashSet<>());
    }

    /**
     * Forward from the method as above; or, for a private method (a batch's {@code build} step that makes the
     * entities while its caller writes all their events at once), when every method of its class that calls it
     * writes the ledger.
     */
    private static boolean writesLedger(JavaCodeUnit origin, Set<String> asked) {
        if (writesLedgerForward(origin)) {
            return true;
        }
        JavaClass owner = origin.getOwner();
        String root = root(origin.getName());
        JavaCodeUnit method = family(owner, root).stream().filter(u -> u.getName().equals(root)).findFirst().orElse(null);
        if (method == null || !method.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PRIVATE)
                || !asked.add(owner.getName() + "#" + root)) {
            return false;
        }
        List<JavaCodeUnit> callers = owner.getCodeUnits().stream().filter(u -> u.getName().equals(root))
                .flatMap(u -> u.getCallsOfSelf().stream()).map(c -> (JavaCodeUnit) c.getOrigin())
                .filter(o -> o.getOwner().equals(owner)).toList();
        return !callers.isEmpty() && callers.stream().allMatch(c -> writesLedger(c, asked));
    }

    private static boolean writesLedgerForward(JavaCodeUnit origin) {
        JavaClass owner = origin.getOwner();
        Deque<JavaCodeUnit> queue = new ArrayDeque<>(family(owner, root(origin.getName())));
        Set<JavaCodeUnit> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            for (JavaMethodCall call : queue.pop().getMethodCallsFromSelf()) {
                String target = call.getTargetOwner().getName();
                if (target.equals(LEDGER) && (call.getName().equals("record") || call.getName().equals("recordAll")
                        || call.getName().equals("reverse"))) {
                    return true;
                }
                if (call.getTargetOwner().equals(owner)) {
                    for (JavaCodeUnit next : family(owner, root(call.getName()))) {
                        if (seen.add(next)) {
                            queue.add(next);
                        }
                    }
                }
            }
        }
        return false;
    }

    /** The method's name without a lambda's decoration ({@code lambda$sealAgreement$3} → {@code sealAgreement}). */
    static String root(String name) {
        return name.startsWith("lambda$") ? name.substring(7, name.indexOf('$', 7)) : name;
    }

    private static List<JavaCodeUnit> family(JavaClass owner, String root) {
        return owner.getCodeUnits().stream()
                .filter(u -> u.getName().equals(root) || u.getName().startsWith("lambda$" + root + "$"))
                .map(u -> (JavaCodeUnit) u).toList();
    }

    /** What the guard must catch: one path fails a dispute and counts it, the other forgets. */
    static class ForgetfulService {
        private final Ledger ledger = null;

        /** A batch: the private step fails the disputes, its only caller counts them all. */
        void failAllAndCount(List<Dispute> ds) {
            for (Dispute d : ds) {
                failStep(d);
            }
            for (Dispute d : ds) {
                count(d);
            }
        }

        private void failStep(Dispute d) {
            d.fail("reason", Instant.EPOCH);
        }

        /** A private step called once from a path that counts and once from one that does not. */
        void failOneQuietly(Dispute d) {
            failHalfCounted(d);
        }

        void failOneAndCount(Dispute d) {
            failHalfCounted(d);
            count(d);
        }

        private void failHalfCounted(Dispute d) {
            d.fail("reason", Instant.EPOCH);
        }

        void failQuietly(Dispute d) {
            d.fail("reason", Instant.EPOCH);
        }

        void failAndCount(Dispute d) {
            d.fail("reason", Instant.EPOCH);
            count(d);
        }

        private void count(Dispute d) {
            ledger.record("MEDIATION_FAILED", d.regionCode, d.committeeId, Instant.EPOCH, "med_dispute", d.id);
        }
    }
}
