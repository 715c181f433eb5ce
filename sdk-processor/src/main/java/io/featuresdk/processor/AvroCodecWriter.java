package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.featuresdk.processor.FeatureGroupModel.AvroType;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code X_AvroCodec}: the Hopsworks-style row schema (every field {@code ["null", T]},
 * timestamps as {@code long timestamp-micros}) and Avro binary encode/decode written field by
 * field against {@code Encoder}/{@code Decoder}.
 */
final class AvroCodecWriter {
  private static final ClassName FEATURE_ROW_CODEC =
      ClassName.get("io.featuresdk.runtime.spi", "FeatureRowCodec");
  private static final ClassName SCHEMA = ClassName.get("org.apache.avro", "Schema");
  private static final ClassName SCHEMA_FIELD = SCHEMA.nestedClass("Field");
  private static final ClassName SCHEMA_TYPE = SCHEMA.nestedClass("Type");
  private static final ClassName LOGICAL_TYPES = ClassName.get("org.apache.avro", "LogicalTypes");
  private static final ClassName ENCODER = ClassName.get("org.apache.avro.io", "Encoder");
  private static final ClassName DECODER = ClassName.get("org.apache.avro.io", "Decoder");
  private static final ClassName GENERIC_RECORD =
      ClassName.get("org.apache.avro.generic", "GenericRecord");
  private static final ClassName GENERIC_DATA_RECORD =
      ClassName.get("org.apache.avro.generic", "GenericData", "Record");
  private static final ClassName INSTANT = ClassName.get("java.time", "Instant");
  private static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  private static final ClassName LIST = ClassName.get("java.util", "List");

  private AvroCodecWriter() {}

  static JavaFile write(FeatureGroupModel model) {
    ClassName row = model.featureClass();
    TypeSpec.Builder type = GeneratedCode.publicFinalClass(model, model.generated("AvroCodec"))
        .addJavadoc("Maps {@link $T} rows to Avro in Hopsworks' conventions, without reflection.\n",
            row)
        .addSuperinterface(ParameterizedTypeName.get(FEATURE_ROW_CODEC, row))
        .addField(GeneratedCode.serialVersionUid())
        .addMethod(schema(model))
        .addMethod(encode(model))
        .addMethod(encodeEmpty(model))
        .addMethod(decode(model))
        .addMethod(primaryKey(model))
        .addMethod(toGenericRecord(model))
        .addMethod(MethodSpec.methodBuilder("field")
            .addJavadoc("A {@code [\"null\", type]} field without default, as Hopsworks writes"
                + " them.\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(SCHEMA_FIELD)
            .addParameter(String.class, "name")
            .addParameter(SCHEMA, "type")
            .addStatement("$T optional = $T.createUnion($T.create($T.NULL), type)",
                SCHEMA, SCHEMA, SCHEMA, SCHEMA_TYPE)
            // A null default object means "no default".
            .addStatement("return new $T(name, optional, null, (Object) null)", SCHEMA_FIELD)
            .build());
    if (model.features().stream().anyMatch(f -> f.avroType().isTimestamp())) {
      type.addMethod(MethodSpec.methodBuilder("timestampMicros")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(SCHEMA)
          .addStatement("return $T.timestampMicros().addToSchema($T.create($T.LONG))",
              LOGICAL_TYPES, SCHEMA, SCHEMA_TYPE)
          .build());
    }
    model.features().stream()
        .filter(f -> f.avroType() == AvroType.ARRAY)
        .map(f -> f.type().element())
        .distinct()
        .sorted()
        .forEach(element -> type.addMethod(writeArray(element)).addMethod(readArray(element)));
    if (model.hasInstantTimestamps()) {
      type.addMethod(MethodSpec.methodBuilder("toMicros")
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(TypeName.LONG)
              .addParameter(INSTANT, "instant")
              .addStatement("return $T.addExact($T.multiplyExact(instant.getEpochSecond(), 1_000_000L),"
                  + " instant.getNano() / 1_000L)", Math.class, Math.class)
              .build())
          .addMethod(MethodSpec.methodBuilder("fromMicros")
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(INSTANT)
              .addParameter(TypeName.LONG, "micros")
              .addStatement("return $T.ofEpochSecond($T.floorDiv(micros, 1_000_000L),"
                  + " $T.floorMod(micros, 1_000_000L) * 1_000L)", INSTANT, Math.class, Math.class)
              .build());
    }
    return GeneratedCode.file(model, type.build());
  }

  private static MethodSpec schema(FeatureGroupModel model) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("schema")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(SCHEMA)
        .addParameter(String.class, "groupName")
        .addParameter(TypeName.INT, "version");
    method.addStatement("$T<$T> fields = new $T<>()", LIST, SCHEMA_FIELD,
        ClassName.get("java.util", "ArrayList"));
    for (FeatureModel feature : model.features()) {
      CodeBlock valueSchema = feature.avroType().isTimestamp()
          ? CodeBlock.of("timestampMicros()")
          : feature.avroType() == AvroType.ARRAY
              ? CodeBlock.of("$T.createArray($T.createUnion($T.create($T.NULL), $T.create($T.$N)))",
                  SCHEMA, SCHEMA, SCHEMA, SCHEMA_TYPE, SCHEMA, SCHEMA_TYPE,
                  elementAvroType(feature.type().element()).schemaType())
              : CodeBlock.of("$T.create($T.$N)", SCHEMA, SCHEMA_TYPE, feature.avroType().schemaType());
      method.addStatement("fields.add(field($S, $L))", feature.featureName(), valueSchema);
    }
    method.addStatement("return $T.createRecord(groupName + \"_\" + version, $S, null, false, fields)",
        SCHEMA, model.avroDoc());
    return method.build();
  }

  private static MethodSpec encode(FeatureGroupModel model) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("encode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(model.featureClass(), "row")
        .addParameter(ENCODER, "out")
        .addException(IO_EXCEPTION);
    for (FeatureModel feature : model.features()) {
      method.addCode(encodeFeature(feature));
    }
    return method.build();
  }

  /** Like {@code encode}, but null for every feature an empty window's row has no value for. */
  private static MethodSpec encodeEmpty(FeatureGroupModel model) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("encodeEmpty")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(model.featureClass(), "row")
        .addParameter(ENCODER, "out")
        .addException(IO_EXCEPTION);
    for (FeatureModel feature : model.features()) {
      if (feature.keepsValueWhenEmpty()) {
        method.addCode(encodeFeature(feature));
      } else {
        method.addStatement("out.writeIndex(0)").addStatement("out.writeNull()");
      }
    }
    return method.build();
  }

  private static CodeBlock encodeFeature(FeatureModel feature) {
    CodeBlock value = GeneratedCode.read(feature, "row");
    CodeBlock write = CodeBlock.builder()
        .addStatement("out.writeIndex(1)")
        .addStatement(feature.avroType() == AvroType.ARRAY
            ? CodeBlock.of("$N($L, out)", arrayMethod("write", feature.type().element()), value)
            : writeValue(feature.avroType(), value))
        .build();
    if (!feature.type().isNullable()) {
      return write;
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L == null)", value)
        .addStatement("out.writeIndex(0)")
        .addStatement("out.writeNull()")
        .nextControlFlow("else")
        .add(write)
        .endControlFlow()
        .build();
  }

  private static CodeBlock writeValue(AvroType avroType, CodeBlock value) {
    return switch (avroType) {
      case STRING -> CodeBlock.of("out.writeString($L)", value);
      case INT -> CodeBlock.of("out.writeInt($L)", value);
      case LONG -> CodeBlock.of("out.writeLong($L)", value);
      case FLOAT -> CodeBlock.of("out.writeFloat($L)", value);
      case DOUBLE -> CodeBlock.of("out.writeDouble($L)", value);
      case BOOLEAN -> CodeBlock.of("out.writeBoolean($L)", value);
      case TIMESTAMP_FROM_INSTANT -> CodeBlock.of("out.writeLong(toMicros($L))", value);
      case TIMESTAMP_FROM_MILLIS -> CodeBlock.of("out.writeLong($L * 1_000L)", value);
      case ARRAY -> throw new AssertionError("arrays are written by writeArray");
    };
  }

  /** The Avro type of a list's elements. */
  private static AvroType elementAvroType(ValueType.Kind element) {
    return Candidate.avroType(ValueType.boxedOf(element), false);
  }

  /** {@code writeDoubles}, {@code readStrings}, ...: the helper name for an element kind. */
  private static String arrayMethod(String verb, ValueType.Kind element) {
    String name = ValueType.boxedOf(element).displayName();
    return verb + (name.equals("Integer") ? "Int" : name) + "s";
  }

  /** Writes a list as an Avro array of {@code ["null", T]} items, in one block. */
  private static MethodSpec writeArray(ValueType.Kind element) {
    ValueType list = ValueType.listOf(element);
    return MethodSpec.methodBuilder(arrayMethod("write", element))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(list.typeName(), "values")
        .addParameter(ENCODER, "out")
        .addException(IO_EXCEPTION)
        .addStatement("out.writeArrayStart()")
        .addStatement("out.setItemCount(values.size())")
        .beginControlFlow("for ($T value : values)", ValueType.boxedOf(element).typeName())
        .addStatement("out.startItem()")
        .beginControlFlow("if (value == null)")
        .addStatement("out.writeIndex(0)")
        .addStatement("out.writeNull()")
        .nextControlFlow("else")
        .addStatement("out.writeIndex(1)")
        .addStatement(writeValue(elementAvroType(element), CodeBlock.of("value")))
        .endControlFlow()
        .endControlFlow()
        .addStatement("out.writeArrayEnd()")
        .build();
  }

  /** Reads an Avro array of {@code ["null", T]} items into a list, block by block. */
  private static MethodSpec readArray(ValueType.Kind element) {
    ValueType list = ValueType.listOf(element);
    return MethodSpec.methodBuilder(arrayMethod("read", element))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(list.typeName())
        .addParameter(DECODER, "in")
        .addException(IO_EXCEPTION)
        .addStatement("$T values = new $T<>()", list.typeName(), ClassName.get("java.util", "ArrayList"))
        .beginControlFlow("for (long block = in.readArrayStart(); block != 0; block = in.arrayNext())")
        .beginControlFlow("for (long i = 0; i < block; i++)")
        .beginControlFlow("if (in.readIndex() == 0)")
        .addStatement("in.readNull()")
        .addStatement("values.add(null)")
        .nextControlFlow("else")
        .addStatement("values.add($L)", readValue(elementAvroType(element), element))
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .addStatement("return values")
        .build();
  }

  private static MethodSpec decode(FeatureGroupModel model) {
    ClassName row = model.featureClass();
    MethodSpec.Builder method = MethodSpec.methodBuilder("decode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(row)
        .addParameter(DECODER, "in")
        .addException(IO_EXCEPTION)
        .addStatement("$T row = new $T()", row, row);
    for (FeatureModel feature : model.features()) {
      // A null leaves the field at its default: null for references, zero for primitives.
      method.beginControlFlow("if (in.readIndex() == 0)")
          .addStatement("in.readNull()")
          .nextControlFlow("else")
          .addCode(GeneratedCode.write(feature, "row", readValue(feature)))
          .endControlFlow();
    }
    return method.addStatement("return row").build();
  }

  private static CodeBlock readValue(FeatureModel feature) {
    if (feature.avroType() == AvroType.ARRAY) {
      return CodeBlock.of("$N(in)", arrayMethod("read", feature.type().element()));
    }
    return readValue(feature.avroType(), feature.type().kind());
  }

  private static CodeBlock readValue(AvroType avroType, ValueType.Kind kind) {
    return switch (avroType) {
      case STRING -> CodeBlock.of("in.readString()");
      case INT -> switch (kind) {
        case BYTE -> CodeBlock.of("(byte) in.readInt()");
        case SHORT -> CodeBlock.of("(short) in.readInt()");
        default -> CodeBlock.of("in.readInt()");
      };
      case LONG -> CodeBlock.of("in.readLong()");
      case FLOAT -> CodeBlock.of("in.readFloat()");
      case DOUBLE -> CodeBlock.of("in.readDouble()");
      case BOOLEAN -> CodeBlock.of("in.readBoolean()");
      case TIMESTAMP_FROM_INSTANT -> CodeBlock.of("fromMicros(in.readLong())");
      case TIMESTAMP_FROM_MILLIS ->
          CodeBlock.of("$T.floorDiv(in.readLong(), 1_000L)", Math.class);
      case ARRAY -> throw new AssertionError("arrays are read by readArray");
    };
  }

  private static MethodSpec primaryKey(FeatureGroupModel model) {
    List<CodeBlock> parts = model.keys().stream()
        .map(key -> CodeBlock.of("$T.valueOf($L)", String.class, GeneratedCode.read(key, "row")))
        .toList();
    return MethodSpec.methodBuilder("primaryKey")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addParameter(model.featureClass(), "row")
        .addStatement("return $L", CodeBlock.join(parts, " + \";\" + "))
        .build();
  }

  private static MethodSpec toGenericRecord(FeatureGroupModel model) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toGenericRecord")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(GENERIC_RECORD)
        .addParameter(model.featureClass(), "row")
        .addParameter(SCHEMA, "schema")
        .addStatement("$T record = new $T(schema)", GENERIC_DATA_RECORD, GENERIC_DATA_RECORD);
    List<FeatureModel> features = model.features();
    for (int i = 0; i < features.size(); i++) {
      method.addStatement("record.put($L, $L)", i, genericValue(features.get(i)));
    }
    return method.addStatement("return record").build();
  }

  /** The value as Avro's generic representation expects it: Integer for int, micros for times. */
  private static CodeBlock genericValue(FeatureModel feature) {
    CodeBlock value = GeneratedCode.read(feature, "row");
    ValueType type = feature.type();
    return switch (feature.avroType()) {
      case INT -> type.kind() == ValueType.Kind.INT
          ? value
          : type.isNullable()
              ? CodeBlock.of("$L == null ? null : $L.intValue()", value, value)
              : CodeBlock.of("(int) $L", value);
      case TIMESTAMP_FROM_INSTANT ->
          CodeBlock.of("$L == null ? null : toMicros($L)", value, value);
      case TIMESTAMP_FROM_MILLIS -> CodeBlock.of("$L * 1_000L", value);
      default -> value;
    };
  }
}
