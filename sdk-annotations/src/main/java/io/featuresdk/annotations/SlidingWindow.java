package io.featuresdk.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sliding (hopping) event-time window: every {@link #slide()} a row covering the last
 * {@link #size()} is emitted per primary key. Windows are {@code [end - size, end)}, aligned to
 * the epoch, and the row's {@link WindowEnd} timestamp is {@code end}.
 *
 * <pre>{@code
 * @SlidingWindow(size = "10m", slide = "1m")
 * }</pre>
 *
 * <p>Durations are a number and a unit ({@code ms}, {@code s}, {@code m}, {@code h}, {@code d}),
 * such as {@code "90s"} or {@code "1h"}, or ISO-8601 such as {@code "PT1H"}. The size must be a
 * positive multiple of the slide.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(SlidingWindow.List.class)
public @interface SlidingWindow {

  /** The length of each window, for example {@code "5m"}. */
  String size();

  /** How often a window ends, for example {@code "1m"}. */
  String slide();

  /**
   * What replaces {@code {window}} in the feature group name for this window, for example
   * {@code "24h_hourly"}: lowercase letters, digits and {@code _}. By default the size in the
   * largest unit that expresses it exactly ({@code "5m"}, {@code "1h"}, {@code "1d"}), so give a
   * label when two windows of the same size (a sliding and a tumbling day) share a class.
   */
  String label() default "";

  /** Holds repeated {@link SlidingWindow} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    SlidingWindow[] value();
  }
}
