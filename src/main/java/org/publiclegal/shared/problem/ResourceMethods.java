package org.publiclegal.shared.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The resource methods (path template, HTTP method, {@code @Produces}), read once from the resource classes,
 * for the errors Quarkus REST raises before a method is chosen: 405 needs the {@code Allow} header and 406
 * the types the address offers, and neither is known to the exception.
 */
final class ResourceMethods {

    record Entry(Pattern path, String method, List<String> produces) {
    }

    private static volatile List<Entry> entries;

    private ResourceMethods() {
    }

    /** The HTTP methods the path answers (HEAD with GET, OPTIONS always), or empty for an unknown path. */
    static Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        for (Entry e : entries()) {
            if (e.path().matcher(path).matches()) {
                methods.add(e.method());
                if ("GET".equals(e.method())) {
                    methods.add("HEAD");
                }
            }
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }

    /** The media types a method of the path produces (declared ones only). */
    static Set<String> produced(String method, String path) {
        Set<String> types = new TreeSet<>();
        for (Entry e : entries()) {
            if (e.method().equals(method) && e.path().matcher(path).matches()) {
                types.addAll(e.produces());
            }
        }
        return types;
    }

    private static List<Entry> entries() {
        List<Entry> list = entries;
        if (list == null) {
            list = scan();
            entries = list;
        }
        return list;
    }

    private static List<Entry> scan() {
        List<Entry> list = new ArrayList<>();
        if (Arc.container() == null) {
            return list;
        }
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null || type.isInterface()) {
                continue;
            }
            Produces classProduces = type.getAnnotation(Produces.class);
            for (Method m : type.getMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                Produces produces = m.getAnnotation(Produces.class) != null ? m.getAnnotation(Produces.class) : classProduces;
                list.add(new Entry(template(root.value() + (sub == null ? "" : "/" + sub.value())), http,
                        produces == null ? List.of() : List.of(produces.value())));
            }
        }
        return List.copyOf(list);
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** {@code /api/x/{id}/y} → a pattern; a template's own regex ({@code {id: \d+}}) is kept. */
    static Pattern template(String template) {
        String normal = ("/" + template).replaceAll("/+", "/");
        if (normal.length() > 1 && normal.endsWith("/")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < normal.length()) {
            char c = normal.charAt(i);
            if (c == '{') {
                int depth = 1;
                int j = i + 1;
                while (j < normal.length() && depth > 0) {
                    depth += normal.charAt(j) == '{' ? 1 : normal.charAt(j) == '}' ? -1 : 0;
                    j++;
                }
                String inner = normal.substring(i + 1, j - 1);
                int colon = inner.indexOf(':');
                regex.append('(').append(colon < 0 ? "[^/]+" : inner.substring(colon + 1).trim()).append(')');
                i = j;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex + "/?");
    }
}
