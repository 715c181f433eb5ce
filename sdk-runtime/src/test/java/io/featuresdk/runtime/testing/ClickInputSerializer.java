package io.featuresdk.runtime.testing;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Stand-in for a generated input serializer. */
public final class ClickInputSerializer extends GeneratedSerializer<ClickInput> {
  private static final long serialVersionUID = 1L;

  @Override
  public String layoutFingerprint() {
    return "user:string,amount:double";
  }

  @Override
  public ClickInput createInstance() {
    return new ClickInput("", 0);
  }

  @Override
  public ClickInput copy(ClickInput from) {
    return new ClickInput(from.user, from.amount);
  }

  @Override
  public void serialize(ClickInput record, DataOutputView target) throws IOException {
    target.writeUTF(record.user);
    target.writeDouble(record.amount);
  }

  @Override
  public ClickInput deserialize(DataInputView source) throws IOException {
    return new ClickInput(source.readUTF(), source.readDouble());
  }
}
