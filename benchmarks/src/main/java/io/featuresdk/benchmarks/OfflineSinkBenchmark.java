package io.featuresdk.benchmarks;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.local.LocalFeatureStore;
import io.featuresdk.runtime.store.local.OfflineStoreReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The local store's offline writer (upsert-ordered Avro files, committed at checkpoints) against
 * the previous one, Flink's {@link FileSink} with a bulk writer appending the same pre-encoded rows
 * to Avro container files, rolled at every checkpoint. Both run in this JVM as jobs on a local
 * MiniCluster at parallelism 1 over the same generated records, checkpointing every second,
 * alternating, several rounds; the best and the median rounds of each are compared.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.featuresdk.benchmarks.OfflineSinkBenchmark [--records N] [--rounds N]
 * </pre>
 */
public final class OfflineSinkBenchmark {
  private static final Schema SCHEMA =
      SchemaBuilder.record("bench_rows_1").fields()
          .name("product_id").type().unionOf().nullType().and().stringType().endUnion().noDefault()
          .name("window_end").type(Schema.createUnion(Schema.create(Schema.Type.NULL),
              LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG)))).noDefault()
          .name("price_avg").type().unionOf().nullType().and().doubleType().endUnion().noDefault()
          .name("price_min").type().unionOf().nullType().and().doubleType().endUnion().noDefault()
          .name("price_max").type().unionOf().nullType().and().doubleType().endUnion().noDefault()
          .name("trade_count").type().unionOf().nullType().and().longType().endUnion().noDefault()
          .endRecord();
  private static final FeatureGroupTarget GROUP =
      new FeatureGroupTarget("bench_rows", 1, SCHEMA.toString(), List.of("product_id"),
          "window_end", false, "offline sink benchmark");

  enum Variant {
    FILE_SINK("Flink FileSink (before)"),
    LOCAL_STORE("local store offline sink (now)");

    final String title;

    Variant(String title) {
      this.title = title;
    }
  }

  private OfflineSinkBenchmark() {}

  public static void main(String[] args) throws Exception {
    long records = 5_000_000;
    int rounds = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--records" -> records = Long.parseLong(args[++i].replace("_", ""));
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; use --records N (default 5000000), --rounds N (default 5)");
      }
    }
    System.out.println("warming up both writers (" + records / 10 + " records) ...");
    for (Variant variant : Variant.values()) {
      run(variant, records / 10);
    }
    double[][] perSecond = new double[Variant.values().length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (Variant variant : Variant.values()) {
        perSecond[variant.ordinal()][round] = run(variant, records);
        System.out.printf("round %d  %-32s %,12.0f records/s%n", round + 1, variant.title,
            perSecond[variant.ordinal()][round]);
      }
    }
    System.out.printf("%d rounds of %,d records:%n", rounds, records);
    for (Variant variant : Variant.values()) {
      System.out.printf("  %-32s best %,12.0f  median %,12.0f records/s%n", variant.title,
          best(perSecond[variant.ordinal()]), median(perSecond[variant.ordinal()]));
    }
    int now = Variant.LOCAL_STORE.ordinal();
    int before = Variant.FILE_SINK.ordinal();
    System.out.printf("ratio local store / FileSink: best %.2f, median %.2f%n",
        best(perSecond[now]) / best(perSecond[before]), median(perSecond[now]) / median(perSecond[before]));
  }

  private static double best(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** One job writing {@code records} rows; returns records per second of the job's net run time. */
  static double run(Variant variant, long records) throws Exception {
    Path dir = Files.createTempDirectory("offline-sink-benchmark");
    try {
      StreamExecutionEnvironment env =
          StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
      env.enableCheckpointing(1_000);
      DataStream<FeatureRecord> rows =
          env.fromSource(new DataGeneratorSource<>(new Rows(), records, TypeInformation.of(FeatureRecord.class)),
              WatermarkStrategy.noWatermarks(), "rows");
      if (variant == Variant.FILE_SINK) {
        rows.sinkTo(fileSink(dir)).name("offline");
      } else {
        new LocalFeatureStore(dir).insertStream(GROUP, rows);
      }
      long millis = env.execute("offline sink " + variant).getNetRuntime();
      checkWritten(variant, dir, records);
      return records * 1000.0 / millis;
    } finally {
      delete(dir);
    }
  }

  /** The local store keeps one row per key and window end; FileSink keeps all. */
  static void checkWritten(Variant variant, Path dir, long records) {
    if (variant == Variant.LOCAL_STORE) {
      long rows = OfflineStoreReader.open(dir).count(GROUP.name(), GROUP.version());
      if (rows != Math.min(records, Rows.DISTINCT)) {
        throw new IllegalStateException("local store holds " + rows + " rows");
      }
    }
  }

  /** Today's configuration before this change: one bucket, roll on checkpoint, part-*.avro. */
  private static FileSink<FeatureRecord> fileSink(Path dir) {
    return FileSink.forBulkFormat(new org.apache.flink.core.fs.Path(dir.toUri()), new AvroAppender())
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".avro").build())
        .build();
  }

  /** Appends pre-encoded rows to an Avro container file, as the store's FileSink writer did. */
  private static final class AvroAppender implements BulkWriter.Factory<FeatureRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public BulkWriter<FeatureRecord> create(FSDataOutputStream out) throws IOException {
      DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>(SCHEMA));
      writer.create(SCHEMA, out);
      return new BulkWriter<>() {
        @Override
        public void addElement(FeatureRecord record) throws IOException {
          writer.appendEncoded(ByteBuffer.wrap(record.value()));
        }

        @Override
        public void flush() throws IOException {
          writer.flush();
        }

        @Override
        public void finish() throws IOException {
          writer.flush();
        }
      };
    }
  }

  /**
   * Row {@code i} is pre-encoded row {@code i % DISTINCT} (product {@code i % 100}, window end
   * {@code i / 100} minutes), so the source costs little next to the writers.
   */
  static final class Rows implements GeneratorFunction<Long, FeatureRecord> {
    private static final long serialVersionUID = 1L;
    static final int DISTINCT = 10_000;
    private transient FeatureRecord[] pool;

    @Override
    public FeatureRecord map(Long index) {
      if (pool == null) {
        pool = new FeatureRecord[DISTINCT];
        for (int i = 0; i < DISTINCT; i++) {
          long windowEnd = 1_767_225_600_000L + (i / 100) * 60_000L;
          pool[i] = new FeatureRecord("P-" + (i % 100), windowEnd, encode(i, windowEnd));
        }
      }
      return pool[(int) (index % DISTINCT)];
    }

    private static byte[] encode(long i, long windowEnd) {
      GenericRecord row = new GenericData.Record(SCHEMA);
      row.put("product_id", "P-" + (i % 100));
      row.put("window_end", windowEnd * 1000);
      row.put("price_avg", 3000 + i % 977 / 10.0);
      row.put("price_min", 2990 + i % 911 / 10.0);
      row.put("price_max", 3010 + i % 919 / 10.0);
      row.put("trade_count", i % 1000);
      try {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(SCHEMA).write(row, encoder);
        encoder.flush();
        return bytes.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
