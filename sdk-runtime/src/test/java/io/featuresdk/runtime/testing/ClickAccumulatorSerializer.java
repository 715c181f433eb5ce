package io.featuresdk.runtime.testing;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Stand-in for a generated accumulator serializer. */
public final class ClickAccumulatorSerializer extends GeneratedSerializer<ClickAccumulator> {
  private static final long serialVersionUID = 1L;

  @Override
  public String layoutFingerprint() {
    return "user:string?,count:long,sum:double,min:double,max:double";
  }

  @Override
  public ClickAccumulator createInstance() {
    return new ClickAccumulator();
  }

  @Override
  public ClickAccumulator copy(ClickAccumulator from) {
    ClickAccumulator to = new ClickAccumulator();
    to.user = from.user;
    to.count = from.count;
    to.sum = from.sum;
    to.min = from.min;
    to.max = from.max;
    return to;
  }

  @Override
  public void serialize(ClickAccumulator acc, DataOutputView target) throws IOException {
    target.writeBoolean(acc.user != null);
    if (acc.user != null) {
      target.writeUTF(acc.user);
    }
    target.writeLong(acc.count);
    target.writeDouble(acc.sum);
    target.writeDouble(acc.min);
    target.writeDouble(acc.max);
  }

  @Override
  public ClickAccumulator deserialize(DataInputView source) throws IOException {
    ClickAccumulator acc = new ClickAccumulator();
    acc.user = source.readBoolean() ? source.readUTF() : null;
    acc.count = source.readLong();
    acc.sum = source.readDouble();
    acc.min = source.readDouble();
    acc.max = source.readDouble();
    return acc;
  }
}
