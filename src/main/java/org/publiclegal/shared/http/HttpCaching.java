package org.publiclegal.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Provider;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP caching for the API (issue 16), in one place for every resource.
 *
 * <p><b>Cache-Control.</b> Every {@code /api} response of a request that carries credentials is
 * {@code no-store}: it may hold personal data (a case file, a resident's profile, an inbox), and no browser,
 * web view or proxy cache may keep it on disk. Anonymous responses keep a Cache-Control their resource chose (the
 * public video feed's {@code public, max-age=60}); other anonymous GETs are {@code no-cache} (kept, revalidated
 * with the ETag), the rest {@code no-store}.
 *
 * <p><b>ETag.</b> A successful JSON GET gets a weak ETag, a hash of the body this filter serialises (once: the
 * bytes are what is sent). A request whose {@code If-None-Match} names it gets {@code 304 Not Modified} without
 * the body, so a phone re-fetching an unchanged case, list, report or dashboard downloads nothing. The resource
 * still runs: access checks and audit records of a staff read happen as for a 200. Not on answers whose every
 * read is an act of its own (the audited unmasked personal data, the audit log) nor where the resource set its
 * own ETag (the video feed answers its 304 before building the page). The time an answer was computed
 * ({@link NotInETag}: the dashboard's {@code asOf}, the report's {@code generatedAt}) is left out of the hash.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class HttpCaching implements ContainerResponseFilter {

    static final String NO_STORE = "no-store";
    static final String REVALIDATE = "no-cache";

    private static final Map<Class<?>, List<String>> STAMPS = new ConcurrentHashMap<>();

    private final ObjectMapper mapper;

    public HttpCaching(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        boolean credentials = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        boolean get = HttpMethod.GET.equals(request.getMethod());
        if (credentials) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        } else if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, get && response.getStatus() == 200 ? REVALIDATE : NO_STORE);
        }
        if (get && response.getStatus() == 200 && !headers.containsKey(HttpHeaders.ETAG) && taggable(path, response)) {
            tag(request, response);
        }
    }

    private void tag(ContainerRequestContext request, ContainerResponseContext response) {
        byte[] body;
        byte[] content;
        try {
            body = mapper.writeValueAsBytes(response.getEntity());
            content = withoutStamps(response.getEntity().getClass(), body);
        } catch (IOException e) {
            return; // the normal writer reports it
        }
        String etag = ETags.weak(sha256(content));
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        if (ETags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return;
        }
        response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }

    /** The body without the members marked {@link NotInETag} (the time it was computed). */
    private byte[] withoutStamps(Class<?> type, byte[] body) throws IOException {
        List<String> stamps = STAMPS.computeIfAbsent(type, HttpCaching::stamps);
        if (stamps.isEmpty()) {
            return body;
        }
        JsonNode tree = mapper.readTree(body);
        if (tree instanceof ObjectNode object) {
            object.remove(stamps);
            return mapper.writeValueAsBytes(object);
        }
        return body;
    }

    private static List<String> stamps(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.isAnnotationPresent(NotInETag.class)) {
                    names.add(c.getName());
                }
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (f.isAnnotationPresent(NotInETag.class) && !names.contains(f.getName())) {
                names.add(f.getName());
            }
        }
        return List.copyOf(names);
    }

    private static boolean taggable(String path, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null || entity instanceof byte[] || entity instanceof CharSequence || entity instanceof InputStream
                || entity instanceof StreamingOutput || entity instanceof File || entity instanceof Path) {
            return false;
        }
        MediaType type = response.getMediaType();
        if (type != null && !(type.getType().equals("application") && type.getSubtype().endsWith("json"))) {
            return false;
        }
        return !path.endsWith("/personal-data") && !path.startsWith("/api/audit");
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
