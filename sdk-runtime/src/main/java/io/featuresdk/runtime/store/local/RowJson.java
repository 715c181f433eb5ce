package io.featuresdk.runtime.store.local;

import java.time.Instant;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * One feature row as a JSON object on one line, for people: timestamps ({@code timestamp-micros})
 * as ISO-8601 UTC instants instead of raw microseconds. Rows are flat records of strings, numbers,
 * booleans, timestamps and arrays of those (Hopsworks' feature types), so no general JSON library
 * is needed.
 */
final class RowJson {
  private RowJson() {}

  /** The row's features, then {@code as_of}: the newest event time it includes. */
  static String format(OnlineRow row) {
    String features = format(row.features());
    StringBuilder json = new StringBuilder(features.substring(0, features.length() - 1));
    if (json.length() > 1) {
      json.append(", ");
    }
    string(json, OnlineTable.AS_OF);
    json.append(": ");
    value(json, row.asOfMicros(), true);
    return json.append('}').toString();
  }

  static String format(GenericRecord row) {
    StringBuilder json = new StringBuilder("{");
    for (Schema.Field field : row.getSchema().getFields()) {
      if (json.length() > 1) {
        json.append(", ");
      }
      string(json, field.name());
      json.append(": ");
      value(json, row.get(field.pos()), FeatureRows.isTimestampMicros(field.schema()));
    }
    return json.append('}').toString();
  }

  private static void value(StringBuilder json, Object value, boolean timestamp) {
    if (value == null) {
      json.append("null");
    } else if (timestamp && value instanceof Long micros) {
      string(json, FeatureRows.instantOfMicros(micros).toString());
    } else if (value instanceof Collection<?> values) {
      json.append('[');
      String separator = "";
      for (Object element : values) {
        json.append(separator);
        value(json, element, false);
        separator = ", ";
      }
      json.append(']');
    } else if (value instanceof Instant instant) {
      string(json, instant.toString());
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      json.append(value);
    } else if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      json.append(value);
    } else {
      // strings, enums and non-finite numbers, which JSON has no literal for
      string(json, value.toString());
    }
  }

  private static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
