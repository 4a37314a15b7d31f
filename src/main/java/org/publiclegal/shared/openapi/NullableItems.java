package org.publiclegal.shared.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a list-valued record component or field of an API type: its elements may be {@code null} (a month without a
 * value), so the contract says {@code items: {type: [number, "null"]}} (MicroProfile's {@code @Schema} cannot be
 * put on a type argument). Applied by {@link ContractOpenApiFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface NullableItems {
}
