package io.featuresdk.runtime.store.kafka;

import static io.featuresdk.runtime.store.kafka.KafkaTestBroker.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureRecordTypeInfo;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KafkaFeatureStore} against Apache Kafka's own broker (KRaft) started in this JVM. */
class KafkaFeatureStoreITCase {
  private static final long T0 = 1_700_000_000_000L;
  private static final ClickFeaturesCodec CODEC = new ClickFeaturesCodec();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static KafkaTestBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaTestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  private static FeatureGroupTarget target(String name, boolean online) {
    return new FeatureGroupTarget(name, 1, CODEC.schema(name, 1).toString(), List.of("user"),
        "window_end", online, "clicks per user");
  }

  /** Row i: user u(i mod 7), window end T0 + i s; every row distinct. */
  static ClickFeatures row(long i) {
    ClickFeatures row = new ClickFeatures();
    row.user = "u" + (i % 7);
    row.windowEnd = T0 + i * 1000;
    row.count = i + 1;
    row.sum = i * 1.5;
    row.min = -i;
    row.max = i * 2.0;
    return row;
  }

  static FeatureRecord encode(ClickFeatures row) {
    return encode(row, true);
  }

  static FeatureRecord encode(ClickFeatures row, boolean complete) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      CODEC.encode(row, encoder);
      encoder.flush();
      return new FeatureRecord(row.user, row.windowEnd, bytes.toByteArray(), complete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StreamExecutionEnvironment environment() {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    env.enableCheckpointing(200);
    return env;
  }

  /** Row i as a provisional row as of half a second before its window end. */
  static FeatureRecord provisional(ClickFeatures row) {
    FeatureRecord encoded = encode(row);
    return FeatureRecord.provisional(
        encoded.key(), encoded.eventTimeMillis(), encoded.value(), row.windowEnd - 500, T0);
  }

  private static DataStream<FeatureRecord> rows(
      StreamExecutionEnvironment env, int count, RateLimiterStrategy rate) {
    // every third row of a truncated window: the Kafka store writes those too
    GeneratorFunction<Long, FeatureRecord> generator = i -> encode(row(i), i % 3 != 0);
    return rows(env, count, rate, generator);
  }

  private static DataStream<FeatureRecord> rows(
      StreamExecutionEnvironment env, int count, RateLimiterStrategy rate,
      GeneratorFunction<Long, FeatureRecord> generator) {
    return env.fromSource(
        new DataGeneratorSource<>(generator, count, rate, FeatureRecordTypeInfo.INSTANCE),
        WatermarkStrategy.noWatermarks(), "rows");
  }

  @Test
  void everyFinalRowCompleteOrNotArrivesWithHopsworksKeyPlainAvroValueWriteTimeTimestampAndHeaders()
      throws Exception {
    String topic = "119_15_clicks_1_onlinefs";
    broker.createTopic(topic, 2);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("projectId", "119");
    headers.put("featureGroupId", "15");
    headers.put("subjectId", "42");
    headers.put("onlineIngestionId", "7");
    KafkaFeatureStore store =
        KafkaFeatureStore.builder(broker.bootstrapServers())
            .topics(group -> new KafkaTopicBinding(topic, headers))
            .build();
    StreamExecutionEnvironment env = environment();
    int count = 300;
    // every fifth row is provisional: the topic must get the final rows only
    GeneratorFunction<Long, FeatureRecord> generator =
        i -> i % 5 == 4 ? provisional(row(i)) : encode(row(i), i % 3 != 0);
    store.insertStream(target("clicks", true), rows(env, count, RateLimiterStrategy.noOp(), generator));
    long before = System.currentTimeMillis();
    env.execute("kafka store test");
    long after = System.currentTimeMillis();

    List<ConsumerRecord<byte[], byte[]>> records = broker.readCommitted(topic);
    Schema schema = CODEC.schema("clicks", 1);
    Map<Long, ClickFeatures> expected = new TreeMap<>();
    for (long i = 0; i < count; i++) {
      if (i % 5 != 4) {
        expected.put(T0 + i * 1000, row(i));
      }
    }
    assertEquals(expected.size(), records.size(), "final rows only");
    for (ConsumerRecord<byte[], byte[]> record : records) {
      // decoded with a plain Avro reader: no magic byte or schema id in front
      GenericRecord value =
          new GenericDatumReader<GenericRecord>(schema)
              .read(null, DecoderFactory.get().binaryDecoder(record.value(), null));
      long windowEnd = (long) value.get("window_end") / 1000;
      ClickFeatures want = expected.remove(windowEnd);
      assertEquals(want.user, value.get("user").toString());
      assertEquals(want.count, (long) value.get("count"));
      assertEquals(want.sum, (double) value.get("sum"));
      assertEquals(want.min, (double) value.get("min"));
      assertEquals(want.max, (double) value.get("max"));
      assertEquals(want.user, utf8(record.key()), "key = primary-key value");
      assertEquals(TimestampType.CREATE_TIME, record.timestampType());
      assertTrue(record.timestamp() >= before && record.timestamp() <= after,
          "record timestamp = write time by default, got " + record.timestamp());
      Map<String, String> got = new LinkedHashMap<>();
      for (Header header : record.headers()) {
        got.put(header.key(), utf8(header.value()));
      }
      assertEquals(headers, got);
    }
    assertTrue(expected.isEmpty(), "rows never written: " + expected.keySet());
  }

  @Test
  void aTaskFailureMidStreamLeavesEveryRowExactlyOnceForReadCommittedConsumers() throws Exception {
    KafkaFeatureStore store =
        KafkaFeatureStore.builder(broker.bootstrapServers()).topicPrefix("eos.")
            .recordTimestamp(RecordTimestamp.WINDOW_END).build();
    assertEquals(DeliveryGuarantee.EXACTLY_ONCE, store.deliveryGuarantee(), "the default");
    broker.createTopic("eos.clicks_1", 2);
    FailOnceAfterCheckpoint.failed.set(false);
    StreamExecutionEnvironment env = environment();
    int count = 800;
    // at most 100 rows per checkpoint: the failure surely hits with rows committed before it and
    // rows written to an open transaction after the last checkpoint
    DataStream<FeatureRecord> rows =
        rows(env, count, RateLimiterStrategy.perCheckpoint(100))
            .map(new FailOnceAfterCheckpoint(), FeatureRecordTypeInfo.INSTANCE);
    store.insertStream(target("clicks", false), rows);
    env.executeAsync("kafka exactly-once test").getJobExecutionResult().get(2, TimeUnit.MINUTES);

    assertTrue(FailOnceAfterCheckpoint.failed.get(), "the job should have failed once");
    List<ConsumerRecord<byte[], byte[]>> records = broker.readCommitted("eos.clicks_1");
    Map<Long, Integer> seen = new TreeMap<>();
    Schema schema = CODEC.schema("clicks", 1);
    for (ConsumerRecord<byte[], byte[]> record : records) {
      GenericRecord value = new GenericDatumReader<GenericRecord>(schema)
          .read(null, DecoderFactory.get().binaryDecoder(record.value(), null));
      assertEquals((long) value.get("window_end") / 1000, record.timestamp(), "record timestamp = window end");
      seen.merge(record.timestamp(), 1, Integer::sum);
    }
    List<Long> duplicated = new ArrayList<>();
    seen.forEach((time, n) -> {
      if (n > 1) {
        duplicated.add(time);
      }
    });
    assertEquals(List.of(), duplicated, "rows seen more than once");
    assertEquals(count, seen.size(), "distinct rows seen");
  }

  @Test
  void exactlyOnceWithoutCheckpointingFailsWhenTheGraphIsBuilt() {
    KafkaFeatureStore store = KafkaFeatureStore.builder("localhost:1").build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<FeatureRecord> rows = rows(env, 1, RateLimiterStrategy.noOp());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> store.insertStream(target("clicks", false), rows));
    assertTrue(e.getMessage().contains("env.enableCheckpointing"), e.getMessage());
  }

  @Test
  void weakerGuaranteesAreConfigurableAndNeedNoCheckpointing() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<FeatureRecord> rows = rows(env, 1, RateLimiterStrategy.noOp());
    for (DeliveryGuarantee guarantee : List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.NONE)) {
      KafkaFeatureStore store =
          KafkaFeatureStore.builder("localhost:1").deliveryGuarantee(guarantee).build();
      store.insertStream(target("clicks_" + guarantee.name().toLowerCase(java.util.Locale.ROOT), false), rows);
      assertEquals(guarantee, store.deliveryGuarantee());
    }
  }

  /** Throws once, in the first subtask that sees a row after a completed checkpoint. */
  private static final class FailOnceAfterCheckpoint
      implements MapFunction<FeatureRecord, FeatureRecord>, CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean failed = new AtomicBoolean();
    private transient boolean checkpointed;

    @Override
    public FeatureRecord map(FeatureRecord record) {
      if (checkpointed && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after a checkpoint");
      }
      return record;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
    }
  }
}
