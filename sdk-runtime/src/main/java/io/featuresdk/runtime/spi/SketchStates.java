package io.featuresdk.runtime.spi;

import java.io.IOException;
import java.util.HashSet;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * How generated accumulator serializers write, read and copy sketch and set state: the DataSketches
 * binary form behind its length, so checkpoints never go through Kryo and hold the compact
 * sketch, not the Java object graph.
 *
 * <ul>
 *   <li>{@code @ApproxCountDistinct} keeps an HLL {@link Union}: it takes values directly and
 *       merges another union without first building a sketch.
 *   <li>{@code @ApproxPercentile} keeps a {@link KllDoublesSketch}.
 *   <li>{@code @CountDistinct} keeps the values' texts in a {@link HashSet}, written as a count
 *       and the strings.
 * </ul>
 */
public final class SketchStates {
  private SketchStates() {}

  /** Writes an HLL union as its compact DataSketches bytes, behind their length. */
  public static void write(Union union, DataOutputView target) throws IOException {
    writeBytes(union.toCompactByteArray(), target);
  }

  /** Writes a KLL sketch as its DataSketches bytes, behind their length. */
  public static void write(KllDoublesSketch sketch, DataOutputView target) throws IOException {
    writeBytes(sketch.toByteArray(), target);
  }

  /** Reads what {@link #write(Union, DataOutputView)} wrote. */
  public static Union readHllUnion(DataInputView source) throws IOException {
    return Union.heapify(readBytes(source));
  }

  /** Reads what {@link #write(KllDoublesSketch, DataOutputView)} wrote. */
  public static KllDoublesSketch readKll(DataInputView source) throws IOException {
    return KllDoublesSketch.heapify(Memory.wrap(readBytes(source)));
  }

  /** An independent copy: Flink copies state that a later merge may change in place. */
  public static Union copy(Union union) {
    return Union.heapify(union.toCompactByteArray());
  }

  /** An independent copy: Flink copies state that a later merge may change in place. */
  public static KllDoublesSketch copy(KllDoublesSketch sketch) {
    return KllDoublesSketch.heapify(Memory.wrap(sketch.toByteArray()));
  }

  /** Writes a set of distinct values' texts: its size, then each string. */
  public static void write(HashSet<String> values, DataOutputView target) throws IOException {
    target.writeInt(values.size());
    for (String value : values) {
      StringValue.writeString(value, target);
    }
  }

  /** Reads what {@link #write(HashSet, DataOutputView)} wrote. */
  public static HashSet<String> readDistinctSet(DataInputView source) throws IOException {
    int size = source.readInt();
    HashSet<String> values = new HashSet<>(Math.max(16, size * 2));
    for (int i = 0; i < size; i++) {
      values.add(StringValue.readString(source));
    }
    return values;
  }

  /** An independent copy: Flink copies state that a later merge may change in place. */
  public static HashSet<String> copy(HashSet<String> values) {
    return new HashSet<>(values);
  }

  private static void writeBytes(byte[] bytes, DataOutputView target) throws IOException {
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  private static byte[] readBytes(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    return bytes;
  }
}
