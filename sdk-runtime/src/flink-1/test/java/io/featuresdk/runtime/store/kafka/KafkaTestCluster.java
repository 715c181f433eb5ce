package io.featuresdk.runtime.store.kafka;

import java.util.Map;
import java.util.Properties;
import kafka.server.BrokerServer;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;

/**
 * Apache Kafka's in-JVM KRaft test cluster with one combined broker and controller node, for
 * {@link KafkaTestBroker}. Kafka 3.4 flavour (the Flink 1.20 line's): the test kit is {@code
 * kafka.testkit} in kafka_2.13's test jar; Kafka 4 moved it (the Flink 2 flavour of this class).
 */
final class KafkaTestCluster implements AutoCloseable {
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
        new TestKitNodes.Builder().setCoResident(true).setNumBrokerNodes(1).setNumControllerNodes(1).build();
    nodes.brokerNodes().firstEntry().getValue().propertyOverrides().putAll(brokerOverrides);
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
