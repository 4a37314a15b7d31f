package org.publiclegal.shared.validation;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.publiclegal.shared.domain.TimeSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

/**
 * 日期范围: a date entered by a client ({@link java.time.LocalDate}, {@link java.time.Instant} or
 * {@link java.time.OffsetDateTime}) must lie within {@link DateBounds}; otherwise a 400 problem naming the field.
 */
@Documented
@Constraint(validatedBy = EnteredDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface EnteredDate {

    /** Whether the date records something that happened (default) or plans something. */
    DateBounds.Kind value() default DateBounds.Kind.HAPPENED;

    String message() default "日期超出允许范围";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A bean (one per constraint, as it keeps the kind), so that tests moving the clock move "tomorrow" too. */
    @Dependent
    class Validator implements ConstraintValidator<EnteredDate, Object> {

        private final Clock clock;
        private DateBounds.Kind kind;

        public Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void initialize(EnteredDate annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return DateBounds.problem(value, kind, LocalDate.ofInstant(clock.instant(), TimeSource.CHINA))
                    .map(message -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
                        return false;
                    }).orElse(true);
        }
    }
}
