package io.featuresdk.runtime.spi;

import java.io.IOException;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * How generated accumulator serializers write, read and copy sketch state: the DataSketches
 * binary form behind its length, so checkpoints never go through Kryo and hold the compact
 * sketch, not the Java object graph.
 *
 * <ul>
 *   <li>{@code @ApproxCountDistinct} keeps an HLL {@link Union}: it takes values directly and
 *       merges another union without first building a sketch.
 *   <li>{@code @ApproxPercentile} keeps a {@link KllDoublesSketch}.
 * </ul>
 */
public final class SketchStates {
  private SketchStates() {}

  public static void write(Union union, DataOutputView target) throws IOException {
    writeBytes(union.toCompactByteArray(), target);
  }

  public static void write(KllDoublesSketch sketch, DataOutputView target) throws IOException {
    writeBytes(sketch.toByteArray(), target);
  }

  public static Union readHllUnion(DataInputView source) throws IOException {
    return Union.heapify(readBytes(source));
  }

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
