package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A tumbling event-time window: consecutive, non-overlapping windows of {@link #size()}, aligned
 * to the epoch. Equivalent to a {@link SlidingWindow} whose slide equals its size.
 *
 * <pre>{@code
 * @TumblingWindow(size = "1h")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(TumblingWindow.List.class)
public @interface TumblingWindow {

  /** The length of each window, for example {@code "1h"} or {@code "PT15M"}. */
  String size();

  /**
   * What replaces {@code {window}} in the feature group name for this window, for example
   * {@code "24h_hourly"}: lowercase letters, digits and {@code _}. By default the size in the
   * largest unit that expresses it exactly ({@code "5m"}, {@code "1h"}, {@code "1d"}), so give a
   * label when two windows of the same size (a sliding and a tumbling day) share a class.
   */
  String label() default "";

  /** Holds repeated {@link TumblingWindow} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    TumblingWindow[] value();
  }
}
