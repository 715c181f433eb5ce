package io.featuresdk.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.reflect.ReflectDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding one feature row as Avro binary: the generated codec against reflection into a
 * {@link GenericRecord} written by a {@link ReflectDatumWriter}. Both reuse their output buffer
 * and the buffered {@code BinaryEncoder} the window operators use; the baseline's writer is
 * created once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AvroEncodingBenchmark {
  private TradeFeatures row;
  private TradeFeatures_AvroCodec codec;
  private ReflectiveAvro reflective;
  private ReflectDatumWriter<GenericRecord> reflectWriter;
  private ByteArrayOutputStream buffer;
  private BinaryEncoder encoder;

  @Setup
  public void setUp() {
    row = sampleRow();
    codec = new TradeFeatures_AvroCodec();
    Schema schema = codec.schema("trades_5m", 1);
    reflective = new ReflectiveAvro(TradeFeatures.class, schema);
    reflectWriter = new ReflectDatumWriter<>(schema);
    buffer = new ByteArrayOutputStream(256);
    encoder = EncoderFactory.get().binaryEncoder(buffer, null);
  }

  static TradeFeatures sampleRow() {
    TradeFeatures row = new TradeFeatures();
    row.productId = "ETH-USD";
    row.timestamp = Instant.parse("2026-11-23T20:00:00Z");
    row.priceAvg = 3_012.345;
    row.priceMin = 3_001.5;
    row.priceMax = 3_020.25;
    row.trades = 1_234;
    row.volume = 56.789;
    return row;
  }

  @Benchmark
  public int generatedCodec() throws IOException {
    buffer.reset();
    codec.encode(row, encoder);
    encoder.flush();
    return buffer.size();
  }

  @Benchmark
  public int reflection() throws IOException {
    buffer.reset();
    reflectWriter.write(reflective.toRecord(row), encoder);
    encoder.flush();
    return buffer.size();
  }

  /** The bytes each way, for the smoke test's check that both encode the same. */
  byte[][] encodeBothOnce() throws IOException {
    generatedCodec();
    byte[] generated = buffer.toByteArray();
    reflection();
    return new byte[][] {generated, buffer.toByteArray()};
  }
}
