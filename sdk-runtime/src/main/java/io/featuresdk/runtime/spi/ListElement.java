package io.featuresdk.runtime.spi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The element types of list features ({@code List<Double>}, ...) and how generated serializers
 * write them: lists and {@link EventTimeValues} in rows and accumulators go through these, never
 * through Kryo. Elements are non-null in state; row lists may hold nulls (a row built by hand),
 * so lists carry a presence flag per element.
 */
public enum ListElement {
  BOOLEAN {
    @Override
    void writeValue(Object value, DataOutputView target) throws IOException {
      target.writeBoolean((Boolean) value);
    }

    @Override
    Object readValue(DataInputView source) throws IOException {
      return source.readBoolean();
    }
  },
  INT {
    @Override
    void writeValue(Object value, DataOutputView target) throws IOException {
      target.writeInt((Integer) value);
    }

    @Override
    Object readValue(DataInputView source) throws IOException {
      return source.readInt();
    }
  },
  LONG {
    @Override
    void writeValue(Object value, DataOutputView target) throws IOException {
      target.writeLong((Long) value);
    }

    @Override
    Object readValue(DataInputView source) throws IOException {
      return source.readLong();
    }
  },
  FLOAT {
    @Override
    void writeValue(Object value, DataOutputView target) throws IOException {
      target.writeFloat((Float) value);
    }

    @Override
    Object readValue(DataInputView source) throws IOException {
      return source.readFloat();
    }
  },
  DOUBLE {
    @Override
    void writeValue(Object value, DataOutputView target) throws IOException {
      target.writeDouble((Double) value);
    }

    @Override
    Object readValue(DataInputView source) throws IOException {
      return source.readDouble();
    }
  },
  STRING {
    @Override
    void writeValue(Object value, DataOutputView target) throws IOException {
      StringValue.writeString((String) value, target);
    }

    @Override
    Object readValue(DataInputView source) throws IOException {
      return StringValue.readString(source);
    }
  };

  abstract void writeValue(Object value, DataOutputView target) throws IOException;

  abstract Object readValue(DataInputView source) throws IOException;

  /** Writes a non-null list: its size, then each element behind a presence flag. */
  public void writeList(List<?> values, DataOutputView target) throws IOException {
    target.writeInt(values.size());
    for (Object value : values) {
      target.writeBoolean(value != null);
      if (value != null) {
        writeValue(value, target);
      }
    }
  }

  /** Reads what {@link #writeList} wrote, as a mutable list. */
  @SuppressWarnings("unchecked")
  public <T> List<T> readList(DataInputView source) throws IOException {
    int size = source.readInt();
    List<T> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(source.readBoolean() ? (T) readValue(source) : null);
    }
    return values;
  }
}
