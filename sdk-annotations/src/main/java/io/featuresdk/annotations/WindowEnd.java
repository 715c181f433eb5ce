package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field that receives the window's end (exclusive), which is also the row's event time
 * in the feature store. The field is an {@code Instant} or a {@code long} of epoch milliseconds;
 * in Avro it is a {@code long} with logical type {@code timestamp-micros}.
 *
 * <pre>{@code
 * @WindowEnd Instant timestamp;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface WindowEnd {

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
