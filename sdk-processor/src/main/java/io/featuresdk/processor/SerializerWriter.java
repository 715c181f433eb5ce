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
 * Writes {@code X_InputSerializer}, {@code X_AccumulatorSerializer} and {@code X_RowSerializer}:
 * Flink serializers that write each field in layout order, so neither Kryo nor reflection ever
 * touches inputs, accumulators or feature rows. Nullable boxes and {@code Instant}s carry a
 * presence flag; strings use Flink's {@code StringValue} encoding, which has its own null marker.
 * Row fields are reached like everywhere else in generated code: directly, or through the getter
 * and setter of a private field.
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
  private static final ClassName SKETCH_STATES =
      ClassName.get("io.featuresdk.runtime.spi", "SketchStates");
  private static final ClassName LIST_ELEMENT =
      ClassName.get("io.featuresdk.runtime.spi", "ListElement");
  private static final ClassName EVENT_TIME_VALUES =
      ClassName.get("io.featuresdk.runtime.spi", "EventTimeValues");
  private static final ClassName FREQUENT_VALUES =
      ClassName.get("io.featuresdk.runtime.spi", "FrequentValues");
  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");

  private SerializerWriter() {}

  /** One serialized field and how generated code reaches it: directly, or by getter and setter. */
  private record Slot(String name, ValueType type, String getter, String setter) {
    static Slot of(DataField field) {
      return new Slot(field.name(), field.type(), null, null);
    }

    static Slot of(FeatureModel feature) {
      return new Slot(feature.fieldName(), feature.type(), feature.getter(), feature.setter());
    }

    CodeBlock read(String object) {
      return getter == null
          ? CodeBlock.of("$N.$N", object, name)
          : CodeBlock.of("$N.$N()", object, getter);
    }

    CodeBlock write(String object, CodeBlock value) {
      return setter == null
          ? CodeBlock.of("$N.$N = $L;\n", object, name, value)
          : CodeBlock.of("$N.$N($L);\n", object, setter, value);
    }
  }

  static JavaFile input(FeatureGroupModel model) {
    return write(model, model.inputClass(), model.generated("InputSerializer"),
        model.inputLayout().stream().map(Slot::of).toList());
  }

  static JavaFile accumulator(FeatureGroupModel model) {
    return write(model, model.accumulatorClass(), model.generated("AccumulatorSerializer"),
        model.accumulatorLayout().stream().map(Slot::of).toList());
  }

  /** The feature row's serializer: every feature, in declaration (Avro) order. */
  static JavaFile row(FeatureGroupModel model) {
    return write(model, model.featureClass(), model.generated("RowSerializer"),
        model.features().stream().map(Slot::of).toList());
  }

  private static JavaFile write(
      FeatureGroupModel model, ClassName record, ClassName name, List<Slot> layout) {
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
    for (Slot field : layout) {
      copy.addCode(field.write("copy", copied(field)));
      serialize.addCode(writeField(field));
      deserialize.addCode(field.write("record", readField(field)));
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

  /** The copy of a field's value: shared when immutable, duplicated when mutable. */
  private static CodeBlock copied(Slot field) {
    CodeBlock value = field.read("from");
    return switch (field.type().kind()) {
      case TIMED_VALUES -> CodeBlock.of("$L == null ? null : $L.copy()", value, value);
      case LIST -> CodeBlock.of("$L == null ? null : new $T<>($L)", value, ARRAY_LIST, value);
      case ITEMS_SKETCH -> CodeBlock.of("$L == null ? null : $T.copy($L, $L)", value,
          FREQUENT_VALUES, value, element(field.type()));
      case HLL_UNION, KLL_SKETCH, DISTINCT_SET ->
          CodeBlock.of("$L == null ? null : $T.copy($L)", value, SKETCH_STATES, value);
      default -> value;
    };
  }

  /** The {@code ListElement} constant of a list's or timed values' element kind. */
  private static CodeBlock element(ValueType type) {
    return CodeBlock.of("$T.$N", LIST_ELEMENT, type.element().name());
  }

  private static CodeBlock writeField(Slot field) {
    CodeBlock value = field.read("record");
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
      case HLL_UNION, KLL_SKETCH, DISTINCT_SET ->
          CodeBlock.of("$T.write($L, target);\n", SKETCH_STATES, value);
      case LIST -> CodeBlock.of("$L.writeList($L, target);\n", element(type), value);
      case TIMED_VALUES -> CodeBlock.of("$L.write($L, target);\n", value, element(type));
      case ITEMS_SKETCH ->
          CodeBlock.of("$T.write($L, $L, target);\n", FREQUENT_VALUES, value, element(type));
      case STRING -> throw new AssertionError("strings are written by StringValue");
    };
  }

  private static CodeBlock readField(Slot field) {
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
      case HLL_UNION -> CodeBlock.of("$T.readHllUnion(source)", SKETCH_STATES);
      case KLL_SKETCH -> CodeBlock.of("$T.readKll(source)", SKETCH_STATES);
      case DISTINCT_SET -> CodeBlock.of("$T.readDistinctSet(source)", SKETCH_STATES);
      case LIST -> CodeBlock.of("$L.readList(source)", element(type));
      case TIMED_VALUES -> CodeBlock.of("$T.read($L, source)", EVENT_TIME_VALUES, element(type));
      case ITEMS_SKETCH -> CodeBlock.of("$T.read($L, source)", FREQUENT_VALUES, element(type));
      case STRING -> throw new AssertionError("handled above");
    };
    return type.isNullable() ? CodeBlock.of("source.readBoolean() ? $L : null", value) : value;
  }
}
