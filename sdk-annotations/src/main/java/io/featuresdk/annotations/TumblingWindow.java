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

  /** Holds repeated {@link TumblingWindow} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    TumblingWindow[] value();
  }
}
