package org.publiclegal.shared.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.Problem.FieldError;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into RFC 9457 {@code application/problem+json}. Only this package knows HTTP
 * error shapes; domain code throws {@link DomainException}.
 */
public class ProblemMappers {

    @Inject
    EdgeLimits limits;

    @ServerExceptionMapper
    public RestResponse<Problem> domain(DomainException e, UriInfo uri) {
        return problem(e.code(), e.getMessage(), uri, e.errors(), e.allowed());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + "：" + f.message()).collect(Collectors.joining("；"));
        return problem(ErrorCode.VALIDATION_FAILED, detail, uri, errors, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return problem(ErrorCode.VALIDATION_FAILED, "不认识的字段：" + field, uri,
                    List.of(new FieldError(field, "不认识的字段")), List.of());
        }
        if (e instanceof InvalidFormatException f) {
            String field = path(f);
            String message = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "取值「" + f.getValue() + "」无效，可选值：" + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "))
                    : "取值「" + f.getValue() + "」格式不正确";
            return problem(ErrorCode.VALIDATION_FAILED, field + "：" + message, uri,
                    List.of(new FieldError(field, message)), List.of());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            return problem(ErrorCode.VALIDATION_FAILED, field + "：类型不正确", uri,
                    List.of(new FieldError(field, "类型不正确")), List.of());
        }
        return problem(ErrorCode.MALFORMED_JSON, "请求内容不是有效的 JSON，请检查格式", uri, List.of(), List.of());
    }

    /** More specific than Quarkus REST's own mapper for this type, which would answer plain JSON. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public RestResponse<Problem> mismatch(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null) {
            // a path or query parameter that does not convert (e.g. limit=abc, an unknown enum value)
            return problem(ErrorCode.VALIDATION_FAILED, "请求参数格式不正确（数字、枚举取值或编号不符合要求）", uri,
                    List.of(), List.of());
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.VALIDATION_FAILED;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (code == null) {
            return unexpected(e, uri);
        }
        String allow = code == ErrorCode.METHOD_NOT_ALLOWED ? allowHeader(e, uri) : null;
        String detail = switch (code) {
            case NOT_FOUND -> "请求的地址或资源不存在";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持该请求内容的类型（Content-Type），请按接口文档提交：JSON 接口为 application/json，导入文件为 text/csv、.xlsx 或 application/octet-stream";
            case VALIDATION_FAILED -> "请求参数格式不正确";
            case METHOD_NOT_ALLOWED -> allow == null ? code.title() : "此地址只支持 " + allow;
            default -> code.title();
        };
        RestResponse<Problem> response = problem(code, detail, uri, List.of(), List.of());
        return allow == null ? response
                : RestResponse.ResponseBuilder.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    /** 406: the detail names the type the endpoint offers (the Word/Excel exports answer nothing else). */
    @ServerExceptionMapper
    public RestResponse<Problem> notAcceptable(NotAcceptableException e, UriInfo uri, HttpHeaders headers,
                                               jakarta.ws.rs.core.Request request) {
        String offered = uri == null || request == null ? null
                : String.join(", ", ResourceMethods.produced(request.getMethod(), uri.getPath()));
        offered = offered == null || offered.isEmpty() ? null : offered;
        String asked = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT);
        String detail = (offered == null ? "此地址无法提供所要求的格式" : "此地址只提供 " + offered)
                + (asked == null ? "" : "，请求的 Accept 为 " + asked);
        return problem(ErrorCode.NOT_ACCEPTABLE, detail, uri, List.of(), List.of());
    }

    private static String allowHeader(WebApplicationException e, UriInfo uri) {
        String given = e.getResponse() == null ? null : e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (given != null || uri == null) {
            return given;
        }
        java.util.Set<String> methods = ResourceMethods.allowed(uri.getPath());
        return methods.isEmpty() ? null : String.join(", ", methods);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e, UriInfo uri) {
        return withChallenge(problem(ErrorCode.UNAUTHENTICATED, "请先登录，或登录已过期", uri, List.of(), List.of()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return withChallenge(problem(ErrorCode.UNAUTHENTICATED, "访问令牌无效或已过期，请重新登录", uri, List.of(), List.of()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return problem(ErrorCode.FORBIDDEN, "当前角色无权执行此操作", uri, List.of(), List.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public RestResponse<Problem> stale(RuntimeException e, UriInfo uri) {
        return problem(ErrorCode.CONCURRENT_MODIFICATION, "记录已被他人修改，请刷新后重试", uri, List.of(), List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        Log.debugf("Database constraint %s refused a write", e.getConstraintName());
        return problem(ErrorCode.CONFLICT, "与已有记录冲突（" + e.getConstraintName() + "）", uri, List.of(), List.of());
    }

    /** A value the database refuses (too long, out of range) that validation let through. */
    @ServerExceptionMapper
    public RestResponse<Problem> data(org.hibernate.exception.DataException e, UriInfo uri) {
        Log.debugf("Database refused a value: %s", e.getErrorMessage());
        return problem(ErrorCode.VALIDATION_FAILED, "提交的内容超出允许的长度或范围", uri, List.of(), List.of());
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        Throwable cause = rootCause(e);
        if (cause != e && (cause instanceof DomainException || cause instanceof StaleStateException
                || cause instanceof OptimisticLockException
                || cause instanceof org.hibernate.exception.ConstraintViolationException
                || cause instanceof org.hibernate.exception.DataException)) {
            return cause instanceof DomainException d ? domain(d, uri)
                    : cause instanceof org.hibernate.exception.ConstraintViolationException c ? constraint(c, uri)
                    : cause instanceof org.hibernate.exception.DataException d ? data(d, uri)
                    : stale((RuntimeException) cause, uri);
        }
        if (DatabaseOutage.isCause(e)) {
            Log.warnf("Database unreachable on %s: %s", uri == null ? "?" : uri.getPath(), DatabaseOutage.describe(e));
            int seconds = limits == null ? 5 : limits.retryAfterSeconds();
            return RestResponse.ResponseBuilder.fromResponse(problem(ErrorCode.DATABASE_UNAVAILABLE,
                            "数据库暂时无法连接，请求未执行；请 " + seconds + " 秒后重试", uri, List.of(), List.of()))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).build();
        }
        String traceId = RequestIds.current() != null ? RequestIds.current() : UUID.randomUUID().toString();
        Log.errorf(e, "Unhandled failure on %s [requestId=%s]", uri == null ? "?" : uri.getPath(), traceId);
        Problem p = new Problem(ErrorCode.INTERNAL_ERROR.type(), ErrorCode.INTERNAL_ERROR.title(), 500,
                "服务器处理请求时出错，请稍后重试；如持续出现请提供请求编号 " + traceId,
                instance(uri), ErrorCode.INTERNAL_ERROR.name(), null, null, traceId);
        return RestResponse.ResponseBuilder.create(RestResponse.Status.INTERNAL_SERVER_ERROR, p)
                .type(Problem.MEDIA_TYPE).build();
    }

    static RestResponse<Problem> problem(ErrorCode code, String detail, UriInfo uri, List<FieldError> errors,
                                         List<String> allowed) {
        Problem p = new Problem(code.type(), code.title(), code.status(), detail, instance(uri), code.name(), errors == null || errors.isEmpty() ? null : errors,
                allowed == null || allowed.isEmpty() ? null : allowed, null);
        return RestResponse.ResponseBuilder.<Problem>create(code.status()).entity(p).type(Problem.MEDIA_TYPE).build();
    }

    /** {@code urn:request:<id>} of the request being handled (the path only outside a request). */
    static String instance(UriInfo uri) {
        String id = RequestIds.current();
        return id != null ? RequestIds.instance(id) : uri == null ? null : uri.getPath();
    }

    private static RestResponse<Problem> withChallenge(RestResponse<Problem> response) {
        return RestResponse.ResponseBuilder.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 10 && t.getCause() != null && t.getCause() != t; i++) {
            t = t.getCause();
            if (t instanceof DomainException) {
                return t;
            }
        }
        return t;
    }

    /**
     * The request field a violation refers to: the body's property path (e.g. {@code profile.mobile}),
     * or the query/path parameter's name when no property follows it.
     */
    private static String fieldOf(ConstraintViolation<?> v) {
        String parameter = null;
        StringBuilder properties = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() == null || node.getName().startsWith("<")) {
                    continue;
                }
                if (!properties.isEmpty()) {
                    properties.append('.');
                }
                properties.append(node.getName());
                if (node.getIndex() != null) {
                    properties.append('[').append(node.getIndex()).append(']');
                }
            }
        }
        if (!properties.isEmpty()) {
            return properties.toString();
        }
        return parameter == null ? "request" : parameter;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
