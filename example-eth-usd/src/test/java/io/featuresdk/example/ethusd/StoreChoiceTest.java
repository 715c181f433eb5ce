package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.hopsworks.HopsworksFeatureStore;
import io.featuresdk.runtime.store.kafka.KafkaFeatureStore;
import io.featuresdk.runtime.store.local.LocalFeatureStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreChoiceTest {
  @Test
  void withoutStoreOptionsTheLocalStoreIsUsedAndAllOtherArgumentsPassThrough() {
    StoreChoice choice = StoreChoice.parse(new String[] {"--hours", "2", "--store", "dir"});
    assertTrue(choice.local());
    assertEquals(List.of("--hours", "2", "--store", "dir"), choice.remaining());
    assertInstanceOf(LocalFeatureStore.class, choice.store(Path.of("dir")));
  }

  @Test
  void kafkaOptionsSelectTheKafkaStore() {
    StoreChoice choice =
        StoreChoice.parse(new String[] {"--kafka", "localhost:9092", "--topic-prefix", "ethusd.", "--live"});
    assertFalse(choice.local());
    assertEquals(List.of("--live"), choice.remaining());
    KafkaFeatureStore store = (KafkaFeatureStore) choice.store(Path.of("unused"));
    assertEquals("localhost:9092", store.bootstrapServers());
  }

  @Test
  void hopsworksOptionsSelectTheHopsworksStoreWithoutReadingTheKeyYet() {
    StoreChoice choice =
        StoreChoice.parse(new String[] {"--hopsworks", "my.hopsworks.ai:443", "--project", "demo",
            "--api-key-file", "key.txt", "--hopsworks-create"});
    HopsworksFeatureStore store = (HopsworksFeatureStore) choice.store(Path.of("unused"));
    assertTrue(store.toString().contains("host=my.hopsworks.ai, port=443, project=demo"), store.toString());
    assertTrue(store.toString().contains("createMissingGroups=true"), store.toString());
  }

  @Test
  void inconsistentStoreOptionsAreRejectedWithTheRule() {
    assertEquals("--hopsworks needs --project",
        assertThrows(IllegalArgumentException.class,
            () -> StoreChoice.parse(new String[] {"--hopsworks", "h:443"})).getMessage());
    assertEquals("choose one of --kafka and --hopsworks",
        assertThrows(IllegalArgumentException.class,
            () -> StoreChoice.parse(new String[] {"--kafka", "k:9092", "--hopsworks", "h:443", "--project", "p"})).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
            () -> StoreChoice.parse(new String[] {"--hopsworks", "h", "--project", "p"})).getMessage()
        .startsWith("--hopsworks: expected HOST:PORT"));
  }
}
