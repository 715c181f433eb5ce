package io.featuresdk.runtime.store;

import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One encoded feature row on its way to a {@link FeatureStore}, in Hopsworks' wire format: the key
 * is the row's primary-key values joined by {@code ";"}, the value is the plain Avro binary of the
 * row (no magic byte or schema id) and the event time is the window end.
 *
 * <p>{@link #complete()} says whether the input covered the whole window. Rows of truncated
 * windows (the leading and trailing windows of a bounded run or replay) are not complete: offline
 * stores skip them, so a rerun or a backfill of an adjacent range never overwrites a complete row
 * with a truncated one; online stores may keep them as the freshest value there is.
 *
 * <p>{@link #provisional()} rows are early versions of a window that has not fired yet; they are
 * never complete, so offline stores skip them too. {@link #asOfMillis()} says what a row covers:
 * the newest event time it includes ({@code window end - 1} for final rows). A provisional row also
 * carries {@link #arrivalMillis()}, the wall-clock time its oldest not-yet-shown event arrived, so
 * online stores can measure how long events take to become visible.
 *
 * <p>Instances are immutable by contract: {@link #value()} returns the internal array, which no one
 * may modify. That lets Flink pass records between chained operators without copying.
 */
@TypeInfo(FeatureRecordTypeInfoFactory.class)
public final class FeatureRecord {
  private final String key;
  private final long eventTimeMillis;
  private final byte[] value;
  private final boolean complete;
  private final boolean provisional;
  private final long asOfMillis;
  private final long arrivalMillis;

  /** {@link #arrivalMillis()} of a row that does not know when its events arrived (final rows). */
  public static final long UNKNOWN_ARRIVAL = Long.MIN_VALUE;

  /** A row of a complete window. */
  public FeatureRecord(String key, long eventTimeMillis, byte[] value) {
    this(key, eventTimeMillis, value, true);
  }

  /**
   * A final row: it includes every event of its window, so its as-of time is {@code
   * eventTimeMillis - 1}.
   *
   * @param complete whether the input covered the row's whole window; {@code false} for a
   *     truncated window, which offline stores skip
   */
  public FeatureRecord(String key, long eventTimeMillis, byte[] value, boolean complete) {
    this(key, eventTimeMillis, value, complete, false, eventTimeMillis - 1, UNKNOWN_ARRIVAL);
  }

  private FeatureRecord(
      String key, long eventTimeMillis, byte[] value, boolean complete, boolean provisional,
      long asOfMillis, long arrivalMillis) {
    this.key = Objects.requireNonNull(key, "key");
    this.eventTimeMillis = eventTimeMillis;
    this.value = Objects.requireNonNull(value, "value");
    this.complete = complete;
    this.provisional = provisional;
    if (asOfMillis >= eventTimeMillis) {
      throw new IllegalArgumentException(
          "as-of time " + asOfMillis + " is not before the window end " + eventTimeMillis
              + "; a row covers only events before its window end");
    }
    this.asOfMillis = asOfMillis;
    this.arrivalMillis = arrivalMillis;
  }

  /**
   * A provisional row of the window ending at {@code eventTimeMillis} that includes the events up
   * to {@code asOfMillis} that have arrived so far; never complete.
   *
   * @param arrivalMillis see {@link #arrivalMillis()}; {@link #UNKNOWN_ARRIVAL} if not known
   */
  public static FeatureRecord provisional(
      String key, long eventTimeMillis, byte[] value, long asOfMillis, long arrivalMillis) {
    return new FeatureRecord(key, eventTimeMillis, value, false, true, asOfMillis, arrivalMillis);
  }

  /** Restores a record with all its fields, for serializers. */
  static FeatureRecord of(
      String key, long eventTimeMillis, byte[] value, boolean complete, boolean provisional,
      long asOfMillis, long arrivalMillis) {
    return new FeatureRecord(
        key, eventTimeMillis, value, complete, provisional, asOfMillis, arrivalMillis);
  }

  /** The primary-key values joined by {@code ";"}, the Kafka key Hopsworks expects. */
  public String key() {
    return key;
  }

  /** The row's event time in epoch milliseconds: the end of its window. */
  public long eventTimeMillis() {
    return eventTimeMillis;
  }

  /** The row as plain Avro binary in the group's schema. Do not modify. */
  public byte[] value() {
    return value;
  }

  /**
   * Whether the input covered the row's whole window (see the window engine's completeness rule).
   * Offline stores write only complete rows; online stores may write all.
   */
  public boolean complete() {
    return complete;
  }

  /** Whether this is an early row of a window that has not fired yet (online stores only). */
  public boolean provisional() {
    return provisional;
  }

  /**
   * The newest event time, in epoch milliseconds, the row includes: {@code eventTimeMillis() - 1}
   * for final rows, the newest event that had arrived for provisional ones.
   */
  public long asOfMillis() {
    return asOfMillis;
  }

  /**
   * The wall-clock time, in epoch milliseconds, at which the oldest event this row is the first
   * to show arrived at the window operator, or {@link #UNKNOWN_ARRIVAL} (final rows, whose events
   * provisional rows showed before). The lag from it to the row's visibility in an online store
   * bounds the lag of every event the row newly shows.
   */
  public long arrivalMillis() {
    return arrivalMillis;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureRecord other
        && eventTimeMillis == other.eventTimeMillis
        && complete == other.complete
        && provisional == other.provisional
        && asOfMillis == other.asOfMillis
        && arrivalMillis == other.arrivalMillis
        && key.equals(other.key)
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, eventTimeMillis, Arrays.hashCode(value), complete, provisional, asOfMillis,
        arrivalMillis);
  }

  @Override
  public String toString() {
    return "FeatureRecord{key=" + key + ", eventTimeMillis=" + eventTimeMillis
        + ", value=" + value.length + " bytes" + (complete ? "" : ", incomplete")
        + (provisional ? ", provisional as of " + asOfMillis + ", arrived " + arrivalMillis : "") + "}";
  }
}
