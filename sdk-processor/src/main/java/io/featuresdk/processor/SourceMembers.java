package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import io.featuresdk.processor.FeatureGroupModel.SourceAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The source type as the feature class's package sees it: its readable members by field name,
 * and the input fields projected from it so far (each source field once, keys first).
 */
final class SourceMembers {
  /** A readable member of the source type. */
  record Member(SourceAccess access, TypeMirror type) {}

  private final ValidationContext context;
  private final TypeElement source;
  private final TypeElement featureClass;
  private final Map<String, Member> members;
  private final Map<String, InputField> inputs = new LinkedHashMap<>();

  SourceMembers(ValidationContext context, TypeElement source, TypeElement featureClass) {
    this.context = context;
    this.source = source;
    this.featureClass = featureClass;
    this.members = readableMembers();
  }

  TypeElement source() {
    return source;
  }

  /** The input fields used so far, in first-use order. */
  List<InputField> inputs() {
    return new ArrayList<>(inputs.values());
  }

  Optional<Member> readable(String name) {
    return Optional.ofNullable(members.get(name));
  }

  /** The readable field names, for messages. */
  String available() {
    return members.isEmpty() ? "(none)" : String.join(", ", members.keySet());
  }

  /**
   * The input field for {@code sourceField}, added on first use; reports (on {@code element},
   * {@code mirror}, {@code at}) a field that is unknown, unreadable or of an unsupported type.
   */
  Optional<InputField> input(
      String sourceField, Element element, AnnotationMirror mirror, AnnotationValue at) {
    InputField known = inputs.get(sourceField);
    if (known != null) {
      return Optional.of(known);
    }
    Member member = members.get(sourceField);
    List<ExecutableElement> derivations = derivations(sourceField);
    if (member != null && !derivations.isEmpty()) {
      context.report(Messages.AMBIGUOUS_INPUT, element, mirror, at, sourceField,
          source.getSimpleName(), sourceField, featureClass.getSimpleName(), sourceField);
      return Optional.empty();
    }
    if (member == null && !derivations.isEmpty()) {
      Optional<Member> derived = derived(derivations, element, mirror, at);
      if (derived.isEmpty()) {
        return Optional.empty();
      }
      member = derived.get();
    }
    if (member == null) {
      reportMissing(sourceField, element, mirror, at);
      return Optional.empty();
    }
    Optional<ValueType> valueType = context.valueType(member.type());
    if (valueType.isEmpty()) {
      boolean derived = member.access().owner() != null;
      context.report(Messages.UNSUPPORTED_SOURCE_TYPE, element, mirror, at,
          derived ? featureClass.getSimpleName() : source.getSimpleName(),
          derived ? sourceField + "(event)" : sourceField, member.type());
      return Optional.empty();
    }
    InputField input = new InputField(
        inputFieldName(sourceField), sourceField, valueType.get(), member.access());
    inputs.put(sourceField, input);
    return Optional.of(input);
  }

  /** The static methods of the feature class named {@code name}: candidate derived inputs. */
  private List<ExecutableElement> derivations(String name) {
    return ElementFilter.methodsIn(featureClass.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(name)
            && m.getModifiers().contains(Modifier.STATIC))
        .map(m -> (ExecutableElement) m)
        .toList();
  }

  /**
   * A derived input: the one static method among {@code methods} that takes the event and is
   * callable from generated code in the same package; reports why none is.
   */
  private Optional<Member> derived(List<ExecutableElement> methods, Element element,
      AnnotationMirror mirror, AnnotationValue at) {
    String problem = null;
    for (ExecutableElement method : methods) {
      if (method.getParameters().size() != 1
          || !context.types.isAssignable(source.asType(), method.getParameters().get(0).asType())) {
        problem = "it takes (" + method.getParameters().stream()
            .map(p -> p.asType().toString()).collect(Collectors.joining(", "))
            + "), not one " + source.getSimpleName();
      } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
        problem = "it is private";
      } else if (method.getReturnType().getKind() == TypeKind.VOID) {
        problem = "it returns nothing";
      } else {
        return Optional.of(new Member(new SourceAccess(method.getSimpleName().toString(), true,
            ClassName.get(featureClass)), method.getReturnType()));
      }
    }
    String name = methods.get(0).getSimpleName().toString();
    context.report(Messages.DERIVED_METHOD_SIGNATURE, element, mirror, at,
        featureClass.getSimpleName(), name, problem, name, source.getSimpleName());
    return Optional.empty();
  }

  /**
   * The generated input class's field for {@code sourceField}: its own name, unless that is the
   * name of the input's event-time field, then one no source field has.
   */
  private String inputFieldName(String sourceField) {
    String name = sourceField;
    while (name.equals(InputField.EVENT_TIME)
        || (!name.equals(sourceField) && members.containsKey(name))) {
      name = name + "_";
    }
    return name;
  }

  private void reportMissing(
      String fieldName, Element element, AnnotationMirror mirror, AnnotationValue at) {
    boolean declared = ElementFilter.fieldsIn(context.elements.getAllMembers(source)).stream()
        .anyMatch(f -> f.getSimpleName().contentEquals(fieldName));
    if (declared && !fieldName.isEmpty()) {
      context.report(Messages.SOURCE_FIELD_NOT_READABLE, element, mirror, at,
          source.getSimpleName(), fieldName, context.elements.getPackageOf(featureClass),
          "get" + Character.toUpperCase(fieldName.charAt(0)) + fieldName.substring(1));
    } else {
      context.report(Messages.UNKNOWN_SOURCE_FIELD, element, mirror, at,
          source.getSimpleName(), fieldName, available());
    }
  }

  /**
   * Every source field readable from the feature class's package, by field name: through an
   * accessible getter, record accessor or field, in that order of preference.
   */
  private Map<String, Member> readableMembers() {
    PackageElement featurePackage = context.elements.getPackageOf(featureClass);
    Map<String, Member> found = new TreeMap<>();
    List<? extends Element> all = context.elements.getAllMembers(source);
    for (VariableElement field : ElementFilter.fieldsIn(all)) {
      if (!field.getModifiers().contains(Modifier.STATIC) && accessible(field, featurePackage)) {
        found.put(field.getSimpleName().toString(),
            new Member(new SourceAccess(field.getSimpleName().toString(), false), field.asType()));
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(all)) {
      if (method.getModifiers().contains(Modifier.STATIC)
          || !method.getParameters().isEmpty()
          || method.getReturnType().getKind() == TypeKind.VOID
          || !accessible(method, featurePackage)
          || method.getEnclosingElement().toString().equals("java.lang.Object")) {
        continue;
      }
      propertyName(method).ifPresent(property -> found.put(property,
          new Member(new SourceAccess(method.getSimpleName().toString(), true),
              method.getReturnType())));
    }
    for (RecordComponentElement component
        : ElementFilter.recordComponentsIn(source.getEnclosedElements())) {
      ExecutableElement accessor = component.getAccessor();
      if (accessor != null && accessible(accessor, featurePackage)) {
        found.put(component.getSimpleName().toString(),
            new Member(new SourceAccess(accessor.getSimpleName().toString(), true),
                accessor.getReturnType()));
      }
    }
    return found;
  }

  private static Optional<String> propertyName(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    if (name.startsWith("get") && name.length() > 3 && Character.isUpperCase(name.charAt(3))) {
      return Optional.of(decapitalize(name.substring(3)));
    }
    if (name.startsWith("is") && name.length() > 2 && Character.isUpperCase(name.charAt(2))
        && method.getReturnType().getKind() == TypeKind.BOOLEAN) {
      return Optional.of(decapitalize(name.substring(2)));
    }
    return Optional.empty();
  }

  private static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** Whether generated code in package {@code from} may use {@code member}. */
  private boolean accessible(Element member, PackageElement from) {
    Set<Modifier> modifiers = member.getModifiers();
    if (modifiers.contains(Modifier.PUBLIC)) {
      return true;
    }
    return !modifiers.contains(Modifier.PRIVATE)
        && context.elements.getPackageOf(member).equals(from);
  }
}
