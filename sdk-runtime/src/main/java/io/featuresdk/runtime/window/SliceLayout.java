package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.WindowSpec;
import java.io.Serializable;
import java.util.List;

/**
 * The slice arithmetic shared by all windows of one feature group. Slices are the disjoint
 * intervals {@code [end - slice, end)} with {@code slice = gcd} of every size and slide, aligned to
 * the epoch, and are identified by their end. Every window of every spec is a whole number of
 * consecutive slices, so an event updates exactly one slice and a window is the merge of its
 * slices.
 */
final class SliceLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  final long slice;
  final long[] sizes;
  final long[] slides;
  final long maxSize;

  SliceLayout(List<WindowSpec> windows) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("at least one window is needed");
    }
    sizes = new long[windows.size()];
    slides = new long[windows.size()];
    long gcd = 0;
    long max = 0;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = windows.get(i).sizeMillis();
      slides[i] = windows.get(i).slideMillis();
      gcd = gcd(gcd(gcd, sizes[i]), slides[i]);
      max = Math.max(max, sizes[i]);
    }
    slice = gcd;
    maxSize = max;
  }

  /** The end of the slice holding {@code timestamp}. */
  long sliceEnd(long timestamp) {
    return Math.floorDiv(timestamp, slice) * slice + slice;
  }

  /** The largest window end, over all specs, of a window that contains the slice ending at {@code sliceEnd}. */
  long lastWindowEnd(long sliceEnd) {
    long last = Long.MIN_VALUE;
    long sliceStart = sliceEnd - slice;
    for (int i = 0; i < sizes.length; i++) {
      // windows [end - size, end) with end % slide == 0 containing the slice: sliceEnd <= end <= sliceStart + size
      last = Math.max(last, Math.floorDiv(sliceStart + sizes[i], slides[i]) * slides[i]);
    }
    return last;
  }

  /**
   * The smallest window end, over all specs, of a window that contains the slice ending at {@code
   * sliceEnd} and has not fired at {@code watermark} (fired means {@code end - 1 <= watermark}), or
   * {@link Long#MAX_VALUE} if every such window has fired: then an event in this slice is late.
   */
  long firstOpenWindowEnd(long sliceEnd, long watermark) {
    if (watermark >= Long.MAX_VALUE - 1) {
      return Long.MAX_VALUE;
    }
    long first = Long.MAX_VALUE;
    long sliceStart = sliceEnd - slice;
    long lowest = Math.max(sliceEnd, watermark + 2);
    for (int i = 0; i < sizes.length; i++) {
      long end = ceilTo(lowest, slides[i]);
      if (end <= sliceStart + sizes[i] && end < first) {
        first = end;
      }
    }
    return first;
  }

  /** The first window end, over all specs, after {@code time}. */
  long nextWindowEnd(long time) {
    long next = Long.MAX_VALUE;
    for (long slide : slides) {
      next = Math.min(next, Math.floorDiv(time, slide) * slide + slide);
    }
    return next;
  }

  private static long ceilTo(long value, long unit) {
    return -Math.floorDiv(-value, unit) * unit;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
