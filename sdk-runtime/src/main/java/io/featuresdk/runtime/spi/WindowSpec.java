package io.featuresdk.runtime.spi;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * One declared event-time window of a feature group: windows {@code [end - size, end)} ending
 * every {@code slide}, aligned to the epoch. A tumbling window is one whose slide equals its size.
 * Its {@link #label()} names its feature group; two windows of one class need distinct labels.
 */
public final class WindowSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long sizeMillis;
  private final long slideMillis;
  /** The explicit label, or {@code null} for the size's default label. */
  private final String label;

  private WindowSpec(long sizeMillis, long slideMillis, String label) {
    if (sizeMillis <= 0 || slideMillis <= 0 || sizeMillis % slideMillis != 0) {
      throw new IllegalArgumentException(
          "window size must be a positive multiple of its slide, got size "
              + sizeMillis + " ms and slide " + slideMillis + " ms");
    }
    this.sizeMillis = sizeMillis;
    this.slideMillis = slideMillis;
    if (label != null && !label.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException(
          "window label must be lowercase letters, digits and '_', got \"" + label + "\"");
    }
    this.label = label;
  }

  public static WindowSpec sliding(Duration size, Duration slide) {
    return new WindowSpec(size.toMillis(), slide.toMillis(), null);
  }

  public static WindowSpec tumbling(Duration size) {
    return new WindowSpec(size.toMillis(), size.toMillis(), null);
  }

  /**
   * This window with {@code label} in place of the default one, e.g. to keep a sliding and a
   * tumbling day apart: {@code WindowSpec.tumbling(Duration.ofDays(1)).withLabel("1d_daily")}.
   */
  public WindowSpec withLabel(String label) {
    return new WindowSpec(sizeMillis, slideMillis, label);
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
   * The text that replaces {@code {window}} in a feature group name: the label given with
   * {@link #withLabel}, else the size in the largest unit that expresses it exactly ({@code 5m},
   * {@code 1h}, {@code 90s}).
   */
  public String label() {
    return label != null ? label : DurationLabels.format(sizeMillis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowSpec other
        && sizeMillis == other.sizeMillis
        && slideMillis == other.slideMillis
        && label().equals(other.label());
  }

  @Override
  public int hashCode() {
    return Objects.hash(sizeMillis, slideMillis, label());
  }

  @Override
  public String toString() {
    String size = DurationLabels.format(sizeMillis);
    String named = label != null ? " (" + label + ")" : "";
    return isTumbling()
        ? "tumbling " + size + named
        : "sliding " + size + " every " + DurationLabels.format(slideMillis) + named;
  }
}
