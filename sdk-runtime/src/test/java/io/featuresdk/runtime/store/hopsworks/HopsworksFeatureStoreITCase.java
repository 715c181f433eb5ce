package io.featuresdk.runtime.store.hopsworks;

import static io.featuresdk.runtime.store.kafka.KafkaTestBroker.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureRecordTypeInfo;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.kafka.KafkaTestBroker;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import io.featuresdk.runtime.testing.ClickOracle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a feature pipeline writes into "Hopsworks" = the REST fake for metadata plus Apache
 * Kafka's broker in this JVM; the rows on the group's online topic are what Hopsworks' ingestion
 * reads: registered schema, key, headers, and the values the oracle computes.
 */
class HopsworksFeatureStoreITCase {
  private static final String KEY = "itcase-api-key-0123456789";
  private static final long T0 = 1_700_000_000_000L;
  private static final WindowSpec TUMBLING_6S = WindowSpec.tumbling(Duration.ofSeconds(6));

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir static Path dir;
  private static KafkaTestBroker broker;
  private static FakeHopsworks hopsworks;
  private static TestCertificates certificates;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaTestBroker.start();
    certificates = TestCertificates.create(dir);
    hopsworks = new FakeHopsworks(certificates.serverKeyStore, TestCertificates.PASSWORD, KEY);
    hopsworks.bootstrapServers = broker.bootstrapServers();
    hopsworks.securityProtocol = "PLAINTEXT"; // this broker has no TLS; see HopsworksKafkaAuthorizationITCase
  }

  @AfterAll
  static void stop() throws Exception {
    if (hopsworks != null) {
      hopsworks.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aPipelineCreatesItsGroupAndWritesCompleteOracleRowsInHopsworksRecordFormatToItsOnlineTopic()
      throws Exception {
    Random random = new Random(11);
    List<Click> events = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      events.add(new Click("user" + random.nextInt(4), T0 + i * 50L, random.nextInt(1000) / 10.0));
    }
    ClickFeatureGroup group = new ClickFeatureGroup("hw_clicks_{window}", Duration.ofSeconds(1), true, TUMBLING_6S);
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    env.enableCheckpointing(200);

    // T0 is 2 s into a 6 s window: the first and the last window are truncated and not written
    long until = T0 + events.size() * 50L;
    FeatureStreams<ClickFeatures> streams =
        FeaturePipeline.of(group)
            .withInputCoverage(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(until))
            .from(env.fromData(events, TypeInformation.of(Click.class)));
    // provisional rows next to the final ones (a bounded run this short may emit none itself):
    // Hopsworks must get none of them, its one topic also feeds offline materialization
    List<FeatureRecord> provisional = new ArrayList<>();
    for (FeatureRecord row : finalRowsOf(ClickOracle.rows(events, TUMBLING_6S))) {
      provisional.add(FeatureRecord.provisional(
          row.key(), row.eventTimeMillis(), row.value(), row.eventTimeMillis() - 3_000, T0));
    }
    HopsworksFeatureStore.builder("127.0.0.1", hopsworks.port(), "demo")
        .trustStore(certificates.trustStore, TestCertificates.PASSWORD)
        .environment(Map.of("HOPSWORKS_API_KEY", KEY))
        .createMissingGroups(true)
        .build()
        .insertStream(
            streams.target(TUMBLING_6S),
            streams.records(TUMBLING_6S)
                .union(env.fromData(provisional, FeatureRecordTypeInfo.INSTANCE)));
    // the job graph holds the Kafka settings but not the API key
    byte[] jobGraph = InstantiationUtil.serializeObject(env.getStreamGraph(false).getJobGraph());
    assertFalse(new String(jobGraph, StandardCharsets.ISO_8859_1).contains(KEY), "API key in the job graph");
    assertTrue(new String(jobGraph, StandardCharsets.ISO_8859_1).contains(broker.bootstrapServers()),
        "the check can see strings in the job graph");
    // the group and its topic exist once the graph is built, before the job runs
    String topic = hopsworks.topicOf("hw_clicks_6s", 1);
    broker.createTopic(topic, 2);
    env.execute("hopsworks store test");

    // decode with what Hopsworks registered for the created group (its namespace, not ours)
    Schema registered = new Schema.Parser().parse(hopsworks.subjectSchema("hw_clicks_6s_1"));
    Map<String, ClickFeatures> all = ClickOracle.rows(events, TUMBLING_6S);
    Map<String, ClickFeatures> expected = ClickOracle.inside(all, TUMBLING_6S, T0, until);
    assertTrue(expected.size() < all.size(), "some windows are truncated");
    List<ConsumerRecord<byte[], byte[]>> records = broker.readUncommitted(topic);
    assertEquals(expected.size(), records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      GenericRecord row = new GenericDatumReader<GenericRecord>(registered)
          .read(null, DecoderFactory.get().binaryDecoder(record.value(), null));
      String user = row.get("user").toString();
      long windowEnd = (long) row.get("window_end") / 1000;
      ClickFeatures want = expected.remove(user + "@" + windowEnd);
      assertEquals(want.count, (long) row.get("count"), user + "@" + windowEnd);
      assertEquals(want.sum, (double) row.get("sum"), 1e-9);
      assertEquals(want.min, (double) row.get("min"));
      assertEquals(want.max, (double) row.get("max"));
      assertEquals(user, utf8(record.key()));
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header header : record.headers()) {
        headers.put(header.key(), utf8(header.value()));
      }
      assertEquals("119", headers.get("projectId"));
      assertEquals(String.valueOf(hopsworks.idOf("hw_clicks_6s", 1)), headers.get("featureGroupId"));
      assertEquals("42", headers.get("subjectId"));
      assertEquals("7", headers.get("onlineIngestionId"));
    }
    assertEquals(Map.of(), expected, "rows never written");
  }

  /** The oracle's rows encoded as the pipeline encodes them, whatever their completeness. */
  private static List<FeatureRecord> finalRowsOf(Map<String, ClickFeatures> rows) throws Exception {
    List<FeatureRecord> records = new ArrayList<>();
    ClickFeaturesCodec codec = new ClickFeaturesCodec();
    for (ClickFeatures row : rows.values()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      codec.encode(row, encoder);
      encoder.flush();
      records.add(new FeatureRecord(codec.primaryKey(row), row.windowEnd, bytes.toByteArray()));
    }
    return records;
  }
}
