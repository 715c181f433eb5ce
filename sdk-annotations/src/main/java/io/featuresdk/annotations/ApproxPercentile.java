package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An estimate of the {@link #p()} quantile of a numeric source field over the window, from an
 * Apache DataSketches KLL sketch whose size grows only with the logarithm of the number of values.
 * The returned value's rank is within 1.33% of {@code p} with 99% confidence at the default
 * {@code k = 200} (DataSketches' normalized rank error). Several percentiles of
 * one field with the same {@code k} and {@code where} share one sketch. {@code null} source values
 * are skipped; the field is a {@code Double}, or a {@code double} when a value always exists.
 *
 * <pre>{@code
 * @ApproxPercentile(value = "price", p = 0.95) Double p95;
 * @ApproxPercentile(value = "price", p = 0.5) Double median;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ApproxPercentile {

  /** The source event field. */
  String value();

  /** The quantile, from 0 (the minimum) to 1 (the maximum): 0.95 for the 95th percentile. */
  double p();

  /** The KLL accuracy parameter, from 8 to 65535: larger is more accurate and larger. */
  int k() default 200;

  /**
   * Aggregates only the events that match: the name of a {@code boolean} source field, or of a
   * static method of the feature class taking the source event and returning {@code boolean},
   * e.g. {@code where = "online"}. Empty (the default) takes every event.
   */
  String where() default "";

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
