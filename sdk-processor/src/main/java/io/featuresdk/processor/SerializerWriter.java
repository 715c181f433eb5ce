package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code X_InputSerializer} and {@code X_AccumulatorSerializer}: Flink serializers that
 * write each field in layout order. Nullable boxes and {@code Instant}s carry a presence flag;
 * strings use Flink's {@code StringValue} encoding, which has its own null marker.
 */
final class SerializerWriter {
  private static final ClassName GENERATED_SERIALIZER =
      ClassName.get("io.featuresdk.runtime.spi", "GeneratedSerializer");
  private static final ClassName DATA_OUTPUT_VIEW =
      ClassName.get("org.apache.flink.core.memory", "DataOutputView");
  private static final ClassName DATA_INPUT_VIEW =
      ClassName.get("org.apache.flink.core.memory", "DataInputView");
  private static final ClassName STRING_VALUE = ClassName.get("org.apache.flink.types", "StringValue");
  private static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  private static final ClassName INSTANT = ClassName.get("java.time", "Instant");

  private SerializerWriter() {}

  static JavaFile input(FeatureGroupModel model) {
    return write(model, model.inputClass(), model.generated("InputSerializer"),
        model.inputLayout());
  }

  static JavaFile accumulator(FeatureGroupModel model) {
    return write(model, model.accumulatorClass(), model.generated("AccumulatorSerializer"),
        model.accumulatorLayout());
  }

  private static JavaFile write(
      FeatureGroupModel model, ClassName record, ClassName name, List<DataField> layout) {
    String fingerprint = record.simpleName() + "(" + layout.stream()
        .map(f -> f.name() + ":" + f.type().displayName())
        .collect(Collectors.joining(",")) + ")";

    MethodSpec.Builder copy = MethodSpec.methodBuilder("copy")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(record)
        .addParameter(record, "from")
        .addStatement("$T copy = new $T()", record, record);
    MethodSpec.Builder serialize = MethodSpec.methodBuilder("serialize")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(record, "record")
        .addParameter(DATA_OUTPUT_VIEW, "target")
        .addException(IO_EXCEPTION);
    MethodSpec.Builder deserialize = MethodSpec.methodBuilder("deserialize")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(record)
        .addParameter(DATA_INPUT_VIEW, "source")
        .addException(IO_EXCEPTION)
        .addStatement("$T record = new $T()", record, record);
    for (DataField field : layout) {
      copy.addStatement("copy.$N = from.$N", field.name(), field.name());
      serialize.addCode(writeField(field));
      deserialize.addStatement("record.$N = $L", field.name(), readField(field));
    }
    copy.addStatement("return copy");
    deserialize.addStatement("return record");

    TypeSpec type = GeneratedCode.publicFinalClass(model, name)
        .addJavadoc("Serializes {@link $T} field by field, without reflection.\n", record)
        .superclass(ParameterizedTypeName.get(GENERATED_SERIALIZER, record))
        .addField(GeneratedCode.serialVersionUid())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).build())
        .addMethod(MethodSpec.methodBuilder("layoutFingerprint")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S", fingerprint)
            .build())
        .addMethod(MethodSpec.methodBuilder("createInstance")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(record)
            .addStatement("return new $T()", record)
            .build())
        .addMethod(copy.build())
        .addMethod(serialize.build())
        .addMethod(deserialize.build())
        .build();
    return GeneratedCode.file(model, type);
  }

  private static CodeBlock writeField(DataField field) {
    CodeBlock value = CodeBlock.of("record.$N", field.name());
    ValueType type = field.type();
    if (type.kind() == ValueType.Kind.STRING) {
      return CodeBlock.of("$T.writeString($L, target);\n", STRING_VALUE, value);
    }
    if (!type.isNullable()) {
      return writeValue(type, value);
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L == null)", value)
        .addStatement("target.writeBoolean(false)")
        .nextControlFlow("else")
        .addStatement("target.writeBoolean(true)")
        .add(writeValue(type, value))
        .endControlFlow()
        .build();
  }

  private static CodeBlock writeValue(ValueType type, CodeBlock value) {
    return switch (type.kind()) {
      case BOOLEAN -> CodeBlock.of("target.writeBoolean($L);\n", value);
      case BYTE -> CodeBlock.of("target.writeByte($L);\n", value);
      case SHORT -> CodeBlock.of("target.writeShort($L);\n", value);
      case INT -> CodeBlock.of("target.writeInt($L);\n", value);
      case LONG -> CodeBlock.of("target.writeLong($L);\n", value);
      case FLOAT -> CodeBlock.of("target.writeFloat($L);\n", value);
      case DOUBLE -> CodeBlock.of("target.writeDouble($L);\n", value);
      case INSTANT -> CodeBlock.of("target.writeLong($L.getEpochSecond());\n"
          + "target.writeInt($L.getNano());\n", value, value);
      case STRING -> throw new AssertionError("strings are written by StringValue");
    };
  }

  private static CodeBlock readField(DataField field) {
    ValueType type = field.type();
    if (type.kind() == ValueType.Kind.STRING) {
      return CodeBlock.of("$T.readString(source)", STRING_VALUE);
    }
    CodeBlock value = switch (type.kind()) {
      case BOOLEAN -> CodeBlock.of("source.readBoolean()");
      case BYTE -> CodeBlock.of("source.readByte()");
      case SHORT -> CodeBlock.of("source.readShort()");
      case INT -> CodeBlock.of("source.readInt()");
      case LONG -> CodeBlock.of("source.readLong()");
      case FLOAT -> CodeBlock.of("source.readFloat()");
      case DOUBLE -> CodeBlock.of("source.readDouble()");
      case INSTANT -> CodeBlock.of("$T.ofEpochSecond(source.readLong(), source.readInt())", INSTANT);
      case STRING -> throw new AssertionError("handled above");
    };
    return type.isNullable() ? CodeBlock.of("source.readBoolean() ? $L : null", value) : value;
  }
}
