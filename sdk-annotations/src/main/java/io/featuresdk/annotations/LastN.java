package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link #n()} latest non-null values of a source field in the window by event time (of equal times, the later arrival counts as later), in
 * event-time order (oldest first). State keeps at most {@code n} values per key and slice. The
 * field is a {@code List} of the source's boxed type ({@code List<Double>} for a {@code double}
 * source) and is {@code null} when the window holds no value. Sources of type {@code int},
 * {@code long}, {@code float}, {@code double}, {@code boolean} or {@code String} (or their boxes)
 * can be kept; in Avro the feature is {@code ["null", {"type": "array", "items": ["null", T]}]},
 * in Hopsworks {@code array<T>}.
 *
 * <pre>{@code
 * @LastN(value = "price", n = 5) List<Double> lastPrices;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LastN {

  /** The source event field whose values are kept. */
  String value();

  /** How many values to keep, from 1 to 1,000; required (the default 0 is refused). */
  int n() default 0;

  /** Keep the {@code n} latest distinct values, each at its latest occurrence (Tecton's "last distinct n"). */
  boolean distinct() default false;

  /**
   * Aggregates only the events that match: the name of a {@code boolean} source field, or of a
   * static method of the feature class taking the source event and returning {@code boolean},
   * e.g. {@code where = "online"}. Empty (the default) takes every event.
   */
  String where() default "";

  /** The feature name; defaults to the field name in lowercase snake_case. */
  String name() default "";
}
