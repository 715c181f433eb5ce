package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An estimate of the number of distinct non-null values of a source field over the window, from
 * an Apache DataSketches HyperLogLog sketch whose size is fixed by {@link #lgK()}, however many
 * values the window holds (about {@code 2^lgK} bytes per key and slice). The relative standard
 * error is at most about {@code 1.04 / sqrt(2^lgK)}: 1.6% at the default {@code lgK = 12}. The
 * source is a number or a {@code String}; the field is a {@code long} or {@code Long}.
 *
 * <pre>{@code
 * @ApproxCountDistinct("cardId") long distinctCards;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ApproxCountDistinct {

  /** The source event field whose distinct values are counted. */
  String value();

  /** Log2 of the number of HLL buckets, from 4 to 21: each step up halves the variance. */
  int lgK() default 12;

  /**
   * Aggregates only the events that match: the name of a {@code boolean} source field, or of a
   * static method of the feature class taking the source event and returning {@code boolean},
   * e.g. {@code where = "online"}. Empty (the default) takes every event.
   */
  String where() default "";

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
