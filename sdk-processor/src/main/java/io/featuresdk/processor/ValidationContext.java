package io.featuresdk.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * What every validator of one {@code @FeatureGroup} class shares: the compiler's utilities, the
 * annotation access that keeps class literals as mirrors, and the reporter that places each
 * message on element, annotation and member and counts the errors.
 */
final class ValidationContext {
  static final String FEATURE_GROUP = "io.featuresdk.annotations.FeatureGroup";
  static final String PRIMARY_KEY = "io.featuresdk.annotations.PrimaryKey";
  static final String WINDOW_END = "io.featuresdk.annotations.WindowEnd";
  static final String WINDOW_START = "io.featuresdk.annotations.WindowStart";
  static final String DERIVED = "io.featuresdk.annotations.Derived";
  static final String SLIDING = "io.featuresdk.annotations.SlidingWindow";
  static final String TUMBLING = "io.featuresdk.annotations.TumblingWindow";

  final Elements elements;
  final Types types;
  private final Messager messager;
  private final RepeatedAnnotationLocator repeated;
  private int errors;

  ValidationContext(
      Elements elements, Types types, Messager messager, RepeatedAnnotationLocator repeated) {
    this.elements = elements;
    this.types = types;
    this.messager = messager;
    this.repeated = repeated;
  }

  int errorCount() {
    return errors;
  }

  /** Remembers that {@code item} is the {@code index}-th annotation of a repeated container. */
  void rememberRepeated(AnnotationMirror item, int index) {
    repeated.remember(item, index);
  }

  Optional<AnnotationMirror> mirror(Element element, String qualifiedName) {
    return element.getAnnotationMirrors().stream()
        .filter(m -> qualifiedName(m).equals(qualifiedName))
        .map(m -> (AnnotationMirror) m)
        .findFirst();
  }

  /** A member's value, with defaults; class literals stay mirrors, never {@code Class} objects. */
  AnnotationValue value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException(qualifiedName(mirror) + " has no member " + member);
  }

  /** A {@code String} member when it is written and not empty. */
  Optional<AnnotationValue> explicit(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)
          && entry.getValue().getValue() instanceof String text && !text.isEmpty()) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The SDK value type of {@code type}, or empty when features cannot carry it. */
  Optional<ValueType> valueType(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN: return Optional.of(ValueType.primitive(ValueType.Kind.BOOLEAN));
      case BYTE: return Optional.of(ValueType.primitive(ValueType.Kind.BYTE));
      case SHORT: return Optional.of(ValueType.primitive(ValueType.Kind.SHORT));
      case INT: return Optional.of(ValueType.primitive(ValueType.Kind.INT));
      case LONG: return Optional.of(ValueType.primitive(ValueType.Kind.LONG));
      case FLOAT: return Optional.of(ValueType.primitive(ValueType.Kind.FLOAT));
      case DOUBLE: return Optional.of(ValueType.primitive(ValueType.Kind.DOUBLE));
      case DECLARED:
        break;
      default:
        return Optional.empty();
    }
    String name = ((TypeElement) types.asElement(type)).getQualifiedName().toString();
    return switch (name) {
      case "java.lang.Boolean" -> Optional.of(ValueType.boxedOf(ValueType.Kind.BOOLEAN));
      case "java.lang.Byte" -> Optional.of(ValueType.boxedOf(ValueType.Kind.BYTE));
      case "java.lang.Short" -> Optional.of(ValueType.boxedOf(ValueType.Kind.SHORT));
      case "java.lang.Integer" -> Optional.of(ValueType.boxedOf(ValueType.Kind.INT));
      case "java.lang.Long" -> Optional.of(ValueType.boxedOf(ValueType.Kind.LONG));
      case "java.lang.Float" -> Optional.of(ValueType.boxedOf(ValueType.Kind.FLOAT));
      case "java.lang.Double" -> Optional.of(ValueType.boxedOf(ValueType.Kind.DOUBLE));
      case "java.lang.String" -> Optional.of(ValueType.reference(ValueType.Kind.STRING));
      case "java.time.Instant" -> Optional.of(ValueType.reference(ValueType.Kind.INSTANT));
      default -> Optional.empty();
    };
  }

  /**
   * The SDK value type of a feature field's {@code type}: a {@link #valueType}, or a
   * {@code List} of one of {@link ValueType#LIST_ELEMENTS}; empty when features cannot carry it.
   */
  Optional<ValueType> featureValueType(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals("java.util.List")) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.size() != 1) {
        return Optional.empty();
      }
      return valueType(arguments.get(0))
          .filter(element -> element.isNullable()
              && ValueType.LIST_ELEMENTS.contains(element.kind()))
          .map(element -> ValueType.listOf(element.kind()));
    }
    return valueType(type);
  }

  /** Prints {@code message} on the element, annotation and member at fault; counts errors. */
  void report(Messages message, Element element, AnnotationMirror mirror,
      AnnotationValue value, Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    String text = message.format(args);
    // javac cannot place a diagnostic inside the container it synthesizes for repeated
    // annotations; the locator finds the written annotation instead.
    if (!repeated.printMessage(message.kind(), text, element, mirror, value)) {
      messager.printMessage(message.kind(), text, element, mirror, value);
    }
  }
}
