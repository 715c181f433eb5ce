package io.featuresdk.runtime.store.hopsworks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import org.apache.avro.Schema;

/**
 * The JSON Hopsworks takes to create a stream feature group, built from the annotation metadata,
 * with the fields a current client (hsfs 4.x/5.x) sends: besides name, version, features, primary
 * key and event time also the offline table format, the online settings and the statistics
 * configuration.
 */
final class FeatureGroupDefinitions {
  private FeatureGroupDefinitions() {}

  /** The offline table format hsfs' Python client has chosen by default since 4.x. */
  static final String TIME_TRAVEL_FORMAT = "DELTA";

  static ObjectNode streamFeatureGroup(FeatureGroupTarget group) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode definition = nodes.objectNode();
    definition.put("type", "streamFeatureGroupDTO");
    definition.put("name", group.name());
    definition.put("version", group.version());
    definition.put("description", group.description());
    definition.put("onlineEnabled", group.online());
    definition.put("eventTime", group.eventTimeFeature());
    definition.put("timeTravelFormat", TIME_TRAVEL_FORMAT);
    definition.put("deprecated", false);
    if (group.online()) {
      // all defaults (server-chosen table space and primary-key index), as OnlineConfig() sends them
      ObjectNode online = definition.putObject("onlineConfig");
      online.putNull("onlineComments");
      online.putNull("tableSpace");
      online.putNull("primaryKeyIndexType");
    }
    ObjectNode statistics = definition.putObject("statisticsConfig");
    statistics.put("enabled", true);
    statistics.put("histograms", false);
    statistics.put("correlations", false);
    statistics.put("exactUniqueness", false);
    statistics.putArray("columns");
    ArrayNode features = definition.putArray("features");
    for (Schema.Field field : group.schema().getFields()) {
      ObjectNode feature = features.addObject();
      feature.put("name", field.name());
      feature.put("type", hiveType(group, field));
      feature.put("primary", group.primaryKey().contains(field.name()));
      feature.put("partition", false);
    }
    return definition;
  }

  /** Hopsworks' offline (Hive) type of a generated field; the inverse of its Avro mapping. */
  static String hiveType(FeatureGroupTarget group, Schema.Field field) {
    String type = hiveType(field.schema());
    if (type == null) {
      throw new HopsworksException(
          "feature " + field.name() + " of group " + group.name() + " has Avro type "
              + field.schema() + ", which featuresdk cannot map to a Hopsworks type when creating"
              + " the group; create the group in Hopsworks instead");
    }
    return type;
  }

  /**
   * The Hive type of a (possibly {@code ["null", T]}) Avro type: {@code array<T>} for arrays,
   * whose items Hopsworks also registers as {@code ["null", T]}; null when there is none.
   */
  private static String hiveType(Schema type) {
    if (type.getType() == Schema.Type.UNION) {
      type = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(type);
    }
    String logical = type.getLogicalType() == null ? "" : type.getLogicalType().getName();
    switch (type.getType()) {
      case STRING: return "string";
      case BOOLEAN: return "boolean";
      case INT: return "date".equals(logical) ? "date" : "int";
      case LONG: return logical.startsWith("timestamp") ? "timestamp" : "bigint";
      case FLOAT: return "float";
      case DOUBLE: return "double";
      case BYTES: return "binary";
      case ARRAY: {
        String element = hiveType(type.getElementType());
        return element == null ? null : "array<" + element + ">";
      }
      default: return null;
    }
  }
}
