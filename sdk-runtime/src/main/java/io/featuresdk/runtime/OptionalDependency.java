package io.featuresdk.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The stores and sources whose libraries {@code sdk-runtime} declares {@code optional}, so that a
 * job ships only what it uses (Flink's convention for connectors). Each entry point calls {@link
 * #check()} before it touches the library, so a missing one fails when the job graph is built, with
 * the Maven coordinates to add, instead of a {@code NoClassDefFoundError} on a task manager. The
 * check has to run before the JVM links a class that refers to the library (linking fails on the
 * missing class before any of its code runs), which is why {@code FeatureStores.kafka} checks and
 * {@code KafkaFeatureStore.builder} cannot.
 *
 * <p>Internal to featuresdk: users add the dependencies listed in the README's table.
 */
public enum OptionalDependency {
  LOCAL_STORE(
      "FeatureStores.local",
      Artifact.FLINK_CONNECTOR_FILES,
      new Artifact("org.xerial", "sqlite-jdbc", "3.53.4.0", "org.sqlite.SQLiteConfig")),
  WEBSOCKET_SOURCE(
      "WebSocketSource",
      new Artifact(
          "org.asynchttpclient", "async-http-client", "3.0.13", "org.asynchttpclient.AsyncHttpClient")),
  KAFKA_STORE("KafkaFeatureStore", Artifact.FLINK_CONNECTOR_KAFKA),
  HOPSWORKS_STORE("HopsworksFeatureStore", Artifact.FLINK_CONNECTOR_KAFKA),
  STORE_CHART(
      "LocalStoreCli chart",
      new Artifact("org.jfree", "jfreechart", "1.5.6", "org.jfree.chart.JFreeChart"));

  private final String user;
  private final List<Artifact> artifacts;

  OptionalDependency(String user, Artifact... artifacts) {
    this.user = user;
    this.artifacts = List.of(artifacts);
  }

  /** The store or source, as users call it. */
  String user() {
    return user;
  }

  /** The artifacts this store or source needs on the class path, besides sdk-runtime and Flink. */
  public List<Artifact> artifacts() {
    return artifacts;
  }

  /**
   * Fails unless every artifact of this store or source is on the class path.
   *
   * @throws IllegalStateException naming the missing artifacts as Maven coordinates
   */
  public void check() {
    List<Artifact> missing = artifacts.stream().filter(artifact -> !artifact.present()).toList();
    if (!missing.isEmpty()) {
      String them = missing.size() == 1 ? "it" : "them";
      throw new IllegalStateException(
          user + " needs " + missing.stream().map(Artifact::coordinates).collect(Collectors.joining(" and "))
              + " on the class path: sdk-runtime declares " + them + " optional, so that jobs which do not use "
              + user + " do not ship " + them + ". Add " + them + " to your project's dependencies"
              + " (the table is under \"Use it in your project\" in featuresdk's README).");
    }
  }

  /**
   * A Maven artifact and a class only it provides, by which its presence is detected.
   *
   * @param version the version sdk-runtime is built and tested with (of its Flink line, for Flink's
   *     artifacts)
   */
  public record Artifact(String groupId, String artifactId, String version, String probeClass) {
    static final Artifact FLINK_CONNECTOR_FILES =
        new Artifact(
            "org.apache.flink",
            "flink-connector-files",
            FlinkLine.FLINK_VERSION,
            "org.apache.flink.connector.file.sink.FileSink");
    // it brings kafka-clients
    static final Artifact FLINK_CONNECTOR_KAFKA =
        new Artifact(
            "org.apache.flink",
            "flink-connector-kafka",
            FlinkLine.KAFKA_CONNECTOR_VERSION,
            "org.apache.flink.connector.kafka.sink.KafkaSink");

    /** {@code groupId:artifactId:version}. */
    public String coordinates() {
      return groupId + ":" + artifactId + ":" + version;
    }

    boolean present() {
      try {
        Class.forName(probeClass, false, OptionalDependency.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }
}
