package org.publiclegal.shared.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compression for the contract ({@code /q/openapi}, 350 KB of YAML) and health answers. With
 * {@code quarkus.http.enable-compression} Quarkus marks every response {@code Content-Encoding: identity} and
 * lifts the mark only on the routes it wraps for compression (static files, REST, metrics); the OpenAPI and health
 * routes are not among them. This lifts it there the same way: for a content type listed in
 * {@code quarkus.http.compress-media-types}.
 */
@ApplicationScoped
public class ToolCompression {

    static final List<String> PATHS = List.of("/q/openapi*", "/q/health*");

    void routes(@Observes Router router) {
        Set<String> types = ConfigProvider.getConfig()
                .getOptionalValues("quarkus.http.compress-media-types", String.class).orElse(List.of()).stream()
                .map(String::trim).collect(Collectors.toSet());
        for (String path : PATHS) {
            router.route(path).order(Integer.MIN_VALUE).handler(ctx -> {
                ctx.addHeadersEndHandler(v -> compressIfListed(ctx, types));
                ctx.next();
            });
        }
    }

    private static void compressIfListed(RoutingContext ctx, Set<String> types) {
        var headers = ctx.response().headers();
        String encoding = headers.get(HttpHeaders.CONTENT_ENCODING);
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (HttpHeaders.IDENTITY.toString().equals(encoding) && type != null) {
            int semicolon = type.indexOf(';');
            if (types.contains((semicolon < 0 ? type : type.substring(0, semicolon)).trim())) {
                headers.remove(HttpHeaders.CONTENT_ENCODING);
            }
        }
    }
}
