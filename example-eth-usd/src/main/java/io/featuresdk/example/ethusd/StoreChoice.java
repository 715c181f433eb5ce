package io.featuresdk.example.ethusd;

import io.featuresdk.runtime.store.FeatureStore;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.hopsworks.ApiKeySource;
import io.featuresdk.runtime.store.hopsworks.HopsworksFeatureStore;
import io.featuresdk.runtime.store.kafka.KafkaFeatureStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature-store options of the example, kept apart from {@link PipelineOptions}: the local
 * store by default, {@code --kafka} for plain Kafka, {@code --hopsworks} for Hopsworks. Parses its
 * own options out of the command line and leaves the rest.
 */
record StoreChoice(
    String kafka, String topicPrefix, String hopsworks, String project, Path apiKeyFile,
    Path trustStore, boolean createGroups, List<String> remaining) {

  static final String USAGE =
      String.join(
          "\n",
          "  --kafka BOOTSTRAP      write to Kafka (exactly-once) instead of the local store",
          "  --topic-prefix P       with --kafka: topic P<group>_<version> (default none)",
          "  --hopsworks HOST:PORT  write to Hopsworks (needs --project; API key from the",
          "                         HOPSWORKS_API_KEY environment variable or --api-key-file)",
          "  --project P            Hopsworks project",
          "  --api-key-file FILE    file holding the Hopsworks API key",
          "  --trust-store FILE     trust store (.p12/.jks) of a self-signed Hopsworks cluster;",
          "                         password from HOPSWORKS_TRUST_STORE_PASSWORD",
          "  --hopsworks-create     create missing feature groups from the annotations");

  static StoreChoice parse(String[] args) {
    String kafka = null;
    String topicPrefix = "";
    String hopsworks = null;
    String project = null;
    Path apiKeyFile = null;
    Path trustStore = null;
    boolean create = false;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kafka" -> kafka = value(args, ++i, "--kafka");
        case "--topic-prefix" -> topicPrefix = value(args, ++i, "--topic-prefix");
        case "--hopsworks" -> hopsworks = value(args, ++i, "--hopsworks");
        case "--project" -> project = value(args, ++i, "--project");
        case "--api-key-file" -> apiKeyFile = Path.of(value(args, ++i, "--api-key-file"));
        case "--trust-store" -> trustStore = Path.of(value(args, ++i, "--trust-store"));
        case "--hopsworks-create" -> create = true;
        default -> rest.add(args[i]);
      }
    }
    if (kafka != null && hopsworks != null) {
      throw new IllegalArgumentException("choose one of --kafka and --hopsworks");
    }
    if (hopsworks != null) {
      if (project == null) {
        throw new IllegalArgumentException("--hopsworks needs --project");
      }
      if (!hopsworks.matches("[^:]+:\\d{1,5}")) {
        throw new IllegalArgumentException(
            "--hopsworks: expected HOST:PORT such as my.hopsworks.ai:443, got " + hopsworks);
      }
    } else if (project != null || apiKeyFile != null || trustStore != null || create) {
      throw new IllegalArgumentException(
          "--project, --api-key-file, --trust-store and --hopsworks-create need --hopsworks");
    }
    if (kafka == null && !topicPrefix.isEmpty()) {
      throw new IllegalArgumentException("--topic-prefix needs --kafka");
    }
    return new StoreChoice(kafka, topicPrefix, hopsworks, project, apiKeyFile, trustStore, create,
        List.copyOf(rest));
  }

  boolean local() {
    return kafka == null && hopsworks == null;
  }

  /** The chosen store; {@code localRoot} is the {@code --store} directory of the default. */
  FeatureStore store(Path localRoot) {
    if (kafka != null) {
      return KafkaFeatureStore.builder(kafka).topicPrefix(topicPrefix).build();
    }
    if (hopsworks != null) {
      int colon = hopsworks.lastIndexOf(':');
      HopsworksFeatureStore.Builder builder =
          HopsworksFeatureStore.builder(
                  hopsworks.substring(0, colon), Integer.parseInt(hopsworks.substring(colon + 1)), project)
              .apiKey(apiKeyFile != null
                  ? ApiKeySource.file(apiKeyFile)
                  : ApiKeySource.environment("HOPSWORKS_API_KEY"))
              .createMissingGroups(createGroups);
      if (trustStore != null) {
        builder.trustStore(trustStore, System.getenv("HOPSWORKS_TRUST_STORE_PASSWORD"));
      }
      return builder.build();
    }
    return FeatureStores.local(localRoot);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
