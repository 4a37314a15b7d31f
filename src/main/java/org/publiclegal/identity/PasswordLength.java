package org.publiclegal.identity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * 密码长度: bcrypt reads at most {@value #MAX_BYTES} bytes of a password, so a longer one (in UTF-8: 72 Latin
 * characters or 24 汉字) is refused as invalid input, at sign-in as at creation, rather than failing inside bcrypt.
 */
@Documented
@Constraint(validatedBy = PasswordLength.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PasswordLength {

    int MAX_BYTES = 72;

    String message() default "密码不能超过 72 字节（72 个字母或数字，或 24 个汉字）";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PasswordLength, String> {

        /** Whether a password fits bcrypt; {@code null} fits (absence is another constraint's business). */
        public static boolean fits(String password) {
            return password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return fits(value);
        }
    }
}
