package io.featuresdk.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Validates the annotated class itself: a concrete class generated code can instantiate, whose
 * features are all declared in it (not inherited).
 */
final class ClassShapeValidator {
  private final ValidationContext context;

  ClassShapeValidator(ValidationContext context) {
    this.context = context;
  }

  void check(TypeElement type, AnnotationMirror group) {
    if (type.getKind() != ElementKind.CLASS) {
      context.report(Messages.FEATURE_CLASS_KIND, type, group, null, type.getSimpleName(),
          Names.withArticle(type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ')));
      return;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      context.report(Messages.FEATURE_CLASS_KIND, type, group, null, type.getSimpleName(),
          "abstract");
    }
    if (type.getNestingKind() != NestingKind.TOP_LEVEL) {
      if (type.getNestingKind() != NestingKind.MEMBER) {
        context.report(Messages.FEATURE_CLASS_NESTING, type, group, null,
            type.getSimpleName(), "a local or anonymous class");
      } else if (!type.getModifiers().contains(Modifier.STATIC)) {
        context.report(Messages.FEATURE_CLASS_NESTING, type, group, null,
            type.getSimpleName(), "an inner (non-static) class");
      } else if (type.getModifiers().contains(Modifier.PRIVATE)) {
        context.report(Messages.FEATURE_CLASS_NESTING, type, group, null,
            type.getSimpleName(), "private");
      }
    }
    boolean hasNoArgConstructor =
        ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .anyMatch(c -> c.getParameters().isEmpty()
                && !c.getModifiers().contains(Modifier.PRIVATE));
    if (!hasNoArgConstructor) {
      context.report(Messages.NO_NO_ARG_CONSTRUCTOR, type, group, null,
          type.getSimpleName(), type.getSimpleName());
    }
    checkInheritedFeatures(type, group);
  }

  /** Feature annotations on superclass fields would be silently ignored: say so. */
  private void checkInheritedFeatures(TypeElement type, AnnotationMirror group) {
    TypeMirror superclass = type.getSuperclass();
    while (superclass.getKind() == TypeKind.DECLARED) {
      TypeElement parent = (TypeElement) ((DeclaredType) superclass).asElement();
      List<String> annotated = new ArrayList<>();
      for (VariableElement field : ElementFilter.fieldsIn(parent.getEnclosedElements())) {
        if (field.getAnnotationMirrors().stream().anyMatch(FeatureFieldValidator::isRole)) {
          annotated.add(field.getSimpleName().toString());
        }
      }
      if (!annotated.isEmpty()) {
        context.report(Messages.INHERITED_FEATURES, type, group, null, parent.getSimpleName(),
            String.join(", ", annotated), type.getSimpleName());
      }
      superclass = parent.getSuperclass();
    }
  }
}
