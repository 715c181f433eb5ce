package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code X_Aggregation}: the per-event {@code add}, the slice {@code merge} and the row
 * construction, stitched together from each feature's {@link AggregatePart} code.
 */
final class AggregationWriter {
  private static final ClassName FEATURE_AGGREGATION =
      ClassName.get("io.featuresdk.runtime.spi", "FeatureAggregation");
  private static final ClassName INSTANT = ClassName.get("java.time", "Instant");
  private static final String COUNT = AggregateContext.EVENT_COUNT;

  private AggregationWriter() {}

  static JavaFile write(FeatureGroupModel model) {
    ClassName input = model.inputClass();
    ClassName acc = model.accumulatorClass();
    ClassName row = model.featureClass();

    MethodSpec.Builder add = MethodSpec.methodBuilder("add")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(acc, "acc")
        .addParameter(input, "input");
    if (!model.keys().isEmpty()) {
      add.beginControlFlow("if (acc.$N == 0)", COUNT);
      for (FeatureModel key : model.keys()) {
        add.addStatement("acc.$N = input.$N", key.accumulatorKeyField(), key.input().name());
      }
      add.endControlFlow();
    }

    MethodSpec.Builder merge = MethodSpec.methodBuilder("merge")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(acc, "target")
        .addParameter(acc, "other");
    if (!model.keys().isEmpty()) {
      merge.beginControlFlow("if (target.$N == 0)", COUNT);
      for (FeatureModel key : model.keys()) {
        merge.addStatement("target.$N = other.$N",
            key.accumulatorKeyField(), key.accumulatorKeyField());
      }
      merge.endControlFlow();
    }

    MethodSpec.Builder toRow = MethodSpec.methodBuilder("toRow")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(row)
        .addParameter(acc, "acc")
        .addParameter(TypeName.LONG, "windowStartMillis")
        .addParameter(TypeName.LONG, "windowEndMillis")
        .addStatement("$T row = new $T()", row, row);

    for (FeatureModel feature : model.features()) {
      switch (feature.role()) {
        case PRIMARY_KEY -> toRow.addCode(GeneratedCode.write(feature, "row",
            CodeBlock.of("acc.$N", feature.accumulatorKeyField())));
        case WINDOW_END -> toRow.addCode(GeneratedCode.write(feature, "row",
            windowTime(feature, "windowEndMillis")));
        case WINDOW_START -> toRow.addCode(GeneratedCode.write(feature, "row",
            windowTime(feature, "windowStartMillis")));
        case AGGREGATE -> {
          AggregateContext context = feature.aggregateContext();
          boolean owner = feature.ownsState(model.features());
          add.addCode(addCode(feature, context, owner));
          if (owner) {
            merge.addCode(feature.part().merge(context));
          }
          toRow.addCode(GeneratedCode.write(feature, "row", resultCode(feature, context)));
          if (context.filter() != null) {
            merge.addStatement("target.$N += other.$N", context.countField(),
                context.countField());
          }
        }
        case DERIVED -> { } // computed from the filled row, below
      }
    }
    for (FeatureModel feature : model.features()) {
      if (feature.role() == FeatureModel.Role.DERIVED) {
        toRow.addCode(GeneratedCode.write(feature, "row",
            CodeBlock.of("row.$N()", feature.derivation())));
      }
    }
    // Parts test the event count to tell a first value from later ones, so it moves last.
    add.addStatement("acc.$N++", COUNT);
    merge.addStatement("target.$N += other.$N", COUNT, COUNT);
    toRow.addStatement("return row");

    TypeSpec type = GeneratedCode.publicFinalClass(model, model.generated("Aggregation"))
        .addJavadoc("Aggregates {@link $T} events into {@link $T} rows; allocation-free per event.\n",
            model.sourceClass(), row)
        .addSuperinterface(ParameterizedTypeName.get(FEATURE_AGGREGATION, input, acc, row))
        .addField(GeneratedCode.serialVersionUid())
        .addMethod(MethodSpec.methodBuilder("createAccumulator")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(acc)
            .addStatement("return new $T()", acc)
            .build())
        .addMethod(add.build())
        .addMethod(merge.build())
        .addMethod(MethodSpec.methodBuilder("isEmpty")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addParameter(acc, "acc")
            .addStatement("return acc.$N == 0", COUNT)
            .build())
        .addMethod(toRow.build())
        .addMethod(emptyRow(model))
        .build();
    return GeneratedCode.file(model, type);
  }

  /**
   * The row of a window in which the key of {@code keyed} had no event: key and window bounds set,
   * {@code @Count} features 0, every other feature left as the row's constructor leaves it (the
   * codec's {@code encodeEmpty} writes those as null).
   */
  private static MethodSpec emptyRow(FeatureGroupModel model) {
    ClassName row = model.featureClass();
    MethodSpec.Builder method = MethodSpec.methodBuilder("emptyRow")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(row)
        .addParameter(row, "keyed")
        .addParameter(TypeName.LONG, "windowStartMillis")
        .addParameter(TypeName.LONG, "windowEndMillis")
        .addStatement("$T row = new $T()", row, row);
    for (FeatureModel feature : model.features()) {
      switch (feature.role()) {
        case PRIMARY_KEY -> method.addCode(GeneratedCode.write(feature, "row",
            GeneratedCode.read(feature, "keyed")));
        case WINDOW_END -> method.addCode(GeneratedCode.write(feature, "row",
            windowTime(feature, "windowEndMillis")));
        case WINDOW_START -> method.addCode(GeneratedCode.write(feature, "row",
            windowTime(feature, "windowStartMillis")));
        case AGGREGATE -> {
          if (feature.keepsValueWhenEmpty()) {
            method.addCode(GeneratedCode.write(feature, "row", CodeBlock.of(
                feature.type().kind() == ValueType.Kind.LONG ? "0L" : "0")));
          }
        }
        case DERIVED -> { }
      }
    }
    return method.addStatement("return row").build();
  }

  /**
   * The part's add code (none when another feature owns the shared state); a filtered feature's
   * runs only for matching events, which it counts.
   */
  private static CodeBlock addCode(FeatureModel feature, AggregateContext context, boolean owner) {
    CodeBlock add = owner ? feature.part().add(context) : CodeBlock.of("");
    if (context.filter() == null) {
      return add;
    }
    // a null Boolean matches nothing
    CodeBlock matches = context.filter().type().isNullable()
        ? CodeBlock.of("$T.TRUE.equals(input.$N)", Boolean.class, context.filter().name())
        : CodeBlock.of("input.$N", context.filter().name());
    return CodeBlock.builder()
        .beginControlFlow("if ($L)", matches)
        .add(add)
        .addStatement("acc.$N++", context.countField())
        .endControlFlow()
        .build();
  }

  /** The part's result; {@code null} for a filtered feature that no event matched, if undefined. */
  private static CodeBlock resultCode(FeatureModel feature, AggregateContext context) {
    CodeBlock result = feature.part().result(context);
    if (context.filter() == null || feature.part().definedWhenEmpty()) {
      return result;
    }
    return CodeBlock.of("acc.$N > 0 ? ($L) : null", context.countField(), result);
  }

  private static CodeBlock windowTime(FeatureModel feature, String millis) {
    return feature.type().kind() == ValueType.Kind.INSTANT
        ? CodeBlock.of("$T.ofEpochMilli($N)", INSTANT, millis)
        : CodeBlock.of("$N", millis);
  }
}
