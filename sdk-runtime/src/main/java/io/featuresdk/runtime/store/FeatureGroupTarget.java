package io.featuresdk.runtime.store;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * One feature group (one window of a feature class) as a store sees it: its name and version, the
 * Avro schema of its rows and the metadata a feature store registers.
 *
 * @param name the group name, lowercase letters, digits and underscores (Hopsworks' rule)
 * @param version the group version, at least 1
 * @param schemaJson the Avro schema of the rows, as JSON
 * @param primaryKey the primary-key feature names, in key order
 * @param eventTimeFeature the feature holding the row's event time
 * @param online whether the group is served from the online store
 * @param description a human readable description, possibly empty
 */
public record FeatureGroupTarget(
    String name,
    int version,
    String schemaJson,
    List<String> primaryKey,
    String eventTimeFeature,
    boolean online,
    String description)
    implements Serializable {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
  /** Hopsworks stores groups as {@code <name>_<version>} tables; MySQL limits names to 64. */
  private static final int MAX_NAME_LENGTH = 63;

  public FeatureGroupTarget {
    checkName(name);
    if (version < 1) {
      throw new IllegalArgumentException(
          "feature group '" + name + "': version must be at least 1, got " + version);
    }
    primaryKey = List.copyOf(primaryKey);
    if (primaryKey.isEmpty()) {
      throw new IllegalArgumentException(
          "feature group '" + name + "': at least one primary-key feature is required");
    }
    description = description == null ? "" : description;
    try {
      new Schema.Parser().parse(schemaJson);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "feature group '" + name + "' v" + version + ": invalid Avro schema: " + e.getMessage(), e);
    }
  }

  /**
   * Checks a feature group name against Hopsworks' rules.
   *
   * @throws IllegalArgumentException saying what is wrong and how to fix it
   */
  public static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid feature group name '" + name + "': use only lowercase letters a-z, digits 0-9 "
              + "and '_' (e.g. eth_usd_price_{window}); fix the name in @FeatureGroup");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "invalid feature group name '" + name + "': at most " + MAX_NAME_LENGTH
              + " characters, got " + name.length());
    }
  }

  /** The parsed row schema. Parsed on each call; cache it on hot paths. */
  public Schema schema() {
    return new Schema.Parser().parse(schemaJson);
  }

  /** {@code name_version}, how Hopsworks names the group's tables and Avro records. */
  public String qualifiedName() {
    return name + "_" + version;
  }
}
