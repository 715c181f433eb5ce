package io.featuresdk.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.featuresdk.processor.FeatureGroupModel.SourceAccess;
import javax.lang.model.element.Modifier;

/** What every writer shares: the class header, the file settings and feature field access. */
final class GeneratedCode {
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final String PROCESSOR = "io.featuresdk.processor.FeatureGroupProcessor";

  private GeneratedCode() {}

  /** A public final class with {@code @Generated} and the feature class as originating element. */
  static TypeSpec.Builder publicFinalClass(FeatureGroupModel model, ClassName name) {
    return TypeSpec.classBuilder(name)
        .addOriginatingElement(model.originatingElement())
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", PROCESSOR)
            .build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
  }

  static FieldSpec serialVersionUid() {
    return FieldSpec.builder(TypeName.LONG, "serialVersionUID",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("1L")
        .build();
  }

  static JavaFile file(FeatureGroupModel model, TypeSpec type) {
    return JavaFile.builder(model.featureClass().packageName(), type)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** Reads a feature from the row variable {@code row}: the field, or its getter. */
  static CodeBlock read(FeatureModel feature, String row) {
    return feature.getter() == null
        ? CodeBlock.of("$N.$N", row, feature.fieldName())
        : CodeBlock.of("$N.$N()", row, feature.getter());
  }

  /** A statement setting a feature on the row variable {@code row}. */
  static CodeBlock write(FeatureModel feature, String row, CodeBlock value) {
    return feature.setter() == null
        ? CodeBlock.of("$N.$N = $L;\n", row, feature.fieldName(), value)
        : CodeBlock.of("$N.$N($L);\n", row, feature.setter(), value);
  }

  /** Reads a source field from the event variable {@code event}. */
  static CodeBlock read(SourceAccess access, String event) {
    if (access.owner() != null) {
      return CodeBlock.of("$T.$N($N)", access.owner(), access.member(), event);
    }
    return access.method()
        ? CodeBlock.of("$N.$N()", event, access.member())
        : CodeBlock.of("$N.$N", event, access.member());
  }
}
