package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The layout of one group's online table and all SQL on it: one typed column per feature (the
 * primary-key columns are the table's primary key) plus {@code window_end} and {@code as_of}, both
 * epoch microseconds.
 *
 * <pre>
 * CREATE TABLE fg_eth_usd_price_5m_v1 (
 *   "ticker" TEXT NOT NULL, "timestamp" INTEGER, "price_avg" REAL, ..., "trades" INTEGER,
 *   "window_end" INTEGER NOT NULL, "as_of" INTEGER NOT NULL,
 *   PRIMARY KEY ("ticker")) WITHOUT ROWID
 * </pre>
 *
 * <p>{@code window_end} is the end of the window the row aggregates; {@code as_of} is the newest
 * event time the row includes (see {@link OnlineRowCoverage}). A group whose event-time feature is
 * itself named {@code window_end} shares that column.
 */
final class OnlineTable {
  static final String WINDOW_END = "window_end";
  static final String AS_OF = "as_of";

  private final String name;
  private final Schema schema;
  /** The row's features in schema order; bound and read at positions 1..n. */
  private final List<OnlineColumn> features;
  private final List<OnlineColumn> key;
  /** Whether the event-time feature is named window_end and so is that column. */
  private final boolean windowEndIsFeature;

  OnlineTable(FeatureGroupTarget group) {
    this.name = StoreLayout.onlineTable(group.name(), group.version());
    this.schema = group.schema();
    String label = group.name() + " v" + group.version();
    List<OnlineColumn> columns = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      columns.add(OnlineColumn.of(field, label));
    }
    this.features = List.copyOf(columns);
    this.key = group.primaryKey().stream().map(k -> feature(k, label)).toList();
    int windowEndField = indexOf(WINDOW_END);
    if (windowEndField >= 0 && !WINDOW_END.equals(group.eventTimeFeature())) {
      throw reserved(WINDOW_END, label);
    }
    if (indexOf(AS_OF) >= 0) {
      throw reserved(AS_OF, label);
    }
    this.windowEndIsFeature = windowEndField >= 0;
  }

  String name() {
    return name;
  }

  Schema schema() {
    return schema;
  }

  /** Every column in table order: the features, then window_end (unless a feature) and as_of. */
  List<OnlineColumn> columns() {
    List<OnlineColumn> all = new ArrayList<>(features);
    if (!windowEndIsFeature) {
      all.add(OnlineColumn.micros(WINDOW_END));
    }
    all.add(OnlineColumn.micros(AS_OF));
    return all;
  }

  String createSql() {
    String definitions =
        columns().stream()
            .map(c -> c.definition(isKey(c)))
            .collect(Collectors.joining(", "));
    return "CREATE TABLE IF NOT EXISTS " + name + " (" + definitions + ", PRIMARY KEY ("
        + join(key) + ")) WITHOUT ROWID";
  }

  /**
   * Inserts a row or replaces the stored one unless the stored one is newer: later window end
   * first, then later as-of. Equal rows replace each other, so a replay rewrites the same values.
   */
  String upsertIfNewerSql() {
    List<OnlineColumn> all = columns();
    String placeholders = all.stream().map(c -> "?").collect(Collectors.joining(", "));
    String updates =
        all.stream()
            .filter(c -> !isKey(c))
            .map(c -> c.quoted() + " = excluded." + c.quoted())
            .collect(Collectors.joining(", "));
    String windowEnd = '"' + WINDOW_END + '"';
    String asOf = '"' + AS_OF + '"';
    return "INSERT INTO " + name + " (" + join(all) + ") VALUES (" + placeholders + ")"
        + " ON CONFLICT (" + join(key) + ") DO UPDATE SET " + updates
        + " WHERE (excluded." + windowEnd + ", excluded." + asOf + ") >= (" + name + "."
        + windowEnd + ", " + name + "." + asOf + ")";
  }

  String selectAllSql() {
    return "SELECT " + selectList() + " FROM " + name + " ORDER BY " + join(key);
  }

  String selectByKeySql() {
    String condition =
        key.stream().map(c -> c.quoted() + " = ?").collect(Collectors.joining(" AND "));
    return "SELECT " + selectList() + " FROM " + name + " WHERE " + condition;
  }

  /** The features at positions 1..n, then window_end and as_of at n + 1 and n + 2. */
  private String selectList() {
    return join(features) + ", \"" + WINDOW_END + "\", \"" + AS_OF + "\"";
  }

  /** Binds every column of the upsert for one row. */
  void bindUpsert(PreparedStatement upsert, GenericRecord row, long windowEndMicros,
      long asOfMicros) throws SQLException {
    for (int i = 0; i < features.size(); i++) {
      features.get(i).bind(upsert, i + 1, row.get(i));
    }
    int next = features.size() + 1;
    if (!windowEndIsFeature) {
      upsert.setLong(next++, windowEndMicros);
    }
    upsert.setLong(next, asOfMicros);
  }

  /** Binds the key parts of a point lookup. */
  void bindKey(PreparedStatement lookup, List<?> parts) throws SQLException {
    for (int i = 0; i < key.size(); i++) {
      key.get(i).bind(lookup, i + 1, parts.get(i));
    }
  }

  /** The row at the cursor of a {@link #selectAllSql} or {@link #selectByKeySql} query. */
  GenericRecord read(ResultSet result) throws SQLException {
    GenericData.Record row = new GenericData.Record(schema);
    for (int i = 0; i < features.size(); i++) {
      row.put(i, features.get(i).read(result, i + 1));
    }
    return row;
  }

  /** The row at the cursor with what it covers. */
  OnlineRow readWithCoverage(ResultSet result) throws SQLException {
    return new OnlineRow(
        read(result), result.getLong(features.size() + 1), result.getLong(features.size() + 2));
  }

  /** The primary-key values of a row, in key order; equal keys give equal lists. */
  List<Object> keyOf(GenericRecord row) {
    List<Object> parts = new ArrayList<>(key.size());
    for (OnlineColumn column : key) {
      parts.add(row.get(column.name()));
    }
    return parts;
  }

  /**
   * Splits a {@code ";"}-joined key (the Kafka/Hopsworks key format) into typed parts. A single
   * key column takes the whole text; several must split into exactly as many parts, because a
   * part containing ";" makes the joined text ambiguous.
   */
  List<Object> parseJoinedKey(String joined) {
    if (key.size() == 1) {
      return List.of(key.get(0).parseKeyPart(joined));
    }
    String[] parts = joined.split(";", -1);
    if (parts.length != key.size()) {
      throw new IllegalArgumentException(
          "key '" + joined + "' of " + name + " splits at ';' into " + parts.length
              + " parts, but the primary key has " + key.size() + " columns " + key.stream()
              .map(OnlineColumn::name).toList() + "; pass the key parts as a list to "
              + "readOnline(group, version, List.of(...)) when a part contains ';'");
    }
    List<Object> values = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      values.add(key.get(i).parseKeyPart(parts[i]));
    }
    return values;
  }

  /** Checks the number of key parts a caller passed. */
  void checkKeyParts(List<?> parts) {
    if (parts.size() != key.size()) {
      throw new IllegalArgumentException(
          name + " has " + key.size() + " primary-key columns " + key.stream()
              .map(OnlineColumn::name).toList() + ", got " + parts.size() + " key parts");
    }
  }

  /**
   * By name, not {@code key.contains}: a record's generated equals is bootstrapped through
   * {@code java.lang.runtime.ObjectMethods}, which on JDK 17 kept a job's user-code class loader
   * reachable after the job ended (SessionClusterClassLoadersTest).
   */
  private boolean isKey(OnlineColumn column) {
    return key.stream().anyMatch(k -> k.name().equals(column.name()));
  }

  private OnlineColumn feature(String featureName, String label) {
    int index = indexOf(featureName);
    if (index < 0) {
      throw new IllegalArgumentException(
          "feature group " + label + ": primary-key feature '" + featureName
              + "' is not a field of the row schema");
    }
    return features.get(index);
  }

  private int indexOf(String featureName) {
    Schema.Field field = schema.getField(featureName);
    return field == null ? -1 : field.pos();
  }

  private static IllegalArgumentException reserved(String column, String label) {
    return new IllegalArgumentException(
        "feature group " + label + ": feature name '" + column + "' is reserved for the online "
            + "table's bookkeeping column; rename the field or set the aggregation's name attribute");
  }

  private static String join(List<OnlineColumn> columns) {
    return columns.stream().map(OnlineColumn::quoted).collect(Collectors.joining(", "));
  }
}
