package io.featuresdk.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions of the Flink line this sdk-runtime was built for (1.20 or 2.x, root README "Flink
 * versions"), as the build wrote them into {@code flink-line.properties}, so that messages name
 * the artifacts of the line in use.
 */
final class FlinkLine {
  private static final Properties VERSIONS = load();

  /** Flink's version, e.g. of flink-connector-files. */
  static final String FLINK_VERSION = version("flink.version");

  /** flink-connector-kafka's version, which names the Flink line it is built for. */
  static final String KAFKA_CONNECTOR_VERSION = version("flink-connector-kafka.version");

  private FlinkLine() {}

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = FlinkLine.class.getResourceAsStream("flink-line.properties")) {
      if (in == null) {
        throw new IllegalStateException("flink-line.properties is missing from sdk-runtime's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sdk-runtime's flink-line.properties", e);
    }
    return properties;
  }

  private static String version(String key) {
    String version = VERSIONS.getProperty(key);
    if (version == null || version.isBlank() || version.startsWith("${")) {
      throw new IllegalStateException(
          "sdk-runtime's flink-line.properties has no " + key + " (the build filters it): " + version);
    }
    return version;
  }
}
