package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link #k()} most frequent non-null values of a source field in the window, most frequent
 * first; of equally frequent values the smaller (numbers by value, strings lexicographically,
 * {@code false} before {@code true}) comes first. State is an Apache DataSketches frequent-items
 * sketch of at most {@code 2^lgMaxMapSize} slots per key and slice: the result is exact while the
 * window holds at most {@code 0.75 * 2^lgMaxMapSize} distinct values (768 by default); beyond, each
 * count is estimated within {@code 3.5 / 2^lgMaxMapSize} of the window's number of values, the
 * {@code k} largest estimates are returned, and a value more frequent than the {@code k}-th most
 * frequent by more than twice that is always among them. The field is a {@code List} of the
 * source's boxed type and is {@code null} when the window holds no value; sources as for
 * {@link LastN}.
 *
 * <pre>{@code
 * @TopK(value = "merchantId", k = 3) List<String> topMerchants;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface TopK {

  /** The source event field whose values are counted. */
  String value();

  /** How many values to return, from 1 to 1,000 and at most {@code 0.75 * 2^lgMaxMapSize}; required. */
  int k() default 0;

  /** The log2 of the sketch's slots, from 3 to 20. */
  int lgMaxMapSize() default 10;

  /**
   * Aggregates only the events that match: the name of a {@code boolean} source field, or of a
   * static method of the feature class taking the source event and returning {@code boolean},
   * e.g. {@code where = "online"}. Empty (the default) takes every event.
   */
  String where() default "";

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
