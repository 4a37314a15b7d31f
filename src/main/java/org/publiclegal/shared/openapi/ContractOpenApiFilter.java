package org.publiclegal.shared.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Makes the generated contract lint-clean and its schema names meaningful (issue 16), centrally, so resources
 * and API records need no annotations for it:
 * <ul>
 *   <li>an operation that needs no sign-in says so with {@code security: []} (Redocly's
 *       {@code security-defined});</li>
 *   <li>every schema of a nested API type is named after its enclosing classes ({@link SchemaNames}): the schema
 *       is traced from the operations (operation id {@code Resource_method} → the method's body and answer
 *       types, then property by property), not guessed from its name;</li>
 *   <li>list elements marked {@link NullableItems} may be {@code null}.</li>
 * </ul>
 * Runs when the document is built; the committed {@code openapi/openapi.yaml} is its output.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractOpenApiFilter implements OASFilter {

    private static final String REF_PREFIX = "#/components/schemas/";
    private static final String ROOT_PACKAGE = "org.publiclegal";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        declarePublicOperations(api);
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Class<?>> traced = new Tracer(api, resourceClasses()).trace();
        markNullableItems(api, traced);
        rename(api, traced);
    }

    private static void declarePublicOperations(OpenAPI api) {
        operations(api).forEach(op -> {
            if (op.getSecurity() == null) {
                op.setSecurity(new ArrayList<>());
            }
        });
    }

    private static Stream<Operation> operations(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return Stream.empty();
        }
        return api.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream());
    }

    // ------------------------------------------------------------------------------------------ nullable items

    private static void markNullableItems(OpenAPI api, Map<String, Class<?>> traced) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        traced.forEach((name, type) -> {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            schema.getProperties().forEach((property, propertySchema) -> member(type, property)
                    .filter(m -> m.element().isAnnotationPresent(NullableItems.class))
                    .ifPresent(m -> {
                        Schema items = propertySchema.getItems();
                        if (items != null && items.getRef() != null) {
                            propertySchema.setItems(OASFactory.createSchema()
                                    .addAnyOf(OASFactory.createSchema().ref(items.getRef()))
                                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
                        } else if (items != null && items.getType() != null
                                && !items.getType().contains(Schema.SchemaType.NULL)) {
                            items.addType(Schema.SchemaType.NULL);
                        }
                    }));
        });
    }

    // ------------------------------------------------------------------------------------------ renaming

    private static void rename(OpenAPI api, Map<String, Class<?>> traced) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Map<String, SchemaNames.Nesting> nested = new LinkedHashMap<>();
        traced.forEach((name, type) -> {
            if (type.isMemberClass() && schemas.containsKey(name) && !hasExplicitName(type)) {
                List<String> enclosing = new ArrayList<>();
                for (Class<?> c = type.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
                    enclosing.add(0, c.getSimpleName());
                }
                nested.put(name, new SchemaNames.Nesting(enclosing, type.getSimpleName()));
            }
        });
        Map<String, String> renamed = new LinkedHashMap<>(SchemaNames.rename(nested, schemas.keySet()));
        // a top-level type numbered because a nested one took its simple name first gets its name back
        Set<String> taken = new java.util.HashSet<>(schemas.keySet());
        taken.removeAll(renamed.keySet());
        taken.addAll(renamed.values());
        traced.forEach((name, type) -> {
            if (!type.isMemberClass() && !renamed.containsKey(name) && !name.equals(type.getSimpleName())
                    && name.matches(java.util.regex.Pattern.quote(type.getSimpleName()) + "\\d+")
                    && !taken.contains(type.getSimpleName())) {
                renamed.put(name, type.getSimpleName());
                taken.remove(name);
                taken.add(type.getSimpleName());
            }
        });
        if (renamed.isEmpty()) {
            return;
        }
        Map<String, Schema> result = new TreeMap<>();
        schemas.forEach((name, schema) -> result.put(renamed.getOrDefault(name, name), schema));
        api.getComponents().setSchemas(result);
        new RefRewriter(renamed).rewrite(api);
    }

    private static boolean hasExplicitName(Class<?> type) {
        org.eclipse.microprofile.openapi.annotations.media.Schema s =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return s != null && !s.name().isEmpty();
    }

    /** Points every {@code $ref} at the new names. */
    private record RefRewriter(Map<String, String> renamed) {

        void rewrite(OpenAPI api) {
            operations(api).forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(this::parameter);
                }
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values().forEach(this::media);
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> {
                        if (r.getContent() != null) {
                            r.getContent().getMediaTypes().values().forEach(this::media);
                        }
                        if (r.getHeaders() != null) {
                            r.getHeaders().values().forEach(this::header);
                        }
                    });
                }
            });
            if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
                for (PathItem item : api.getPaths().getPathItems().values()) {
                    if (item.getParameters() != null) {
                        item.getParameters().forEach(this::parameter);
                    }
                }
            }
            var components = api.getComponents();
            components.getSchemas().values().forEach(this::schema);
            if (components.getParameters() != null) {
                components.getParameters().values().forEach(this::parameter);
            }
            if (components.getHeaders() != null) {
                components.getHeaders().values().forEach(this::header);
            }
            if (components.getResponses() != null) {
                components.getResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().getMediaTypes().values().forEach(this::media);
                    }
                });
            }
            if (components.getRequestBodies() != null) {
                components.getRequestBodies().values().forEach(b -> {
                    if (b.getContent() != null) {
                        b.getContent().getMediaTypes().values().forEach(this::media);
                    }
                });
            }
        }

        private void parameter(Parameter p) {
            schema(p.getSchema());
            if (p.getContent() != null) {
                p.getContent().getMediaTypes().values().forEach(this::media);
            }
        }

        private void header(Header h) {
            schema(h.getSchema());
        }

        private void media(MediaType m) {
            schema(m.getSchema());
        }

        private void schema(Schema s) {
            if (s == null) {
                return;
            }
            String ref = s.getRef();
            if (ref != null && ref.startsWith(REF_PREFIX)) {
                String to = renamed.get(ref.substring(REF_PREFIX.length()));
                if (to != null) {
                    s.setRef(REF_PREFIX + to);
                }
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(this::schema);
            }
            schema(s.getItems());
            schema(s.getAdditionalPropertiesSchema());
            schema(s.getNot());
            for (List<Schema> list : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf(), s.getPrefixItems())) {
                if (list != null) {
                    list.forEach(this::schema);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ tracing

    /** Which Java type each component schema was generated from, traced from the operations. */
    private static final class Tracer {

        private final OpenAPI api;
        private final Map<String, Class<?>> resources;
        private final Map<String, Class<?>> traced = new HashMap<>();

        Tracer(OpenAPI api, Map<String, Class<?>> resources) {
            this.api = api;
            this.resources = resources;
        }

        Map<String, Class<?>> trace() {
            operations(api).forEach(this::operation);
            return traced;
        }

        private void operation(Operation op) {
            String id = op.getOperationId();
            if (id == null || id.indexOf('_') < 0) {
                return;
            }
            Class<?> resource = resources.get(id.substring(0, id.indexOf('_')));
            if (resource == null) {
                return;
            }
            String name = id.substring(id.indexOf('_') + 1);
            for (Method method : resource.getMethods()) {
                if (!method.getName().equals(name) || !isResourceMethod(method)) {
                    continue;
                }
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    Type body = entityParameter(method);
                    if (body != null) {
                        op.getRequestBody().getContent().getMediaTypes().values()
                                .forEach(m -> bind(m.getSchema(), body, Map.of()));
                    }
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().forEach((code, response) -> {
                        if (response.getContent() == null) {
                            return;
                        }
                        Type answer = answerType(method, code);
                        if (answer != null) {
                            response.getContent().getMediaTypes().values()
                                    .forEach(m -> bind(m.getSchema(), answer, Map.of()));
                        }
                    });
                }
            }
        }

        private static boolean isResourceMethod(Method method) {
            for (Annotation a : method.getAnnotations()) {
                if (a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)) {
                    return true;
                }
            }
            return false;
        }

        /** The parameter that is the request body: the one without a JAX-RS or REST parameter annotation. */
        private static Type entityParameter(Method method) {
            java.lang.reflect.Parameter[] parameters = method.getParameters();
            for (java.lang.reflect.Parameter p : parameters) {
                boolean bound = false;
                for (Annotation a : p.getAnnotations()) {
                    String pkg = a.annotationType().getPackageName();
                    if (pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive")) {
                        bound = true;
                        break;
                    }
                }
                if (!bound) {
                    return p.getParameterizedType();
                }
            }
            return null;
        }

        /** The answer's type: the method's (unwrapped from Uni, RestResponse), or the one its @APIResponse names. */
        private static Type answerType(Method method, String code) {
            Type t = unwrapAsync(method.getGenericReturnType());
            Class<?> raw = raw(t);
            if (raw != null && (raw.getName().equals("jakarta.ws.rs.core.Response") || raw == Object.class
                    || raw == Void.class)) {
                return annotated(method, code);
            }
            if (raw != null && raw.getName().equals("org.jboss.resteasy.reactive.RestResponse")) {
                return t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : annotated(method, code);
            }
            return code.startsWith("2") ? t : null;
        }

        private static Type annotated(Method method, String code) {
            List<APIResponse> responses = new ArrayList<>();
            APIResponse one = method.getAnnotation(APIResponse.class);
            if (one != null) {
                responses.add(one);
            }
            APIResponses many = method.getAnnotation(APIResponses.class);
            if (many != null) {
                responses.addAll(List.of(many.value()));
            }
            for (APIResponse r : responses) {
                if (r.responseCode().equals(code)) {
                    for (Content c : r.content()) {
                        if (c.schema().implementation() != Void.class) {
                            return c.schema().implementation();
                        }
                    }
                }
            }
            return null;
        }

        private static Type unwrapAsync(Type t) {
            Class<?> raw = raw(t);
            if (raw != null && t instanceof ParameterizedType p && (raw.getName().equals("io.smallrye.mutiny.Uni")
                    || raw.getName().equals("java.util.concurrent.CompletionStage"))) {
                return p.getActualTypeArguments()[0];
            }
            return t;
        }

        private void bind(Schema schema, Type type, Map<String, Type> env) {
            if (schema == null || type == null) {
                return;
            }
            Type t = resolve(type, env);
            if (schema.getRef() != null && schema.getRef().startsWith(REF_PREFIX)) {
                String name = schema.getRef().substring(REF_PREFIX.length());
                Class<?> raw = raw(t);
                if (raw == null || traced.containsKey(name) || !raw.getName().startsWith(ROOT_PACKAGE)) {
                    return;
                }
                traced.put(name, raw);
                Schema component = api.getComponents().getSchemas().get(name);
                if (component != null) {
                    properties(component, raw, typeArguments(raw, t));
                }
                return;
            }
            Type element = elementType(t);
            if (schema.getItems() != null && element != null) {
                bind(schema.getItems(), element, env);
            }
            if (schema.getAdditionalPropertiesSchema() != null && t instanceof ParameterizedType p
                    && Map.class.isAssignableFrom(raw(t))) {
                bind(schema.getAdditionalPropertiesSchema(), p.getActualTypeArguments()[1], env);
            }
            for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (list != null) {
                    list.forEach(s -> bind(s, t, env));
                }
            }
        }

        private void properties(Schema component, Class<?> type, Map<String, Type> env) {
            if (component.getProperties() != null) {
                component.getProperties().forEach((property, schema) -> member(type, property)
                        .ifPresent(m -> bind(schema, unwrapOptional(m.type()), env)));
            }
            for (List<Schema> list : Arrays.asList(component.getAllOf(), component.getAnyOf())) {
                if (list != null) {
                    list.forEach(s -> {
                        if (s.getProperties() != null) {
                            properties(s, type, env);
                        }
                    });
                }
            }
        }

        private static Map<String, Type> typeArguments(Class<?> raw, Type t) {
            if (!(t instanceof ParameterizedType p)) {
                return Map.of();
            }
            Map<String, Type> env = new HashMap<>();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            for (int i = 0; i < vars.length && i < p.getActualTypeArguments().length; i++) {
                env.put(vars[i].getName(), p.getActualTypeArguments()[i]);
            }
            return env;
        }

        private static Type resolve(Type t, Map<String, Type> env) {
            if (t instanceof TypeVariable<?> v && env.containsKey(v.getName())) {
                return env.get(v.getName());
            }
            if (t instanceof WildcardType w && w.getUpperBounds().length == 1) {
                return w.getUpperBounds()[0];
            }
            if (t instanceof ParameterizedType p && !env.isEmpty()) {
                Type[] args = p.getActualTypeArguments().clone();
                for (int i = 0; i < args.length; i++) {
                    args[i] = resolve(args[i], env);
                }
                return new Resolved(p, args);
            }
            return t;
        }

        private static Type elementType(Type t) {
            if (t instanceof Class<?> c && c.isArray()) {
                return c.getComponentType();
            }
            if (t instanceof GenericArrayType g) {
                return g.getGenericComponentType();
            }
            if (t instanceof ParameterizedType p && Collection.class.isAssignableFrom(raw(t))) {
                return p.getActualTypeArguments()[0];
            }
            return null;
        }

        private static Type unwrapOptional(Type t) {
            if (t instanceof ParameterizedType p && raw(t) == Optional.class) {
                return p.getActualTypeArguments()[0];
            }
            return t;
        }
    }

    /** A parameterized type with its arguments substituted. */
    private record Resolved(ParameterizedType original, Type[] args) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return args;
        }

        @Override
        public Type getRawType() {
            return original.getRawType();
        }

        @Override
        public Type getOwnerType() {
            return original.getOwnerType();
        }
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        return null;
    }

    /** A property of an API type: a record component, a field, or a getter, with its generic type. */
    record Member(AnnotatedElement element, Type type) {
    }

    static Optional<Member> member(Class<?> type, String property) {
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                if (jsonName(rc, rc.getName()).equals(property)) {
                    return Optional.of(new Member(rc, rc.getGenericType()));
                }
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (jsonName(f, f.getName()).equals(property)) {
                    return Optional.of(new Member(f, f.getGenericType()));
                }
            }
        }
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String getter : List.of("get" + suffix, "is" + suffix, property)) {
            try {
                Method m = type.getMethod(getter);
                return Optional.of(new Member(m, m.getGenericReturnType()));
            } catch (NoSuchMethodException e) {
                // next
            }
        }
        return Optional.empty();
    }

    private static String jsonName(AnnotatedElement element, String name) {
        com.fasterxml.jackson.annotation.JsonProperty p =
                element.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : name;
    }

    // ------------------------------------------------------------------------------------------ classpath

    /** The JAX-RS resource classes of this application by simple name (the first half of an operation id). */
    private static Map<String, Class<?>> resourceClasses() {
        Map<String, Class<?>> result = new HashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String name : classNames(loader, ROOT_PACKAGE.replace('.', '/'))) {
            if (!name.endsWith("Resource") || name.contains("$")) {
                continue;
            }
            try {
                Class<?> c = Class.forName(name, false, loader);
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    result.put(c.getSimpleName(), c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable here: its schemas keep their names
            }
        }
        return result;
    }

    private static Set<String> classNames(ClassLoader loader, String path) {
        Set<String> names = new java.util.TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    File dir = new File(url.toURI());
                    try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir.toPath())) {
                        files.map(f -> dir.toPath().relativize(f).toString().replace(File.separatorChar, '/'))
                                .filter(f -> f.endsWith(".class"))
                                .forEach(f -> names.add((path + "/" + f).replace('/', '.').replaceAll("\\.class$", "")));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String entry = e.nextElement().getName();
                            if (entry.startsWith(path + "/") && entry.endsWith(".class")) {
                                names.add(entry.replace('/', '.').replaceAll("\\.class$", ""));
                            }
                        }
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException e) {
            // no classes found: the schemas keep their names
        }
        return names;
    }
}
