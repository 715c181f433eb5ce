package io.featuresdk.runtime.source.websocket;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;

/**
 * Per-key sequence bookkeeping for feeds that number their messages, driven by a {@link WebSocketMessageParser}.
 *
 * <p>Rules, per key (for example per product): the first sequence seen is accepted; {@code last + 1} is accepted;
 * a jump to {@code s > last + 1} is accepted and counted as one gap of {@code s - last - 1} lost messages; a
 * sequence {@code <= last} is a duplicate or arrived out of order and should be dropped by the caller (it is
 * counted, and {@code last} does not move back). The last sequence per key survives reconnects (the tracker lives
 * as long as the parser), so messages missed while the connection was down show up as a gap, and messages the
 * server repeats after a reconnect as duplicates.
 *
 * <p>Metrics, registered under the group passed to {@link #SequenceGapTracker(MetricGroup)} (the source reader's,
 * from {@link WebSocketMessageParser#open}): {@code sequenceGaps}, {@code lostMessages}, {@code duplicates}.
 *
 * <pre>{@code
 * public void open(MetricGroup metrics) { gaps = new SequenceGapTracker(metrics); }
 * public void parse(String message, Collector<Tick> out) {
 *   Tick t = ...;
 *   if (gaps.track(t.product(), t.sequence()) != SequenceGapTracker.Outcome.DUPLICATE) out.collect(t);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: used on the source's task thread only.
 */
public final class SequenceGapTracker {

  public static final String SEQUENCE_GAPS = "sequenceGaps";
  public static final String LOST_MESSAGES = "lostMessages";
  public static final String DUPLICATES = "duplicates";

  /** What {@link #track} decided about one message. */
  public enum Outcome {
    /** The first message of its key: accepted. */
    FIRST,
    /** Exactly one after the previous: accepted. */
    NEXT,
    /** More than one after the previous: accepted; the skipped numbers are counted as lost. */
    GAP,
    /** Not after the previous (a repeat or late): drop it. */
    DUPLICATE
  }

  private final Map<String, Long> last = new HashMap<>();
  private final Counter gaps;
  private final Counter lost;
  private final Counter duplicates;

  /** A tracker whose counters are registered in {@code metrics}. */
  public SequenceGapTracker(MetricGroup metrics) {
    this.gaps = metrics.counter(SEQUENCE_GAPS, new SimpleCounter());
    this.lost = metrics.counter(LOST_MESSAGES, new SimpleCounter());
    this.duplicates = metrics.counter(DUPLICATES, new SimpleCounter());
  }

  /** A tracker with unregistered counters (unit use, replays). */
  public SequenceGapTracker() {
    this.gaps = new SimpleCounter();
    this.lost = new SimpleCounter();
    this.duplicates = new SimpleCounter();
  }

  /** Records {@code sequence} for {@code key} and says whether to keep the message. */
  public Outcome track(String key, long sequence) {
    Long previous = last.get(key);
    if (previous == null) {
      last.put(key, sequence);
      return Outcome.FIRST;
    }
    long prev = previous;
    if (sequence <= prev) {
      duplicates.inc();
      return Outcome.DUPLICATE;
    }
    last.put(key, sequence);
    if (sequence == prev + 1) {
      return Outcome.NEXT;
    }
    gaps.inc();
    lost.inc(sequence - prev - 1);
    return Outcome.GAP;
  }

  /** Jumps of more than one so far. */
  public long gaps() {
    return gaps.getCount();
  }

  /** Sequence numbers skipped by all gaps so far. */
  public long lostMessages() {
    return lost.getCount();
  }

  /** Messages reported as {@link Outcome#DUPLICATE} so far. */
  public long duplicates() {
    return duplicates.getCount();
  }
}
