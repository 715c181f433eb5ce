package io.featuresdk.runtime.spi;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * One declared event-time window of a feature group: windows {@code [end - size, end)} ending
 * every {@code slide}, aligned to the epoch. A tumbling window is one whose slide equals its size.
 */
public final class WindowSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long sizeMillis;
  private final long slideMillis;

  private WindowSpec(long sizeMillis, long slideMillis) {
    if (sizeMillis <= 0 || slideMillis <= 0 || sizeMillis % slideMillis != 0) {
      throw new IllegalArgumentException(
          "window size must be a positive multiple of its slide, got size "
              + sizeMillis + " ms and slide " + slideMillis + " ms");
    }
    this.sizeMillis = sizeMillis;
    this.slideMillis = slideMillis;
  }

  public static WindowSpec sliding(Duration size, Duration slide) {
    return new WindowSpec(size.toMillis(), slide.toMillis());
  }

  public static WindowSpec tumbling(Duration size) {
    return new WindowSpec(size.toMillis(), size.toMillis());
  }

  public Duration size() {
    return Duration.ofMillis(sizeMillis);
  }

  public Duration slide() {
    return Duration.ofMillis(slideMillis);
  }

  public long sizeMillis() {
    return sizeMillis;
  }

  public long slideMillis() {
    return slideMillis;
  }

  public boolean isTumbling() {
    return sizeMillis == slideMillis;
  }

  /**
   * The size in the largest unit that expresses it exactly ({@code 5m}, {@code 1h}, {@code 90s}),
   * the text that replaces {@code {window}} in a feature group name.
   */
  public String label() {
    return DurationLabels.format(sizeMillis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowSpec other
        && sizeMillis == other.sizeMillis
        && slideMillis == other.slideMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sizeMillis, slideMillis);
  }

  @Override
  public String toString() {
    return isTumbling()
        ? "tumbling " + label()
        : "sliding " + label() + " every " + DurationLabels.format(slideMillis);
  }
}
