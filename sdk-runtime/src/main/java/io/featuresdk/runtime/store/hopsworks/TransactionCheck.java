package io.featuresdk.runtime.store.hopsworks;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Asks the broker for a transactional producer id once, while the job graph is built. Hopsworks'
 * Kafka authorizer grants no {@code TransactionalId} permission, and a refused exactly-once sink
 * would otherwise fail and restart forever after the job started.
 */
final class TransactionCheck {
  private TransactionCheck() {}

  static void requireTransactions(
      String bootstrapServers, Map<String, String> producerConfig, String transactionalId, Duration timeout) {
    Properties properties = new Properties();
    properties.putAll(producerConfig);
    properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.setProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    properties.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    properties.setProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout.toMillis()));
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
    } catch (TransactionalIdAuthorizationException | ClusterAuthorizationException e) {
      throw new HopsworksException(
          "exactly-once was requested, but Hopsworks' Kafka at " + bootstrapServers + " refuses "
              + "Kafka transactions to this project's user (" + e.getClass().getSimpleName()
              + "): Hopsworks grants no TransactionalId permission. Use the default "
              + "deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE): Hopsworks' online store "
              + "upserts rows by primary key and its offline materialization de-duplicates them, "
              + "so a row written twice after a restart is stored once");
    } catch (KafkaException e) {
      throw new HopsworksException(
          "exactly-once was requested, but Kafka transactions could not be checked at "
              + bootstrapServers + " within " + timeout.toSeconds() + " s (" + e.getClass().getSimpleName()
              + "): check that this machine reaches the brokers, or use the default "
              + "deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)");
    }
  }
}
