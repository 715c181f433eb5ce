package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import io.featuresdk.processor.FeatureGroupModel.EventTimeModel;
import io.featuresdk.processor.FeatureGroupModel.WindowModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns an {@code @FeatureGroup} class into a {@link FeatureGroupModel}, or reports every problem
 * it finds and returns empty. It and the validators it delegates to, one per concern, are the only
 * classes that read {@code javax.lang.model}:
 *
 * <ul>
 *   <li>{@link ClassShapeValidator}: the class itself;
 *   <li>{@link WindowValidator}: windows and durations;
 *   <li>{@link GroupNameValidator}: the group names the windows render;
 *   <li>{@link FeatureFieldValidator}: the fields, with {@link KeyAndTimeValidator} for keys and
 *       time and {@link AggregateValidator} for aggregates, over the {@link SourceMembers}.
 * </ul>
 *
 * Each problem is reported on the element, annotation and annotation member at fault, so IDEs
 * underline the member to fix.
 */
final class FeatureGroupValidator {
  static final String FEATURE_GROUP = ValidationContext.FEATURE_GROUP;

  private final ValidationContext context;

  /** Thrown when the source type is not resolvable yet; the processor retries next round. */
  static final class SourceNotResolvedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SourceNotResolvedException(String detail) {
      super(detail, null, false, false);
    }
  }

  FeatureGroupValidator(
      Elements elements, Types types, Messager messager, RepeatedAnnotationLocator repeated) {
    this.context = new ValidationContext(elements, types, messager, repeated);
  }

  /**
   * The model of {@code type}, or empty after reporting errors.
   *
   * @throws SourceNotResolvedException when the source type is not known yet
   */
  Optional<FeatureGroupModel> validate(TypeElement type) {
    AnnotationMirror group = context.mirror(type, FEATURE_GROUP).orElseThrow();
    Optional<TypeElement> source = sourceType(type, group);

    new ClassShapeValidator(context).check(type, group);
    String name = (String) context.value(group, "name").getValue();
    int version = (Integer) context.value(group, "version").getValue();
    String description = (String) context.value(group, "description").getValue();
    boolean online = (Boolean) context.value(group, "online").getValue();
    if (version < 1) {
      context.report(Messages.VERSION_NOT_POSITIVE, type, group, context.value(group, "version"),
          version);
    }
    WindowValidator windowValidator = new WindowValidator(context);
    List<DeclaredWindow> declared = windowValidator.windows(type, group);
    new GroupNameValidator(context).check(type, group, declared);
    List<WindowModel> windows = declared.stream().map(DeclaredWindow::model).toList();
    long maxOutOfOrderness = windowValidator.maxOutOfOrderness(type, group);
    if (source.isEmpty()) {
      return Optional.empty();
    }

    SourceMembers members = new SourceMembers(context, source.get(), type);
    Optional<EventTimeModel> eventTime =
        new KeyAndTimeValidator(context).eventTime(type, group, members);
    FeatureFieldValidator.Features features =
        new FeatureFieldValidator(context).features(type, group, members);

    if (context.errorCount() > 0 || eventTime.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new FeatureGroupModel(
            type,
            ClassName.get(type),
            ClassName.get(source.get()),
            name,
            version,
            description,
            description.isEmpty() ? null : description,
            online,
            windows,
            maxOutOfOrderness,
            eventTime.get(),
            features.inputs(),
            features.keys(),
            features.all()));
  }

  /**
   * The source type; empty after reporting a {@code source} generated code cannot use (a
   * primitive, an array, an inaccessible class).
   */
  private Optional<TypeElement> sourceType(TypeElement type, AnnotationMirror group) {
    AnnotationValue value = context.value(group, "source");
    Object literal = value.getValue();
    if (!(literal instanceof TypeMirror mirror) || mirror.getKind() == TypeKind.ERROR) {
      // An ErrorType, or the "<error>" string javac substitutes for an unknown class literal.
      throw new SourceNotResolvedException(String.valueOf(literal));
    }
    if (mirror.getKind() != TypeKind.DECLARED
        || !(((DeclaredType) mirror).asElement() instanceof TypeElement element)) {
      context.report(Messages.SOURCE_NOT_A_CLASS, type, group, value, mirror,
          Names.withArticle(mirror.getKind().toString().toLowerCase(Locale.ROOT)));
      return Optional.empty();
    }
    PackageElement featurePackage = context.elements.getPackageOf(type);
    for (Element e = element; e.getKind().isClass() || e.getKind().isInterface();
        e = e.getEnclosingElement()) {
      boolean visible = e.getModifiers().contains(Modifier.PUBLIC)
          || (!e.getModifiers().contains(Modifier.PRIVATE)
              && context.elements.getPackageOf(e).equals(featurePackage));
      if (!visible) {
        context.report(Messages.SOURCE_NOT_A_CLASS, type, group, value, mirror,
            "not accessible from package " + featurePackage.getQualifiedName()
                + " (" + e.getSimpleName() + " is not public)");
        return Optional.empty();
      }
    }
    return Optional.of(element);
  }
}
