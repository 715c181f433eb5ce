package io.featuresdk.runtime.store.local.view;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.local.FeatureRows;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The numeric features of one primary key over event time, from a group's offline rows (one row
 * per window end): what the store page and the PNG chart draw. Features without a value in a row
 * are {@link Double#NaN} there, a gap in the line.
 *
 * @param group the feature group
 * @param key the primary key, its values joined by {@code ";"}
 * @param times the event time of each row, ascending
 * @param features per numeric feature in schema order, one value per entry of {@code times}
 */
public record FeatureSeries(
    FeatureGroupTarget group, String key, List<Instant> times, Map<String, double[]> features) {

  public FeatureSeries {
    times = List.copyOf(times);
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }

  /** Reads the offline rows of {@code key} in {@code group}; empty if it has none yet. */
  public static FeatureSeries read(LocalFeatureStoreReader store, FeatureGroupTarget group, String key) {
    List<GenericRecord> rows =
        store.offline().contains(group.name(), group.version())
            ? store.offline().read(group.name(), group.version(), key)
            : List.of();
    List<Instant> times = new ArrayList<>(rows.size());
    for (GenericRecord row : rows) {
      times.add(FeatureRows.instant(row, group.eventTimeFeature()));
    }
    Map<String, double[]> features = new LinkedHashMap<>();
    for (String feature : numericFeatures(group)) {
      double[] values = new double[rows.size()];
      for (int i = 0; i < values.length; i++) {
        Object value = rows.get(i).get(feature);
        values[i] = value instanceof Number number ? number.doubleValue() : Double.NaN;
      }
      features.put(feature, values);
    }
    return new FeatureSeries(group, key, times, features);
  }

  /**
   * The features a chart can draw: numbers that are neither part of the primary key nor
   * timestamps, in schema order.
   */
  public static List<String> numericFeatures(FeatureGroupTarget group) {
    List<String> names = new ArrayList<>();
    for (Schema.Field field : group.schema().getFields()) {
      if (!group.primaryKey().contains(field.name()) && isPlainNumber(field.schema())) {
        names.add(field.name());
      }
    }
    return names;
  }

  /** How many rows, and so points per feature, the series has. */
  public int size() {
    return times.size();
  }

  private static boolean isPlainNumber(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      List<Schema> branches =
          schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
      return branches.size() == 1 && isPlainNumber(branches.get(0));
    }
    LogicalType logical = schema.getLogicalType();
    return logical == null
        && switch (schema.getType()) {
          case INT, LONG, FLOAT, DOUBLE -> true;
          default -> false;
        };
  }
}
