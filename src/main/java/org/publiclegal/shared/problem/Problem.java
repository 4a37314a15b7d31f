package org.publiclegal.shared.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details, with the extension members {@code code}, {@code errors} and {@code traceId}. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "稳定的问题类型 URI", example = "https://publiclegal.example.org/problems/validation-failed")
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @Schema(description = "稳定的机器可读代码", example = "VALIDATION_FAILED")
        String code,
        List<FieldError> errors,
        List<String> allowed,
        String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field. */
    public record FieldError(String field, String message) {
    }
}
