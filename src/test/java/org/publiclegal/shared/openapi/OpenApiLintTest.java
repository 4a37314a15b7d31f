package org.publiclegal.shared.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed contract stays lint-clean in the build, which has only a JDK: the rules of Redocly's
 * {@code recommended} set that the generated document could break, checked in Java (issue 16). The same file
 * passes {@code npx @redocly/cli@2.77.0 lint openapi/openapi.yaml} (see {@code redocly.yaml}); the drift test
 * keeps the file equal to what the code generates.
 */
class OpenApiLintTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** Names that say nothing on their own, the ones generated clients got before issue 16. */
    private static final Set<String> GENERIC = Set.of("Create", "Item", "Status", "Outcome", "Reason", "Assign", "Kind",
            "Type", "Page", "Detail", "View", "Result", "Request", "Response", "Entry", "Form", "Check", "Close",
            "Submit", "Register", "Window", "Notice", "Service", "Mode", "Level", "Term", "Rate", "Refresh");

    private static JsonNode api;

    @BeforeAll
    static void read() throws Exception {
        // SnakeYAML rather than Jackson's YAML parser, which rejects the LocalTime example 13:45:30.123456789
        try (var in = java.nio.file.Files.newBufferedReader(Path.of("openapi", "openapi.yaml"))) {
            Object document = new org.yaml.snakeyaml.Yaml().load(in);
            api = new ObjectMapper().valueToTree(document);
        }
    }

    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> ops = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                ops.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
            }
        }));
        return ops;
    }

    @Test
    void serversAreDeclared() {
        assertTrue(api.has("servers") && api.get("servers").size() > 0, "no-empty-servers");
        api.get("servers").forEach(s -> assertFalse(s.get("url").asText().contains("example.com"), "no-server-example.com"));
    }

    @Test
    void everyOperationDeclaresItsSecurityPublicOnesAnEmptyList() {
        boolean global = api.has("security");
        List<String> missing = new ArrayList<>();
        for (var op : operations()) {
            if (!global && !op.getValue().has("security")) {
                missing.add(op.getKey());
            }
        }
        assertEquals(List.of(), missing, "security-defined");
        JsonNode signIn = api.at("/paths/~1api~1auth~1staff/post/security");
        assertTrue(signIn.isArray() && signIn.isEmpty(), "sign-in is public: security: []");
        Set<String> schemes = new HashSet<>();
        api.at("/components/securitySchemes").fieldNames().forEachRemaining(schemes::add);
        for (var op : operations()) {
            op.getValue().path("security").forEach(req -> req.fieldNames().forEachRemaining(name ->
                    assertTrue(schemes.contains(name), op.getKey() + ": security-defined scheme " + name)));
        }
    }

    @Test
    void operationIdsAreUniqueAndEveryOperationAnswersErrorsAndHasASummary() {
        Set<String> ids = new HashSet<>();
        for (var op : operations()) {
            String id = op.getValue().path("operationId").asText("");
            assertFalse(id.isEmpty(), op.getKey() + ": operation-operationId");
            assertTrue(ids.add(id), op.getKey() + ": operation-operationId-unique " + id);
            assertTrue(op.getValue().path("responses").has("4XX") || hasAny4xx(op.getValue().path("responses")),
                    op.getKey() + ": operation-4xx-response");
            assertTrue(op.getValue().has("summary") || op.getValue().has("description"), op.getKey() + ": operation-summary");
        }
    }

    private static boolean hasAny4xx(JsonNode responses) {
        for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith("4")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void pathParametersAreDeclared() {
        Pattern param = Pattern.compile("\\{([^}]+)}");
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            Set<String> declared = new HashSet<>();
            op.getValue().path("parameters").forEach(p -> {
                if ("path".equals(p.path("in").asText())) {
                    declared.add(p.path("name").asText());
                }
            });
            path.getValue().path("parameters").forEach(p -> {
                if ("path".equals(p.path("in").asText())) {
                    declared.add(p.path("name").asText());
                }
            });
            var m = param.matcher(path.getKey());
            while (m.find()) {
                assertTrue(declared.contains(m.group(1)), op.getKey() + " " + path.getKey() + ": path-parameters-defined " + m.group(1));
            }
        }));
    }

    @Test
    void everyReferenceResolves() {
        Set<String> schemas = new HashSet<>();
        api.at("/components/schemas").fieldNames().forEachRemaining(schemas::add);
        List<String> dangling = new ArrayList<>();
        api.findValues("$ref").forEach(ref -> {
            String r = ref.asText();
            if (!r.startsWith("#/components/schemas/") || !schemas.contains(r.substring("#/components/schemas/".length()))) {
                dangling.add(r);
            }
        });
        assertEquals(List.of(), dangling, "no-unresolved-refs");
    }

    @Test
    void schemaNamesAreMeaningfulNotGenericOrNumbered() {
        List<String> bad = new ArrayList<>();
        api.at("/components/schemas").fieldNames().forEachRemaining(name -> {
            if (GENERIC.contains(name) || name.matches(".*[A-Za-z]\\d+$") && !name.matches("Art\\d+Situation")) {
                bad.add(name);
            }
        });
        assertEquals(List.of(), bad, "schema names: nested types are <Enclosing><Name>, see ContractOpenApiFilter");
    }

    @Test
    void dashboardMonthlyValuesMayBeNull() {
        JsonNode values = api.at("/components/schemas/DashboardSeries/properties/values/items/type");
        assertTrue(values.isArray(), "values items carry a type list");
        List<String> types = new ArrayList<>();
        values.forEach(t -> types.add(t.asText()));
        assertEquals(List.of("number", "null"), types);
        JsonNode exact = api.at("/components/schemas/DashboardSeries/properties/exact/items/anyOf");
        assertEquals(2, exact.size());
        assertEquals("null", exact.get(1).path("type").asText());
    }
}
