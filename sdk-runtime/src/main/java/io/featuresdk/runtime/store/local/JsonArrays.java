package io.featuresdk.runtime.store.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.Utf8;

/**
 * Avro arrays of primitives as JSON text, the online table's form of list features: numbers and
 * booleans as JSON literals, strings quoted, non-finite numbers as their names in quotes (JSON has
 * no literal for them), null elements as {@code null}.
 */
final class JsonArrays {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonArrays() {}

  /**
   * The primitive element type of an array schema (its items, or the non-null branch of a
   * {@code ["null", T]} items union); {@code null} when the elements are not such primitives.
   */
  static Schema.Type elementType(Schema array) {
    Schema items = array.getElementType();
    if (items.getType() == Schema.Type.UNION) {
      var values = items.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
      if (values.size() != 1) {
        return null;
      }
      items = values.get(0);
    }
    return switch (items.getType()) {
      case BOOLEAN, INT, LONG, FLOAT, DOUBLE, STRING -> items.getType();
      default -> null;
    };
  }

  static String write(Collection<?> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(values.size());
    for (Object value : values) {
      if (value == null) {
        array.addNull();
      } else if (value instanceof Boolean b) {
        array.add(b);
      } else if (value instanceof Integer || value instanceof Long) {
        array.add(((Number) value).longValue());
      } else if (value instanceof Float f && Float.isFinite(f)) {
        array.add(f);
      } else if (value instanceof Double d && Double.isFinite(d)) {
        array.add(d);
      } else {
        array.add(value.toString()); // strings, and non-finite numbers by name
      }
    }
    return array.toString();
  }

  /** Parses what {@link #write} wrote into the generic array of {@code arraySchema}. */
  static GenericData.Array<Object> read(String json, Schema arraySchema) {
    JsonNode array;
    try {
      array = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("online column holds no JSON array: " + json, e);
    }
    Schema.Type type = elementType(arraySchema);
    GenericData.Array<Object> values = new GenericData.Array<>(array.size(), arraySchema);
    for (JsonNode element : array) {
      values.add(element.isNull() ? null : switch (type) {
        case BOOLEAN -> element.booleanValue();
        case INT -> Integer.parseInt(element.asText());
        case LONG -> Long.parseLong(element.asText());
        case FLOAT -> Float.parseFloat(element.asText());
        case DOUBLE -> Double.parseDouble(element.asText());
        case STRING -> new Utf8(element.asText());
        default -> throw new IllegalStateException("no JSON form for " + type);
      });
    }
    return values;
  }
}
