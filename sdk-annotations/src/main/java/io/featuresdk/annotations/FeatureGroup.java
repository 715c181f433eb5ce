package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as a feature group: one row per primary key and window, computed by a Flink
 * pipeline that the featuresdk annotation processor generates at compile time.
 *
 * <pre>{@code
 * @FeatureGroup(name = "eth_usd_price_{window}", version = 1, source = Ticker.class,
 *               eventTime = "time", maxOutOfOrderness = "30s",
 *               description = "ETH-USD price over sliding windows")
 * @SlidingWindow(size = "5m", slide = "1m")
 * @SlidingWindow(size = "60m", slide = "1m")
 * public class PriceFeatures {
 *   @PrimaryKey(from = "productId") String ticker;
 *   @WindowEnd Instant timestamp;
 *   @Avg("price") double priceAvg;
 *   @Count long trades;
 * }
 * }</pre>
 *
 * <p>Each declared window becomes its own feature group in the store, named by replacing
 * {@code {window}} in {@link #name()} with the window's {@code label}, by default its size
 * ({@code 5m}, {@code 1h}, ...).
 * Names follow Hopsworks' rules: lowercase {@code [a-z0-9_]}, at most 63 characters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeatureGroup {

  /**
   * The feature group name. Must contain {@code {window}} when the class declares more than one
   * window, so that every window gets a distinct group.
   */
  String name();

  /** The feature group version, at least 1. */
  int version() default 1;

  /** A human readable description, stored with the group's metadata. */
  String description() default "";

  /** The type of the source events the features are computed from. */
  Class<?> source();

  /**
   * The field of the {@link #source()} type that holds the event time: an {@code Instant} or a
   * {@code long} of epoch milliseconds.
   */
  String eventTime();

  /**
   * How late an event may arrive, relative to the newest event seen, and still be counted:
   * {@code "30s"}, {@code "1m"} or ISO-8601 {@code "PT30S"}. Windows are emitted this much after
   * their end.
   */
  String maxOutOfOrderness() default "0s";

  /** Whether the group is served from the online store (latest row per primary key). */
  boolean online() default true;
}
