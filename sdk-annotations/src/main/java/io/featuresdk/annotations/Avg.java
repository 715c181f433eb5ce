package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The arithmetic mean of a numeric source field over the window, computed as sum / count in {@code double}. The field is a {@code double} or a {@code float}; {@code null} source values are skipped.
 *
 * <pre>{@code
 * @Avg("price") double priceAvg;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Avg {

  /** The source event field to aggregate. */
  String value();

  /**
   * Aggregates only the events that match: the name of a {@code boolean} source field, or of a
   * static method of the feature class taking the source event and returning {@code boolean},
   * e.g. {@code where = "online"}. Empty (the default) takes every event.
   */
  String where() default "";

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
