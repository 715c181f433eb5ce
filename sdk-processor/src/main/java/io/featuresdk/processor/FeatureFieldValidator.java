package io.featuresdk.processor;

import io.featuresdk.processor.Candidate.Filled;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * Validates the fields of a feature class: one role annotation each, a modifiable instance field
 * of a storable type, a valid unique feature name, reachable by generated code. Role-specific
 * checks are delegated to {@link KeyAndTimeValidator}, {@link AggregateValidator} and
 * {@link DerivedFeatureValidator}.
 */
final class FeatureFieldValidator {
  /** The features of a class: the source fields they read, keys in key order, all in order. */
  record Features(List<InputField> inputs, List<FeatureModel> keys, List<FeatureModel> all) {}

  private final ValidationContext context;
  private final KeyAndTimeValidator keysAndTime;
  private final AggregateValidator aggregates;
  private final DerivedFeatureValidator derived;

  FeatureFieldValidator(ValidationContext context) {
    this.context = context;
    this.keysAndTime = new KeyAndTimeValidator(context);
    this.aggregates = new AggregateValidator(context);
    this.derived = new DerivedFeatureValidator(context);
  }

  /** Whether {@code mirror} gives a field a feature role. */
  static boolean isRole(AnnotationMirror mirror) {
    String name = ValidationContext.qualifiedName(mirror);
    return name.equals(ValidationContext.PRIMARY_KEY)
        || name.equals(ValidationContext.WINDOW_END)
        || name.equals(ValidationContext.WINDOW_START)
        || name.equals(ValidationContext.DERIVED)
        || AggregateParts.forAnnotation(name).isPresent();
  }

  Features features(TypeElement type, AnnotationMirror group, SourceMembers source) {
    List<Candidate> candidates = candidates(type);
    Map<VariableElement, FeatureModel> built = new LinkedHashMap<>();
    // Keys first, so the input record and the accumulator start with them.
    for (Candidate candidate : candidates) {
      if (candidate.roleName().equals(ValidationContext.PRIMARY_KEY)) {
        keysAndTime.key(candidate, source).flatMap(f -> feature(candidate, f))
            .ifPresent(f -> built.put(candidate.field(), f));
      }
    }
    List<FeatureModel> keys = new ArrayList<>(built.values());
    VariableElement windowEnd = null;
    for (Candidate candidate : candidates) {
      String role = candidate.roleName();
      Optional<Filled> filled;
      if (role.equals(ValidationContext.PRIMARY_KEY)) {
        continue;
      } else if (role.equals(ValidationContext.WINDOW_END) && windowEnd != null) {
        context.report(Messages.SEVERAL_WINDOW_ENDS, candidate.field(), candidate.role(), null,
            candidate.fieldName(), windowEnd.getSimpleName());
        continue;
      } else if (role.equals(ValidationContext.WINDOW_END)
          || role.equals(ValidationContext.WINDOW_START)) {
        windowEnd = role.equals(ValidationContext.WINDOW_END) ? candidate.field() : windowEnd;
        filled = keysAndTime.windowTime(candidate);
      } else if (role.equals(ValidationContext.DERIVED)) {
        filled = derived.derived(candidate);
      } else {
        filled = aggregates.aggregate(candidate, source);
      }
      filled.flatMap(f -> feature(candidate, f)).ifPresent(f -> built.put(candidate.field(), f));
    }
    if (candidates.stream().noneMatch(c -> c.roleName().equals(ValidationContext.PRIMARY_KEY))) {
      context.report(Messages.NO_PRIMARY_KEY, type, group, null, type.getSimpleName());
    }
    if (windowEnd == null) {
      context.report(Messages.NO_WINDOW_END, type, group, null, type.getSimpleName());
    }

    // Declaration order is the Avro field order; names must be unique within it.
    List<FeatureModel> all = new ArrayList<>();
    Map<String, FeatureModel> byName = new HashMap<>();
    for (Candidate candidate : candidates) {
      FeatureModel feature = built.get(candidate.field());
      if (feature == null) {
        continue;
      }
      FeatureModel previous = byName.putIfAbsent(feature.featureName(), feature);
      if (previous != null) {
        context.report(Messages.DUPLICATE_FEATURE_NAME, candidate.field(), candidate.role(),
            context.explicit(candidate.role(), "name").orElse(null),
            feature.featureName(), feature.fieldName(), previous.fieldName());
        continue;
      }
      all.add(feature);
    }
    return new Features(source.inputs(), keys, all);
  }

  /** Fields with exactly one role, of a type features can carry; reports the others. */
  private List<Candidate> candidates(TypeElement type) {
    List<Candidate> candidates = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      List<AnnotationMirror> roles = field.getAnnotationMirrors().stream()
          .filter(FeatureFieldValidator::isRole)
          .map(m -> (AnnotationMirror) m)
          .toList();
      boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
      boolean isTransient = field.getModifiers().contains(Modifier.TRANSIENT);
      if (roles.isEmpty()) {
        if (!isStatic && !isTransient) {
          context.report(Messages.UNANNOTATED_FIELD, field, null, null, field.getSimpleName());
        }
        continue;
      }
      if (isStatic || isTransient) {
        String modifier = isStatic ? "static" : "transient";
        context.report(Messages.IGNORED_FIELD_WITH_ROLE, field, roles.get(0), null,
            field.getSimpleName(), modifier, ValidationContext.simpleName(roles.get(0)),
            modifier);
        continue;
      }
      if (roles.size() > 1) {
        context.report(Messages.SEVERAL_ROLES, field, roles.get(1), null, field.getSimpleName(),
            ValidationContext.simpleName(roles.get(0)), ValidationContext.simpleName(roles.get(1)));
        continue;
      }
      if (field.getModifiers().contains(Modifier.FINAL)) {
        context.report(Messages.FINAL_FEATURE_FIELD, field, null, null, field.getSimpleName());
      }
      Optional<ValueType> valueType = context.featureValueType(field.asType());
      if (valueType.isEmpty()) {
        context.report(Messages.UNSUPPORTED_FEATURE_TYPE, field, null, null,
            field.getSimpleName(), field.asType());
        continue;
      }
      candidates.add(new Candidate(field, roles.get(0), valueType.get()));
    }
    return candidates;
  }

  /** Builds a feature after checking its name and how generated code reaches the field. */
  private Optional<FeatureModel> feature(Candidate candidate, Filled filled) {
    VariableElement field = candidate.field();
    String fieldName = candidate.fieldName();
    Optional<AnnotationValue> explicit = context.explicit(candidate.role(), "name");
    String featureName =
        explicit.map(v -> (String) v.getValue()).orElse(Names.snakeCase(fieldName));
    Optional<String> problem = Names.problem(featureName);
    if (problem.isPresent()) {
      context.report(Messages.INVALID_FEATURE_NAME, field, candidate.role(), explicit.orElse(null),
          featureName, problem.get(), Names.suggest(featureName, "feature_" + Names.suggest(
              fieldName.replaceAll("[^A-Za-z0-9]", ""), "value", 40), Names.MAX_LENGTH));
      return Optional.empty();
    }
    String getter = null;
    String setter = null;
    if (field.getModifiers().contains(Modifier.PRIVATE)) {
      TypeElement owner = (TypeElement) field.getEnclosingElement();
      String capitalized = Character.toUpperCase(fieldName.charAt(0)) + fieldName.substring(1);
      getter = findGetter(owner, field, capitalized);
      setter = findSetter(owner, field, "set" + capitalized);
      if (getter == null || setter == null) {
        String missing = getter == null && setter == null
            ? "a getter and a setter"
            : getter == null ? "a getter get" + capitalized + "()" : "a setter set" + capitalized
                + "(" + candidate.type() + ")";
        context.report(Messages.PRIVATE_FIELD_WITHOUT_ACCESSORS, field, null, null,
            fieldName, missing);
        return Optional.empty();
      }
    }
    return Optional.of(new FeatureModel(fieldName, featureName, candidate.type(), getter, setter,
        filled.role(), filled.avroType(), filled.input(), filled.part(), filled.filter(), filled.derivation()));
  }

  private String findGetter(TypeElement owner, VariableElement field, String capitalized) {
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      String name = method.getSimpleName().toString();
      boolean named = name.equals("get" + capitalized)
          || (name.equals("is" + capitalized) && field.asType().getKind() == TypeKind.BOOLEAN);
      if (named && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.PRIVATE)
          && !method.getModifiers().contains(Modifier.STATIC)
          && context.types.isSameType(method.getReturnType(), field.asType())) {
        return name;
      }
    }
    return null;
  }

  private String findSetter(TypeElement owner, VariableElement field, String name) {
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(name) && method.getParameters().size() == 1
          && !method.getModifiers().contains(Modifier.PRIVATE)
          && !method.getModifiers().contains(Modifier.STATIC)
          && context.types.isSameType(method.getParameters().get(0).asType(), field.asType())) {
        return name;
      }
    }
    return null;
  }
}
