package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exact number of distinct non-null values of a source field over the window, capped at
 * {@link #max()}: the state keeps at most {@code max} values per key and slice, so a result of
 * {@code max} means "at least {@code max}". {@code max} is required; for more distinct values than
 * memory allows use {@link ApproxCountDistinct}. The source is a number or a {@code String}
 * (kept as its text); the field is a {@code long} or {@code Long}.
 *
 * <pre>{@code
 * @CountDistinct(value = "merchantId", max = 1000) long distinctMerchants;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface CountDistinct {

  /** The source event field whose distinct values are counted. */
  String value();

  /** The most distinct values kept, from 1 to 100,000; required (the default 0 is refused). */
  int max() default 0;

  /**
   * Aggregates only the events that match: the name of a {@code boolean} source field, or of a
   * static method of the feature class taking the source event and returning {@code boolean},
   * e.g. {@code where = "online"}. Empty (the default) takes every event.
   */
  String where() default "";

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
