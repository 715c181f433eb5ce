package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that receives the window's start (inclusive): an {@code Instant} or a
 * {@code long} of epoch milliseconds.
 *
 * <pre>{@code
 * @WindowStart Instant windowStart;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface WindowStart {

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
