package io.featuresdk.runtime.store.hopsworks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featuresdk.example.ethusd.CompositeKeyFeatures;
import io.featuresdk.example.ethusd.CompositeKeyFeatures_FeatureGroup;
import io.featuresdk.example.ethusd.GoldenPriceFeatures;
import io.featuresdk.example.ethusd.GoldenPriceFeatures_FeatureGroup;
import io.featuresdk.example.ethusd.SharedFixtures;
import io.featuresdk.example.ethusd.Ticker;
import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.kafka.FeatureRecordKafkaSerializer;
import io.featuresdk.runtime.store.kafka.KafkaFeatureStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden test: the row Hopsworks' own Python client wrote to Kafka (fixture {@code
 * ../shared/fixtures/hopsworks/}, read back from a broker), produced again by featuresdk from the same values:
 * the generated codec of an annotated class, the Kafka serializer the store uses, and the
 * metadata resolution against the fake answering the fixture's ids must give the same topic, key,
 * value and headers, byte for byte.
 */
class HopsworksGoldenRecordTest {
  private static final String KEY = "golden-api-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static FakeHopsworks hopsworks;
  private static TestCertificates certificates;

  @BeforeAll
  static void start() throws Exception {
    certificates = TestCertificates.create(dir);
    hopsworks = new FakeHopsworks(certificates.serverKeyStore, TestCertificates.PASSWORD, KEY);
    hopsworks.securityProtocol = "PLAINTEXT"; // no broker is contacted here
  }

  @AfterAll
  static void stop() {
    if (hopsworks != null) {
      hopsworks.close();
    }
  }

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(SharedFixtures.directory("hopsworks").resolve(name));
  }

  private static JsonNode json(String name) throws IOException {
    return JSON.readTree(fixture(name));
  }

  private static <R> byte[] encode(FeatureRowCodec<R> codec, R row) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    codec.encode(row, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }

  @Test
  void theFixtureRowGivesHopsworksClientsTopicKeyValueAndHeadersByteForByte() throws Exception {
    // the group as Hopsworks registered it, with the ids the fixture recorded
    int groupId = hopsworks.addGroup("eth_usd_price_5m", 1, true,
        new String(fixture("schema.avsc"), StandardCharsets.UTF_8));
    assertEquals(15, groupId, "the fake hands out the fixture's feature group id");

    GoldenPriceFeatures_FeatureGroup definition = GoldenPriceFeatures_FeatureGroup.instance();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    var streams = FeaturePipeline.of(definition)
        .from(env.fromData(List.of(new Ticker()), TypeInformation.of(Ticker.class)));
    FeatureGroupTarget target = streams.target(streams.windows().get(0));
    assertEquals("eth_usd_price_5m", target.name());

    HopsworksFeatureStore store = HopsworksFeatureStore.builder("127.0.0.1", hopsworks.port(), "demo")
        .trustStore(certificates.trustStore, TestCertificates.PASSWORD)
        .environment(Map.of("HOPSWORKS_API_KEY", KEY))
        .build();
    HopsworksFeatureStore.Resolved resolved = store.resolve(target);
    KafkaFeatureStore kafka = store.kafkaStore(resolved);

    JsonNode values = json("row.json");
    Instant timestamp = Instant.parse(values.path("timestamp").asText());
    assertEquals(values.path("timestamp_micros").asLong(), timestamp.toEpochMilli() * 1000);
    GoldenPriceFeatures row = GoldenPriceFeatures.of(values.path("ticker").asText(), timestamp,
        values.path("price_avg").asDouble(), values.path("price_min").asDouble(),
        values.path("price_max").asDouble());
    FeatureRowCodec<GoldenPriceFeatures> codec = definition.codec();
    FeatureRecord record = new FeatureRecord(codec.primaryKey(row), timestamp.toEpochMilli(), encode(codec, row));
    ProducerRecord<byte[], byte[]> produced =
        new FeatureRecordKafkaSerializer(resolved.binding, kafka.recordTimestamp()).serialize(record, null, null);

    JsonNode written = json("record.json");
    assertEquals(written.path("topic").asText(), produced.topic());
    assertArrayEquals(fixture("key.bin"), produced.key());
    assertArrayEquals(fixture("value.bin"), produced.value());
    List<String> headers = new ArrayList<>();
    for (Header header : produced.headers()) {
      headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
    }
    List<String> expectedHeaders = new ArrayList<>();
    JsonNode headerFixture = json("headers.json");
    for (JsonNode name : headerFixture.path("order_written_by_python")) {
      expectedHeaders.add(name.asText() + "=" + headerFixture.path("headers_utf8").path(name.asText()).asText());
    }
    assertEquals(expectedHeaders, headers);
    // like the Python client, no timestamp: the producer stamps its clock (CreateTime)
    assertNull(produced.timestamp());
    assertEquals("CREATE_TIME", written.path("timestamp_type").asText());
  }

  @Test
  void compositeKeysJoinValuesInFeatureOrderWithSemicolonsAsHsfsFlinkDoes() throws Exception {
    JsonNode composite = json("composite_key.json");
    JsonNode values = composite.path("row");
    CompositeKeyFeatures row =
        CompositeKeyFeatures.of(values.path("venue").asText(), values.path("symbol").asLong());
    String key = CompositeKeyFeatures_FeatureGroup.instance().codec().primaryKey(row);
    assertEquals(composite.path("hsfs_flink_key_utf8").asText(), key);
    // Hopsworks' Python client joins the sorted key names' values without separator: other bytes,
    // so the two clients send one row to different partitions (the stores key by column values)
    assertNotEquals(composite.path("hsfs_python_key_utf8").asText(), key);
  }
}
