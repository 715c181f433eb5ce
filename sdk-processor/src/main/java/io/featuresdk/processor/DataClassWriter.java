package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the plain mutable data classes: {@code X_Input} (the projected source event) and
 * {@code X_Accumulator} (one window slice's running state). Their serializers are written by
 * {@link SerializerWriter} from the same layout.
 */
final class DataClassWriter {
  private DataClassWriter() {}

  static JavaFile input(FeatureGroupModel model) {
    return write(model, model.inputClass(), model.inputLayout(),
        "The fields of one {@link $T} event that {@link $T} aggregates: keys, event time and"
            + " aggregated values.\n",
        model.sourceClass(), model.featureClass());
  }

  static JavaFile accumulator(FeatureGroupModel model) {
    return write(model, model.accumulatorClass(), model.accumulatorLayout(),
        "The running state of {@link $T} over a set of events, updated in place.\n",
        model.featureClass());
  }

  private static JavaFile write(FeatureGroupModel model, ClassName name, List<DataField> layout,
      String javadoc, Object... javadocArgs) {
    TypeSpec.Builder type = GeneratedCode.publicFinalClass(model, name)
        .addJavadoc(javadoc, javadocArgs);
    for (DataField field : layout) {
      FieldSpec.Builder spec =
          FieldSpec.builder(field.type().typeName(), field.name(), Modifier.PUBLIC);
      if (field.doc() != null) {
        spec.addJavadoc("$L\n", field.doc());
      }
      type.addField(spec.build());
    }
    return GeneratedCode.file(model, type.build());
  }
}
