package org.publiclegal.shared.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * A body sent to a JSON endpoint must say {@code Content-Type: application/json} (or {@code application/*+json}):
 * a missing type, {@code *}{@code /*}, {@code text/plain} or a form is 415 UNSUPPORTED_MEDIA_TYPE before the body
 * is read. Endpoints that declare another {@code @Consumes} (the multipart uploads) are left to it; requests
 * without a body (most state changes) need no type.
 */
public class JsonBodies {

    @ServerRequestFilter
    public RestResponse<Problem> requireJson(ContainerRequestContext request, ResourceInfo resource) {
        if (!hasBody(request) || declaresOtherType(resource)) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type != null && !type.isWildcardType() && !type.isWildcardSubtype()
                && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))) {
            return null;
        }
        String sent = type == null ? "没有 Content-Type" : "Content-Type 为 " + type;
        return ProblemMappers.problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "请以 application/json 提交请求内容（" + sent + "）", request.getUriInfo(), List.of(), List.of());
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            return !length.isBlank() && !"0".equals(length.trim());
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean declaresOtherType(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null && resource.getResourceClass() != null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        if (consumes == null) {
            return false;
        }
        for (String value : consumes.value()) {
            if (!value.startsWith(MediaType.APPLICATION_JSON)) {
                return true;
            }
        }
        return false;
    }
}
