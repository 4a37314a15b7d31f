package org.publiclegal.shared.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The naming rule for schemas of nested API types (issue 16): a nested record or enum is named after the
 * classes that enclose it, then its own name ({@code ApplicationRequests.Create} → {@code ApplicationCreate},
 * {@code VideoFeed.Item} → {@code VideoFeedItem}), so generic names ({@code Create}, {@code Item}, {@code Status})
 * and numbered duplicates ({@code Outcome1}) never reach a generated client. Container suffixes that say nothing
 * about the content ({@code Requests}, {@code Resource}, {@code Service}, {@code Views}, {@code Commands}) are
 * left out, unless that would make two names equal; then the full enclosing names are used.
 */
public final class SchemaNames {

    static final List<String> CONTAINER_SUFFIXES = List.of("Requests", "Resource", "Service", "Views", "Commands");

    private SchemaNames() {
    }

    /** The enclosing names, outermost first, then the simple name; suffixes of containers dropped. */
    public static String shortName(List<String> enclosing, String simpleName) {
        StringBuilder b = new StringBuilder();
        for (String e : enclosing) {
            b.append(strip(e));
        }
        String prefix = b.toString();
        // ApplicationStatus nested in Application… is not ApplicationApplicationStatus
        return simpleName.startsWith(prefix) ? simpleName : prefix + simpleName;
    }

    /** The enclosing names, outermost first, then the simple name, as they are. */
    public static String fullName(List<String> enclosing, String simpleName) {
        return String.join("", enclosing) + simpleName;
    }

    static String strip(String name) {
        for (String suffix : CONTAINER_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /**
     * New names for the given schemas: {@code current name → (enclosing names, simple name)}. A short name that
     * equals another new name, or a schema name that stays, falls back to the full enclosing names; a schema for
     * which that is taken too is left out (it keeps its name).
     */
    public static Map<String, String> rename(Map<String, Nesting> nested, Set<String> allNames) {
        Map<String, String> shortNames = new LinkedHashMap<>();
        Map<String, Integer> uses = new LinkedHashMap<>();
        for (Map.Entry<String, Nesting> e : nested.entrySet()) {
            String s = shortName(e.getValue().enclosing(), e.getValue().simpleName());
            shortNames.put(e.getKey(), s);
            uses.merge(s, 1, Integer::sum);
        }
        Map<String, String> result = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>(allNames);
        kept.removeAll(nested.keySet());
        for (Map.Entry<String, String> e : shortNames.entrySet()) {
            String s = e.getValue();
            if (uses.get(s) > 1 || kept.contains(s)) {
                Nesting n = nested.get(e.getKey());
                s = fullName(n.enclosing(), n.simpleName());
                if (kept.contains(s) || result.containsValue(s)) {
                    continue; // no unique name: the schema keeps the one it has (the lint test reports it)
                }
            }
            result.put(e.getKey(), s);
        }
        return result;
    }

    /** Where a nested type sits: its enclosing classes (outermost first) and its own simple name. */
    public record Nesting(List<String> enclosing, String simpleName) {
    }
}
