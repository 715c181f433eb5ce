package io.featuresdk.runtime.store.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Typed access to the values of feature rows read back as {@link GenericRecord}s. Rows follow
 * Hopsworks' conventions, so timestamps are {@code long} microseconds ({@code timestamp-micros});
 * this turns them into {@link Instant}s.
 *
 * <pre>{@code
 * Instant windowEnd = FeatureRows.instant(row, "window_end"); // 2026-11-30T13:05:00Z
 * }</pre>
 */
public final class FeatureRows {
  private FeatureRows() {}

  /**
   * The timestamp in {@code field} as an instant, or {@code null} if the row holds none.
   *
   * @throws IllegalArgumentException if the row has no such field or it is not a timestamp
   */
  public static Instant instant(GenericRecord row, String field) {
    Object value = value(row, field);
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof Long micros && isTimestampMicros(row.getSchema().getField(field).schema())) {
      return instantOfMicros(micros);
    }
    throw new IllegalArgumentException(
        "field '" + field + "' of " + row.getSchema().getFullName() + " holds a "
            + value.getClass().getSimpleName() + ", not a timestamp");
  }

  /** Whether values of {@code schema}, or of a branch of its union, are {@code timestamp-micros}. */
  static boolean isTimestampMicros(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      return schema.getTypes().stream().anyMatch(FeatureRows::isTimestampMicros);
    }
    return schema.getLogicalType() instanceof LogicalTypes.TimestampMicros;
  }

  static Instant instantOfMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** The timestamp in {@code field} in epoch microseconds, as the offline store orders rows. */
  static long micros(GenericRecord row, String field) {
    Instant instant = instant(row, field);
    if (instant == null) {
      throw new IllegalArgumentException(
          "a row of " + row.getSchema().getFullName() + " has no event time in '" + field + "'");
    }
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static Object value(GenericRecord row, String field) {
    if (row.getSchema().getField(field) == null) {
      throw new IllegalArgumentException(
          "no field '" + field + "' in " + row.getSchema().getFullName() + "; fields: "
              + row.getSchema().getFields().stream().map(f -> f.name()).toList());
    }
    return row.get(field);
  }
}
