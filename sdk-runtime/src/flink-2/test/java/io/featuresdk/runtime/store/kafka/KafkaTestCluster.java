package io.featuresdk.runtime.store.kafka;

import java.util.Map;
import java.util.Properties;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Apache Kafka's in-JVM KRaft test cluster with one combined broker and controller node, for
 * {@link KafkaTestBroker}. Kafka 4 flavour (the Flink 2 line's): the test kit moved to {@code
 * org.apache.kafka.common.test} in kafka-test-common-runtime, "co-resident" became "combined", and
 * a node's settings are given to the builder instead of changed on the built node.
 */
final class KafkaTestCluster implements AutoCloseable {
  /** The test kit numbers broker nodes from 0; it rejects overrides for an id it has not. */
  private static final int BROKER_ID = 0;

  private final KafkaClusterTestKit cluster;

  private KafkaTestCluster(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /**
   * Formats and starts the node and waits until its broker is ready.
   *
   * @param brokerOverrides broker settings that win over the test kit's own (its listeners)
   * @param config settings for every node
   */
  static KafkaTestCluster start(Map<String, String> brokerOverrides, Map<String, String> config)
      throws Exception {
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .setPerServerProperties(Map.of(BROKER_ID, brokerOverrides))
            .build();
    KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
    config.forEach(builder::setConfigProp);
    KafkaClusterTestKit cluster = builder.build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
    return new KafkaTestCluster(cluster);
  }

  /** Client settings for the test kit's plaintext listener. */
  Properties clientProperties() {
    return cluster.clientProperties();
  }

  /** The one broker. */
  BrokerServer broker() {
    return cluster.brokers().values().iterator().next();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
