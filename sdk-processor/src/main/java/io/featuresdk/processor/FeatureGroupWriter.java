package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import io.featuresdk.processor.FeatureGroupModel.WindowModel;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code X_FeatureGroup}, the one generated class users refer to: the metadata and every
 * generated piece the runtime needs, behind {@code FeatureGroupDefinition}.
 *
 * <p>The key of a single primary key is its boxed value. A composite key is a {@code String} in
 * which each part is written as its length, {@code ':'} and its text ({@code "-;"} for null), so
 * no two distinct key tuples share a key, whatever characters the values contain.
 */
final class FeatureGroupWriter {
  private static final String SPI = "io.featuresdk.runtime.spi";
  private static final ClassName DEFINITION = ClassName.get(SPI, "FeatureGroupDefinition");
  private static final ClassName INFO = ClassName.get(SPI, "FeatureGroupInfo");
  private static final ClassName WINDOW_SPEC = ClassName.get(SPI, "WindowSpec");
  private static final ClassName PROJECTION = ClassName.get(SPI, "InputProjection");
  private static final ClassName AGGREGATION = ClassName.get(SPI, "FeatureAggregation");
  private static final ClassName CODEC = ClassName.get(SPI, "FeatureRowCodec");
  private static final ClassName GENERATED_TYPE_INFO = ClassName.get(SPI, "GeneratedTypeInfo");
  private static final ClassName TYPE_INFORMATION =
      ClassName.get("org.apache.flink.api.common.typeinfo", "TypeInformation");
  private static final ClassName FLINK_TYPES =
      ClassName.get("org.apache.flink.api.common.typeinfo", "Types");
  private static final ClassName KEY_SELECTOR =
      ClassName.get("org.apache.flink.api.java.functions", "KeySelector");
  private static final ClassName DURATION = ClassName.get("java.time", "Duration");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName CLASS = ClassName.get("java.lang", "Class");

  private FeatureGroupWriter() {}

  static JavaFile write(FeatureGroupModel model) {
    ClassName self = model.generated("FeatureGroup");
    ClassName source = model.sourceClass();
    ClassName input = model.inputClass();
    ClassName acc = model.accumulatorClass();
    ClassName row = model.featureClass();
    TypeName key = keyType(model);
    ClassName projection = self.nestedClass("Projection");
    ClassName keySelector = self.nestedClass("KeyExtractor");

    TypeSpec.Builder type = GeneratedCode.publicFinalClass(model, self)
        .addJavadoc("The feature group of {@link $T}, computed from {@link $T} events.\n"
            + "\n<p>Pass {@link #instance()} to the featuresdk pipeline builder.\n", row, source)
        .addSuperinterface(ParameterizedTypeName.get(DEFINITION, source, input, key, acc, row))
        .addField(GeneratedCode.serialVersionUid())
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("new $T()", self)
            .build())
        .addField(FieldSpec.builder(INFO, "INFO", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer(info(model))
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("instance")
            .addJavadoc("The definition; stateless, so one instance serves every job.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addStatement("return INSTANCE")
            .build())
        .addMethod(getter("info", INFO, CodeBlock.of("INFO")))
        .addMethod(getter("sourceType", ParameterizedTypeName.get(CLASS, source),
            CodeBlock.of("$T.class", source)))
        .addMethod(getter("rowType", ParameterizedTypeName.get(CLASS, row),
            CodeBlock.of("$T.class", row)))
        .addMethod(getter("rowTypeInfo", ParameterizedTypeName.get(TYPE_INFORMATION, row),
            CodeBlock.of("new $T<>($T.class, $T::new)", GENERATED_TYPE_INFO, row,
                model.generated("RowSerializer"))))
        .addMethod(getter("projection", ParameterizedTypeName.get(PROJECTION, source, input),
            CodeBlock.of("new $T()", projection)))
        .addMethod(getter("inputType", ParameterizedTypeName.get(TYPE_INFORMATION, input),
            CodeBlock.of("new $T<>($T.class, $T::new)", GENERATED_TYPE_INFO, input,
                model.generated("InputSerializer"))))
        .addMethod(getter("keySelector", ParameterizedTypeName.get(KEY_SELECTOR, input, key),
            CodeBlock.of("new $T()", keySelector)))
        .addMethod(getter("keyType", ParameterizedTypeName.get(TYPE_INFORMATION, key),
            keyTypeInfo(model)))
        .addMethod(getter("aggregation", ParameterizedTypeName.get(AGGREGATION, input, acc, row),
            CodeBlock.of("new $T()", model.generated("Aggregation"))))
        .addMethod(getter("accumulatorType", ParameterizedTypeName.get(TYPE_INFORMATION, acc),
            CodeBlock.of("new $T<>($T.class, $T::new)", GENERATED_TYPE_INFO, acc,
                model.generated("AccumulatorSerializer"))))
        .addMethod(getter("codec", ParameterizedTypeName.get(CODEC, row),
            CodeBlock.of("new $T()", model.generated("AvroCodec"))))
        .addMethod(MethodSpec.methodBuilder("readResolve")
            .addJavadoc("Keeps the instance unique when Flink ships it to task managers.\n")
            .addModifiers(Modifier.PRIVATE)
            .returns(Object.class)
            .addStatement("return INSTANCE")
            .build())
        .addType(projection(model, projection))
        .addType(keyExtractor(model, keySelector, key));
    return GeneratedCode.file(model, type.build());
  }

  private static MethodSpec getter(String name, TypeName returns, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns)
        .addStatement("return $L", value)
        .build();
  }

  private static CodeBlock info(FeatureGroupModel model) {
    List<CodeBlock> windows = model.windows().stream().map(FeatureGroupWriter::window).toList();
    List<CodeBlock> keys = model.keys().stream()
        .map(k -> CodeBlock.of("$S", k.featureName())).toList();
    String eventTimeFeature = model.features().stream()
        .filter(f -> f.role() == FeatureModel.Role.WINDOW_END)
        .map(FeatureModel::featureName)
        .findFirst()
        .orElseThrow();
    return CodeBlock.builder()
        .add("new $T(\n", INFO)
        .indent().indent()
        .add("$S,\n", model.nameTemplate())
        .add("$L,\n", model.version())
        .add("$S,\n", model.description())
        .add("$L,\n", model.online())
        .add("$T.of(\n", LIST)
        .indent().indent()
        .add(CodeBlock.join(windows, ",\n"))
        .add("),\n")
        .unindent().unindent()
        .add("$T.of($L),\n", LIST, CodeBlock.join(keys, ", "))
        .add("$S,\n", eventTimeFeature)
        .add("$T.ofMillis($L))", DURATION, millis(model.maxOutOfOrdernessMillis()))
        .unindent().unindent()
        .build();
  }

  private static CodeBlock window(WindowModel window) {
    CodeBlock spec = window.tumbling()
        ? CodeBlock.of("$T.tumbling($T.ofMillis($L))", WINDOW_SPEC, DURATION,
            millis(window.sizeMillis()))
        : CodeBlock.of("$T.sliding($T.ofMillis($L), $T.ofMillis($L))", WINDOW_SPEC,
            DURATION, millis(window.sizeMillis()), DURATION, millis(window.slideMillis()));
    return window.explicitLabel() == null
        ? spec
        : CodeBlock.of("$L.withLabel($S)", spec, window.explicitLabel());
  }

  /** A long literal with digit grouping, so {@code 3_600_000L} reads as an hour. */
  private static String millis(long value) {
    return String.format(Locale.ROOT, "%,d", value).replace(',', '_') + "L";
  }

  private static TypeSpec projection(FeatureGroupModel model, ClassName name) {
    ClassName source = model.sourceClass();
    ClassName input = model.inputClass();
    CodeBlock eventTime = GeneratedCode.read(model.eventTime().access(), "event");
    MethodSpec.Builder project = MethodSpec.methodBuilder("project")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(input)
        .addParameter(source, "event")
        .addStatement("$T input = new $T()", input, input);
    for (InputField field : model.inputFields()) {
      project.addStatement("input.$N = $L", field.name(),
          GeneratedCode.read(field.access(), "event"));
    }
    project.addStatement("input.$N = eventTimeMillis(event)", InputField.EVENT_TIME)
        .addStatement("return input");
    return TypeSpec.classBuilder(name)
        .addJavadoc("Copies what the aggregation needs out of a {@link $T}.\n", source)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(PROJECTION, source, input))
        .addField(GeneratedCode.serialVersionUid())
        .addMethod(MethodSpec.methodBuilder("eventTimeMillis")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.LONG)
            .addParameter(source, "event")
            .addStatement(model.eventTime().instant()
                ? CodeBlock.of("return $L.toEpochMilli()", eventTime)
                : CodeBlock.of("return $L", eventTime))
            .build())
        .addMethod(project.build())
        .build();
  }

  private static TypeSpec keyExtractor(FeatureGroupModel model, ClassName name, TypeName key) {
    ClassName input = model.inputClass();
    MethodSpec.Builder getKey = MethodSpec.methodBuilder("getKey")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(key)
        .addParameter(input, "input");
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(KEY_SELECTOR, input, key))
        .addField(GeneratedCode.serialVersionUid());
    if (model.keys().size() == 1) {
      type.addJavadoc("Keys by the primary key's value.\n");
      getKey.addStatement("return input.$N", model.keys().get(0).input().name());
      return type.addMethod(getKey.build()).build();
    }
    type.addJavadoc("Keys by all primary keys, each written as length, ':' and text, so distinct"
        + " key tuples never collide.\n");
    getKey.addStatement("$T key = new $T()", StringBuilder.class, StringBuilder.class);
    for (FeatureModel k : model.keys()) {
      InputField field = k.input();
      getKey.addStatement(field.type().isNullable()
          ? field.type().kind() == ValueType.Kind.STRING
              ? CodeBlock.of("append(key, input.$N)", field.name())
              : CodeBlock.of("append(key, input.$N == null ? null : input.$N.toString())",
                  field.name(), field.name())
          : CodeBlock.of("append(key, $T.valueOf(input.$N))", String.class, field.name()));
    }
    getKey.addStatement("return key.toString()");
    return type.addMethod(getKey.build())
        .addMethod(MethodSpec.methodBuilder("append")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(StringBuilder.class, "key")
            .addParameter(String.class, "part")
            .beginControlFlow("if (part == null)")
            .addStatement("key.append($S)", "-;")
            .nextControlFlow("else")
            .addStatement("key.append(part.length()).append(':').append(part)")
            .endControlFlow()
            .build())
        .build();
  }

  private static TypeName keyType(FeatureGroupModel model) {
    return model.keys().size() == 1
        ? model.keys().get(0).input().type().boxedTypeName()
        : ClassName.get(String.class);
  }

  private static CodeBlock keyTypeInfo(FeatureGroupModel model) {
    if (model.keys().size() != 1) {
      return CodeBlock.of("$T.STRING", FLINK_TYPES);
    }
    String constant = switch (model.keys().get(0).input().type().kind()) {
      case STRING -> "STRING";
      case BOOLEAN -> "BOOLEAN";
      case BYTE -> "BYTE";
      case SHORT -> "SHORT";
      case INT -> "INT";
      case LONG -> "LONG";
      default -> throw new AssertionError("validated key kind");
    };
    return CodeBlock.of("$T.$N", FLINK_TYPES, constant);
  }
}
