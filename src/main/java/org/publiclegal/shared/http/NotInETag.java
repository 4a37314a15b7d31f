package org.publiclegal.shared.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a top-level record component of a response: the time the answer was computed ({@code asOf},
 * {@code generatedAt}), left out of its weak ETag, so an unchanged report or dashboard answers 304 although each
 * computation stamps a new time. A weak tag means "the same content", not the same bytes (RFC 9110 §8.8.1).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface NotInETag {
}
