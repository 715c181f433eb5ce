package io.featuresdk.runtime.spi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.common.ArrayOfBooleansSerDe;
import org.apache.datasketches.common.ArrayOfDoublesSerDe;
import org.apache.datasketches.common.ArrayOfItemsSerDe;
import org.apache.datasketches.common.ArrayOfLongsSerDe;
import org.apache.datasketches.common.ArrayOfNumbersSerDe;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The state of {@code @TopK}: a DataSketches frequent-items {@link ItemsSketch}, written by
 * generated serializers in DataSketches' binary form behind its length (never Kryo), and read as
 * the {@code k} values with the largest estimated counts, ties by the values' natural order.
 */
public final class FrequentValues {
  private FrequentValues() {}

  /** The {@code k} most frequent values, most frequent first, ties by natural order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> List<T> top(ItemsSketch<T> sketch, int k) {
    ItemsSketch.Row<T>[] rows = sketch.getFrequentItems(0, ErrorType.NO_FALSE_NEGATIVES);
    Comparator<ItemsSketch.Row<T>> byCount =
        Comparator.comparingLong((ItemsSketch.Row<T> row) -> row.getEstimate()).reversed();
    Arrays.sort(rows, byCount.thenComparing(row -> (Comparable) row.getItem()));
    List<T> top = new ArrayList<>(Math.min(k, rows.length));
    for (int i = 0; i < rows.length && i < k; i++) {
      top.add(rows[i].getItem());
    }
    return top;
  }

  /** Writes the sketch's DataSketches bytes behind their length. */
  public static <T> void write(ItemsSketch<T> sketch, ListElement element, DataOutputView target)
      throws IOException {
    byte[] bytes = sketch.toByteArray(serDe(element));
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  /** Reads what {@link #write} wrote. */
  public static <T> ItemsSketch<T> read(ListElement element, DataInputView source)
      throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    return ItemsSketch.getInstance(Memory.wrap(bytes), serDe(element));
  }

  /** An independent copy: Flink copies state that a later merge changes in place. */
  public static <T> ItemsSketch<T> copy(ItemsSketch<T> sketch, ListElement element) {
    return ItemsSketch.getInstance(Memory.wrap(sketch.toByteArray(serDe(element))), serDe(element));
  }

  @SuppressWarnings("unchecked")
  private static <T> ArrayOfItemsSerDe<T> serDe(ListElement element) {
    return (ArrayOfItemsSerDe<T>) switch (element) {
      case BOOLEAN -> new ArrayOfBooleansSerDe();
      case LONG -> new ArrayOfLongsSerDe();
      case DOUBLE -> new ArrayOfDoublesSerDe();
      case STRING -> new ArrayOfStringsSerDe();
      // keeps each item's type (Integer, Float)
      case INT, FLOAT -> new ArrayOfNumbersSerDe();
    };
  }
}
