package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The standard deviation (the square root of the variance) of a numeric source field over the
 * window: the sample form (divided by {@code n - 1}) unless {@link #population()} is set
 * (divided by {@code n}). Computed with Welford's update and Chan's merge of slices, which stay
 * accurate where a sum of squares would cancel (large values with a small spread, such as
 * prices). {@code null} source values are skipped.
 *
 * <p>The field is a {@code Double}: the sample form of fewer than two values has no value and is
 * {@code null}. A population form over a non-null source may be a {@code double}.
 *
 * <pre>{@code
 * @StdDev("price") Double volatility;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface StdDev {

  /** The source event field to aggregate. */
  String value();

  /** Divide by {@code n} (the population form) instead of {@code n - 1} (the sample form). */
  boolean population() default false;

  /**
   * Aggregates only the events that match: the name of a {@code boolean} source field, or of a
   * static method of the feature class taking the source event and returning {@code boolean},
   * e.g. {@code where = "online"}. Empty (the default) takes every event.
   */
  String where() default "";

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
