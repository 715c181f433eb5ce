package io.featuresdk.runtime.source.websocket;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-key bookkeeping of message ids (for Coinbase: the {@code trade_id} per product), driven by a
 * {@link WebSocketMessageParser}: drops exact repeats, keeps messages that arrive out of order, counts ids that
 * never arrived. Its state is small and serializable, so a parser can checkpoint it ({@link #snapshot},
 * {@link #restore}) and a restored reader drops what it had already delivered.
 *
 * <p>Rules, per key. The tracker remembers the highest id delivered and every id delivered within the last
 * {@code horizon} ids below it.
 * <ul>
 *   <li>the first id of a key: {@link Outcome#FIRST}, keep;</li>
 *   <li>{@code highest + 1}: {@link Outcome#NEXT}, keep;</li>
 *   <li>{@code id > highest + 1}: {@link Outcome#GAP}, keep; one gap of {@code id - highest - 1} lost ids is
 *       counted and logged (for a feed that cannot replay, that is what a reconnect or restore lost);</li>
 *   <li>an id below the highest, within the horizon, not delivered before: {@link Outcome#OUT_OF_ORDER}, keep;
 *       if the tracker had counted it as lost, the lost count goes down by one;</li>
 *   <li>an id delivered before: {@link Outcome#DUPLICATE}, drop;</li>
 *   <li>an id {@code horizon} or more below the highest: treated as delivered ({@link Outcome#DUPLICATE}): a
 *       restored reader whose feed starts again from an older position drops everything up to its position.</li>
 * </ul>
 *
 * <p>Metrics, registered under the group passed to {@link #SequenceGapTracker(MetricGroup)} (the source reader's,
 * from {@link WebSocketMessageParser#open}): {@code sequenceGaps}, {@code lostMessages}, {@code duplicates},
 * {@code outOfOrder}.
 *
 * <pre>{@code
 * public void open(MetricGroup metrics) { ids = new SequenceGapTracker(metrics); }
 * public void parse(String message, Collector<Tick> out) {
 *   Tick t = ...;
 *   if (ids.track(t.product(), t.tradeId()) != SequenceGapTracker.Outcome.DUPLICATE) out.collect(t);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: used on the source's task thread only.
 */
public final class SequenceGapTracker {

  private static final Logger LOG = LoggerFactory.getLogger(SequenceGapTracker.class);

  public static final String SEQUENCE_GAPS = "sequenceGaps";
  public static final String LOST_MESSAGES = "lostMessages";
  public static final String DUPLICATES = "duplicates";
  public static final String OUT_OF_ORDER = "outOfOrder";

  /**
   * Default number of ids below the highest within which exact duplicates are told apart from late arrivals:
   * several minutes of trades on Coinbase's busiest products, far more than the 30 s of disorder windows accept.
   */
  public static final int DEFAULT_HORIZON = 4096;

  /** What {@link #track} decided about one message. */
  public enum Outcome {
    /** The first message of its key: keep. */
    FIRST,
    /** Exactly one after the highest so far: keep. */
    NEXT,
    /** More than one after the highest: keep; the skipped ids are counted as lost. */
    GAP,
    /** Below the highest but not delivered before: keep. */
    OUT_OF_ORDER,
    /** Delivered before (or too old to tell): drop. */
    DUPLICATE
  }

  private final Map<String, KeyIds> keys = new HashMap<>();
  private final int horizon;
  private final Counter gaps;
  private final Counter lost;
  private final Counter duplicates;
  private final Counter outOfOrder;

  /** A tracker with the {@link #DEFAULT_HORIZON} whose counters are registered in {@code metrics}. */
  public SequenceGapTracker(MetricGroup metrics) {
    this(DEFAULT_HORIZON, metrics.counter(SEQUENCE_GAPS, new SimpleCounter()),
        metrics.counter(LOST_MESSAGES, new SimpleCounter()), metrics.counter(DUPLICATES, new SimpleCounter()),
        metrics.counter(OUT_OF_ORDER, new SimpleCounter()));
  }

  /** A tracker with the {@link #DEFAULT_HORIZON} and unregistered counters (unit use, replays). */
  public SequenceGapTracker() {
    this(DEFAULT_HORIZON);
  }

  /** A tracker with unregistered counters that tells duplicates apart within {@code horizon} ids. */
  public SequenceGapTracker(int horizon) {
    this(horizon, new SimpleCounter(), new SimpleCounter(), new SimpleCounter(), new SimpleCounter());
  }

  private SequenceGapTracker(int horizon, Counter gaps, Counter lost, Counter duplicates, Counter outOfOrder) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be at least 1, was " + horizon);
    }
    this.horizon = horizon;
    this.gaps = gaps;
    this.lost = lost;
    this.duplicates = duplicates;
    this.outOfOrder = outOfOrder;
  }

  /** Records {@code id} for {@code key} and says whether to keep the message. */
  public Outcome track(String key, long id) {
    KeyIds state = keys.get(key);
    if (state == null) {
      keys.put(key, new KeyIds(id));
      return Outcome.FIRST;
    }
    if (id > state.highest) {
      long previous = state.highest;
      state.advanceTo(id, horizon);
      if (id == previous + 1) {
        return Outcome.NEXT;
      }
      gaps.inc();
      lost.inc(id - previous - 1);
      LOG.warn("Ids of {} jumped from {} to {}: {} message(s) never arrived (counted in metric {})", key, previous,
          id, id - previous - 1, LOST_MESSAGES);
      return Outcome.GAP;
    }
    if (state.highest - id >= horizon || !state.recent.add(id)) {
      duplicates.inc();
      return Outcome.DUPLICATE;
    }
    outOfOrder.inc();
    if (id > state.first) {
      lost.dec(); // counted as lost when the highest jumped over it
    }
    return Outcome.OUT_OF_ORDER;
  }

  /** The highest id delivered for {@code key}, or null if none. */
  public Long highest(String key) {
    KeyIds state = keys.get(key);
    return state == null ? null : state.highest;
  }

  /** The keys seen so far with their highest delivered id. */
  public Map<String, Long> highestPerKey() {
    Map<String, Long> result = new HashMap<>();
    keys.forEach((key, state) -> result.put(key, state.highest));
    return result;
  }

  /** Jumps of more than one so far. */
  public long gaps() {
    return gaps.getCount();
  }

  /** Ids skipped by all gaps so far and not delivered later. */
  public long lostMessages() {
    return lost.getCount();
  }

  /** Messages reported as {@link Outcome#DUPLICATE} so far. */
  public long duplicates() {
    return duplicates.getCount();
  }

  /** Messages reported as {@link Outcome#OUT_OF_ORDER} so far. */
  public long outOfOrder() {
    return outOfOrder.getCount();
  }

  /**
   * Writes what has been delivered per key (not the counters, which are metrics of this run). The format is
   * the one {@link #restore} reads; a parser stores it under its own state version.
   */
  public void snapshot(DataOutputView out) throws IOException {
    out.writeInt(keys.size());
    for (Map.Entry<String, KeyIds> entry : keys.entrySet()) {
      KeyIds state = entry.getValue();
      out.writeUTF(entry.getKey());
      out.writeLong(state.first);
      out.writeLong(state.highest);
      out.writeInt(state.recent.size());
      for (long id : state.recent) {
        out.writeLong(id);
      }
    }
  }

  /** Replaces the per-key state with what {@link #snapshot} wrote. */
  public void restore(DataInputView in) throws IOException {
    keys.clear();
    int count = in.readInt();
    for (int k = 0; k < count; k++) {
      String key = in.readUTF();
      KeyIds state = new KeyIds(in.readLong());
      state.highest = in.readLong();
      state.recent.clear();
      int ids = in.readInt();
      for (int i = 0; i < ids; i++) {
        state.recent.add(in.readLong());
      }
      keys.put(key, state);
    }
  }

  /** Delivered ids of one key. */
  private static final class KeyIds {
    /** The first id seen: ids below it were never counted as lost. */
    final long first;
    long highest;
    /** Delivered ids in {@code (highest - horizon, highest]}. */
    final TreeSet<Long> recent = new TreeSet<>();

    KeyIds(long first) {
      this.first = first;
      this.highest = first;
      recent.add(first);
    }

    void advanceTo(long id, int horizon) {
      highest = id;
      recent.add(id);
      if (id - recent.first() >= horizon) {
        recent.headSet(id - horizon, true).clear();
      }
    }
  }
}
