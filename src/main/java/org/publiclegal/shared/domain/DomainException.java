package org.publiclegal.shared.domain;

import org.publiclegal.shared.problem.ErrorCode;
import org.publiclegal.shared.problem.Problem.FieldError;

import java.util.List;

/** A failure the client can act on; {@code shared.problem} turns it into problem+json. */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;
    private final List<String> allowed;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, List.of(), List.of());
    }

    public DomainException(ErrorCode code, String detail, List<FieldError> errors, List<String> allowed) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = errors;
        this.allowed = allowed;
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public List<String> allowed() {
        return allowed;
    }

    /** A single invalid field, reported like a Bean Validation failure. */
    public static DomainException invalidField(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, message, List.of(new FieldError(field, message)), List.of());
    }

    public static DomainException rule(String detail) {
        return new DomainException(ErrorCode.BUSINESS_RULE, detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ErrorCode.CONFLICT, detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(ErrorCode.FORBIDDEN, detail);
    }
}
