package io.featuresdk.runtime.store.kafka;

import static io.featuresdk.runtime.ReadmeText.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Kafka store's defaults as sdk-runtime's README states them. */
class KafkaReadmeDefaultsTest {

  @Test
  void transactionTimeoutDefault() {
    Duration stated = Duration.ofMinutes(RUNTIME.number("`transaction.timeout.ms` defaults to (\\d+) minutes"));
    assertEquals(stated.toMillis(), Long.parseLong(KafkaFeatureStore.DEFAULT_TRANSACTION_TIMEOUT_MS));
  }
}
