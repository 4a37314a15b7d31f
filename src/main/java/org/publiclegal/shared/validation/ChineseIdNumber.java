package org.publiclegal.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;

/** 居民身份证号码: 18 characters with a valid birth date and the GB 11643-1999 check character. */
@Documented
@Constraint(validatedBy = ChineseIdNumber.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ChineseIdNumber {

    String message() default "不是有效的居民身份证号码";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ChineseIdNumber, String> {

        private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidNumber(value);
        }

        public static boolean isValidNumber(String id) {
            return isValidNumber(id, LocalDate.now());
        }

        /** The check on a given day: a birth date after {@code today} is not valid. */
        static boolean isValidNumber(String id, LocalDate today) {
            if (id.length() != 18) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                char c = id.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                sum += (c - '0') * WEIGHTS[i];
            }
            if (Character.toUpperCase(id.charAt(17)) != CHECK[sum % 11]) {
                return false;
            }
            try {
                LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                        Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
                return birth.getYear() >= 1900 && !birth.isAfter(today);
            } catch (DateTimeException e) {
                return false;
            }
        }

        /** Appends the check character to 17 digits (used by demo data and tests). */
        public static String withCheckCharacter(String first17) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * WEIGHTS[i];
            }
            return first17 + CHECK[sum % 11];
        }
    }
}
