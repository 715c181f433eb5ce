package io.featuresdk.runtime.store.hopsworks;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Field-by-field comparison of the generated row schema with the one Hopsworks registered. Record
 * names and namespaces are ignored (Hopsworks puts records in {@code <project>_featurestore.db});
 * field names, order and types must match, because the value is plain Avro binary that readers
 * decode with the registered schema.
 */
final class SchemaDiff {
  private SchemaDiff() {}

  /** One line per difference; empty when the schemas are wire-compatible. */
  static List<String> between(Schema generated, Schema registered) {
    List<String> lines = new ArrayList<>();
    List<Schema.Field> ours = generated.getFields();
    List<Schema.Field> theirs = registered.getFields();
    for (Schema.Field field : ours) {
      Schema.Field other = registered.getField(field.name());
      if (other == null) {
        lines.add("+ " + field.name() + ": " + type(field.schema())
            + "  (generated, not in the registered group)");
      } else if (!sameType(field.schema(), other.schema())) {
        lines.add("~ " + field.name() + ": generated " + type(field.schema()) + ", registered "
            + type(other.schema()));
      } else if (field.pos() != other.pos()) {
        lines.add("~ " + field.name() + ": generated at position " + field.pos()
            + ", registered at position " + other.pos());
      }
    }
    for (Schema.Field field : theirs) {
      if (generated.getField(field.name()) == null) {
        lines.add("- " + field.name() + ": " + type(field.schema())
            + "  (registered, not generated)");
      }
    }
    return lines;
  }

  private static boolean sameType(Schema a, Schema b) {
    return type(a).equals(type(b));
  }

  /** The type as Avro JSON without record names, so nested records compare by structure. */
  static String type(Schema schema) {
    switch (schema.getType()) {
      case UNION: {
        List<String> branches = new ArrayList<>();
        for (Schema branch : schema.getTypes()) {
          branches.add(type(branch));
        }
        return "[" + String.join(", ", branches) + "]";
      }
      case RECORD: {
        List<String> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
          fields.add(field.name() + ": " + type(field.schema()));
        }
        return "record{" + String.join(", ", fields) + "}";
      }
      case ARRAY:
        return "array<" + type(schema.getElementType()) + ">";
      case MAP:
        return "map<" + type(schema.getValueType()) + ">";
      default: {
        String logical = schema.getLogicalType() == null ? "" : "(" + schema.getLogicalType().getName() + ")";
        String decimal = schema.getObjectProp("precision") == null ? ""
            : "[" + schema.getObjectProp("precision") + "," + schema.getObjectProp("scale") + "]";
        return schema.getType().getName() + logical + decimal;
      }
    }
  }
}
