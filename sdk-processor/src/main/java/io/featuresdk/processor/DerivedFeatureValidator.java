package io.featuresdk.processor;

import io.featuresdk.processor.Candidate.Filled;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Validates {@code @Derived} features: the method they name is a non-private, no-argument
 * instance method of the feature class returning exactly the field's type, so the generated
 * {@code toRow} can call it on the row it has just filled.
 */
final class DerivedFeatureValidator {
  private final ValidationContext context;

  DerivedFeatureValidator(ValidationContext context) {
    this.context = context;
  }

  Optional<Filled> derived(Candidate candidate) {
    AnnotationValue value = context.value(candidate.role(), "value");
    String name = (String) value.getValue();
    TypeElement owner = (TypeElement) candidate.field().getEnclosingElement();
    List<ExecutableElement> methods = ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(name))
        .map(m -> (ExecutableElement) m)
        .toList();
    String problem = "the class has no method " + name + "()";
    for (ExecutableElement method : methods) {
      if (!method.getParameters().isEmpty()) {
        problem = name + " takes parameters";
      } else if (method.getModifiers().contains(Modifier.STATIC)) {
        problem = name + "() is static";
      } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
        problem = name + "() is private";
      } else if (!context.types.isSameType(method.getReturnType(), candidate.field().asType())) {
        problem = name + "() returns " + method.getReturnType();
      } else {
        return Optional.of(new Filled(FeatureModel.Role.DERIVED,
            Candidate.avroType(candidate.type(), false), null, null, null, name));
      }
    }
    context.report(Messages.DERIVED_FEATURE_METHOD, candidate.field(), candidate.role(), value,
        name, candidate.fieldName(), problem, candidate.field().asType(), name,
        owner.getSimpleName());
    return Optional.empty();
  }
}
