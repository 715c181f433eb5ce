package io.featuresdk.runtime.window;

import java.util.Arrays;
import org.apache.flink.api.common.state.ValueState;

/**
 * The current key's first emitted window end per spec, which the inferred {@link
 * WindowCompleteness} rule needs to call the windows overlapping the start of a key's input
 * truncated. Kept apart from {@link SlicedWindowOperator} because it has its own state and a
 * read cache: one fire emits a row per spec, and the key's ends are read from state once per fire,
 * not once per row; the operator calls {@link #endFire} when the fire (or a late correction) is over.
 */
final class FirstWindowEnds {
  private final int specs;
  /** Per spec the end of the key's first emitted window; null unless the rule needs it. */
  private final ValueState<long[]> state;
  private final WindowCompleteness.FirstWindowEnd[] perSpec;
  /** The current key's {@link #state} while its timer fires, read at most once per fire. */
  private long[] firing;

  /** @param state the keyed state of the ends, or null when the completeness rule needs none */
  FirstWindowEnds(int specs, ValueState<long[]> state) {
    this.specs = specs;
    this.state = state;
    perSpec = new WindowCompleteness.FirstWindowEnd[specs];
    for (int i = 0; i < specs; i++) {
      int spec = i;
      perSpec[i] = end -> recordAndGet(spec, end);
    }
  }

  /** The first window end of {@code spec}, as {@link WindowCompleteness#isComplete} asks for it. */
  WindowCompleteness.FirstWindowEnd of(int spec) {
    return perSpec[spec];
  }

  /** Forgets the ends read during a fire: the next fire may be another key's. */
  void endFire() {
    firing = null;
  }

  private long recordAndGet(int spec, long end) throws Exception {
    long[] ends = firing;
    if (ends == null) {
      ends = state.value();
      if (ends == null) {
        ends = new long[specs];
        Arrays.fill(ends, Long.MIN_VALUE);
      }
      firing = ends;
    }
    if (ends[spec] == Long.MIN_VALUE) {
      ends[spec] = end;
      state.update(ends);
    }
    return ends[spec];
  }
}
