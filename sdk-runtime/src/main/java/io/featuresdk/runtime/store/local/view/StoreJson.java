package io.featuresdk.runtime.store.local.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.local.FeatureRows;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The store page's JSON documents. Timestamps are ISO-8601 UTC text, except the chart's time axis,
 * which is epoch seconds as the chart library takes it.
 */
final class StoreJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StoreJson() {}

  /** {@code {"now", "groups": [...]}}: every group with its summary and row ages at {@code now}. */
  static ObjectNode groups(List<GroupSummary> summaries, Instant now) {
    ObjectNode doc = MAPPER.createObjectNode().put("now", now.toString());
    ArrayNode groups = doc.putArray("groups");
    for (GroupSummary summary : summaries) {
      FeatureGroupTarget group = summary.group();
      ObjectNode json = groups.addObject()
          .put("name", group.name())
          .put("version", group.version())
          .put("description", group.description())
          .put("online", group.online())
          .put("eventTime", group.eventTimeFeature())
          .put("offlineRows", summary.offlineRows())
          .put("onlineRows", summary.onlineRows());
      group.primaryKey().forEach(json.putArray("primaryKey")::add);
      ArrayNode schema = json.putArray("schema");
      for (Schema.Field field : group.schema().getFields()) {
        schema.addObject().put("name", field.name()).put("type", typeName(field.schema()));
      }
      summary.keys().forEach(json.putArray("keys")::add);
      summary.newestEventTime().ifPresentOrElse(
          newest -> json.put("newestEventTime", newest.toString())
              .put("ageSeconds", Duration.between(newest, now).toSeconds()),
          () -> json.putNull("newestEventTime").putNull("ageSeconds"));
    }
    return doc;
  }

  /** {@code {"columns": [...], "rows": [[...], ...]}}: a group's online rows as a table. */
  static ObjectNode onlineRows(FeatureGroupTarget group, List<GenericRecord> rows) {
    ObjectNode doc = MAPPER.createObjectNode();
    List<Schema.Field> fields = group.schema().getFields();
    ArrayNode columns = doc.putArray("columns");
    fields.forEach(field -> columns.add(field.name()));
    ArrayNode table = doc.putArray("rows");
    for (GenericRecord row : rows) {
      ArrayNode cells = table.addArray();
      for (Schema.Field field : fields) {
        Object value = row.get(field.name());
        if (value == null) {
          cells.addNull();
        } else if (isTimestamp(field.schema())) {
          cells.add(FeatureRows.instant(row, field.name()).toString());
        } else if (value instanceof Collection<?> values) {
          ArrayNode list = cells.addArray(); // list features: a JSON array of their elements
          values.forEach(element -> list.add(cell(element)));
        } else {
          cells.add(cell(value));
        }
      }
    }
    return doc;
  }

  /** A number (non-finite ones as null), boolean or text. */
  private static JsonNode cell(Object value) {
    if (value == null) {
      return MAPPER.getNodeFactory().nullNode();
    } else if (value instanceof Number number) {
      return finiteOrNull(number.doubleValue(), value);
    } else if (value instanceof Boolean flag) {
      return MAPPER.getNodeFactory().booleanNode(flag);
    }
    return MAPPER.getNodeFactory().textNode(value.toString());
  }

  /**
   * {@code {"group", "version", "key", "times": [epoch s], "features": {"name": [...]}}}, missing
   * and non-finite values as {@code null}, which the chart draws as a gap.
   */
  static ObjectNode series(FeatureSeries series) {
    ObjectNode doc = MAPPER.createObjectNode()
        .put("group", series.group().name())
        .put("version", series.group().version())
        .put("key", series.key());
    ArrayNode times = doc.putArray("times");
    series.times().forEach(time -> times.add(time.toEpochMilli() / 1000.0));
    ObjectNode features = doc.putObject("features");
    for (Map.Entry<String, double[]> feature : series.features().entrySet()) {
      ArrayNode values = features.putArray(feature.getKey());
      for (double value : feature.getValue()) {
        if (Double.isFinite(value)) {
          values.add(value);
        } else {
          values.addNull();
        }
      }
    }
    return doc;
  }

  /** {@code {"error": message}}. */
  static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }

  static byte[] bytes(ObjectNode doc) {
    try {
      return MAPPER.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static JsonNode finiteOrNull(double asDouble, Object value) {
    if (!Double.isFinite(asDouble)) {
      return MAPPER.getNodeFactory().nullNode();
    }
    return value instanceof Double || value instanceof Float
        ? MAPPER.getNodeFactory().numberNode(asDouble)
        : MAPPER.getNodeFactory().numberNode(((Number) value).longValue());
  }

  /** {@code double}, {@code string}, {@code timestamp-micros}, ...; {@code T?} for a nullable T. */
  private static String typeName(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      List<Schema> branches =
          schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
      String name = branches.size() == 1 ? typeName(branches.get(0)) : schema.toString();
      return branches.size() < schema.getTypes().size() ? name + "?" : name;
    }
    return schema.getLogicalType() != null
        ? schema.getLogicalType().getName()
        : schema.getType().getName();
  }

  private static boolean isTimestamp(Schema schema) {
    return typeName(schema).startsWith("timestamp-micros");
  }
}
