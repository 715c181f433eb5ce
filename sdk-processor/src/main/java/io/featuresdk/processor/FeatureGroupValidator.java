package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import io.featuresdk.processor.FeatureGroupModel.AvroType;
import io.featuresdk.processor.FeatureGroupModel.EventTimeModel;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import io.featuresdk.processor.FeatureGroupModel.SourceAccess;
import io.featuresdk.processor.FeatureGroupModel.WindowModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns an {@code @FeatureGroup} class into a {@link FeatureGroupModel}, or reports every problem
 * it finds and returns empty. The only class that reads {@code javax.lang.model}. Each problem is
 * reported on the element, annotation and annotation member at fault, so IDEs underline the
 * member to fix.
 */
final class FeatureGroupValidator {
  static final String FEATURE_GROUP = "io.featuresdk.annotations.FeatureGroup";
  private static final String PRIMARY_KEY = "io.featuresdk.annotations.PrimaryKey";
  private static final String WINDOW_END = "io.featuresdk.annotations.WindowEnd";
  private static final String WINDOW_START = "io.featuresdk.annotations.WindowStart";
  private static final String SLIDING = "io.featuresdk.annotations.SlidingWindow";
  private static final String TUMBLING = "io.featuresdk.annotations.TumblingWindow";

  /** Hopsworks accepts lowercase names of at most 63 characters, starting with a letter. */
  private static final Pattern HOPSWORKS_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final int MAX_GROUP_NAME_LENGTH = 63;

  private final Elements elements;
  private final Types types;
  private final Messager messager;
  private final RepeatedAnnotationLocator repeated;
  private int errors;

  /** Thrown when the source type is not resolvable yet; the processor retries next round. */
  static final class SourceNotResolvedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SourceNotResolvedException(String detail) {
      super(detail, null, false, false);
    }
  }

  FeatureGroupValidator(
      Elements elements, Types types, Messager messager, RepeatedAnnotationLocator repeated) {
    this.elements = elements;
    this.types = types;
    this.messager = messager;
    this.repeated = repeated;
  }

  /**
   * The model of {@code type}, or empty after reporting errors.
   *
   * @throws SourceNotResolvedException when the source type is not known yet
   */
  Optional<FeatureGroupModel> validate(TypeElement type) {
    errors = 0;
    AnnotationMirror group = mirror(type, FEATURE_GROUP).orElseThrow();
    TypeElement source = sourceType(type, group);

    checkClassShape(type, group);
    String name = (String) value(group, "name").getValue();
    int version = (Integer) value(group, "version").getValue();
    String description = (String) value(group, "description").getValue();
    boolean online = (Boolean) value(group, "online").getValue();
    if (version < 1) {
      report(Messages.VERSION_NOT_POSITIVE, type, group, value(group, "version"), version);
    }
    List<DeclaredWindow> declared = windows(type, group);
    checkGroupName(type, group, name, declared);
    List<WindowModel> windows = declared.stream().map(DeclaredWindow::model).toList();
    long maxOutOfOrderness = maxOutOfOrderness(type, group);

    Map<String, SourceMember> sourceMembers = readableMembers(source, type);
    Optional<EventTimeModel> eventTime = eventTime(type, group, source, sourceMembers);
    Optional<Features> features = features(type, group, source, sourceMembers);

    if (errors > 0 || eventTime.isEmpty() || features.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new FeatureGroupModel(
            type,
            ClassName.get(type),
            ClassName.get(source),
            name,
            version,
            description,
            description.isEmpty() ? null : description,
            online,
            windows,
            maxOutOfOrderness,
            eventTime.get(),
            features.get().inputs(),
            features.get().keys(),
            features.get().all()));
  }

  // ---- the class itself ----

  private TypeElement sourceType(TypeElement type, AnnotationMirror group) {
    Object value = value(group, "source").getValue();
    if (value instanceof DeclaredType declared
        && declared.getKind() == TypeKind.DECLARED
        && declared.asElement() instanceof TypeElement element) {
      return element;
    }
    // An ErrorType, or the "<error>" string javac substitutes for an unknown class literal.
    throw new SourceNotResolvedException(String.valueOf(value));
  }

  private void checkClassShape(TypeElement type, AnnotationMirror group) {
    if (type.getKind() != ElementKind.CLASS) {
      report(Messages.FEATURE_CLASS_KIND, type, group, null,
          type.getSimpleName(), "a " + type.getKind().toString().toLowerCase().replace('_', ' '));
      return;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      report(Messages.FEATURE_CLASS_KIND, type, group, null, type.getSimpleName(), "abstract");
    }
    if (type.getNestingKind() != NestingKind.TOP_LEVEL) {
      if (type.getNestingKind() != NestingKind.MEMBER) {
        report(Messages.FEATURE_CLASS_NESTING, type, group, null,
            type.getSimpleName(), "a local or anonymous class");
      } else if (!type.getModifiers().contains(Modifier.STATIC)) {
        report(Messages.FEATURE_CLASS_NESTING, type, group, null,
            type.getSimpleName(), "an inner (non-static) class");
      } else if (type.getModifiers().contains(Modifier.PRIVATE)) {
        report(Messages.FEATURE_CLASS_NESTING, type, group, null,
            type.getSimpleName(), "private");
      }
    }
    boolean hasNoArgConstructor =
        ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .anyMatch(c -> c.getParameters().isEmpty()
                && !c.getModifiers().contains(Modifier.PRIVATE));
    if (!hasNoArgConstructor) {
      report(Messages.NO_NO_ARG_CONSTRUCTOR, type, group, null,
          type.getSimpleName(), type.getSimpleName());
    }
  }

  // ---- windows, name, durations ----

  /** A valid window and the annotation that declares it. */
  private record DeclaredWindow(WindowModel model, AnnotationMirror mirror) {}

  private List<DeclaredWindow> windows(TypeElement type, AnnotationMirror group) {
    List<DeclaredWindow> windows = new ArrayList<>();
    for (AnnotationMirror mirror : windowAnnotations(type)) {
      String kind = qualifiedName(mirror);
      Optional<Long> size = duration(type, mirror, "size", "Window size");
      if (kind.equals(TUMBLING)) {
        size.ifPresent(s -> windows.add(new DeclaredWindow(new WindowModel(s, s, true), mirror)));
        continue;
      }
      Optional<Long> slide = duration(type, mirror, "slide", "Window slide");
      if (size.isPresent() && slide.isPresent()) {
        if (size.get() % slide.get() != 0) {
          long suggested = Math.max(1, size.get() / slide.get()) * slide.get();
          report(Messages.SIZE_NOT_MULTIPLE_OF_SLIDE, type, mirror, value(mirror, "size"),
              Durations.label(size.get()), Durations.label(slide.get()),
              Durations.label(suggested));
        } else {
          windows.add(new DeclaredWindow(
              new WindowModel(size.get(), slide.get(), size.get().equals(slide.get())), mirror));
        }
      }
    }
    if (windowAnnotations(type).isEmpty()) {
      report(Messages.NO_WINDOW, type, group, null, type.getSimpleName());
    }
    return windows;
  }

  /** Window annotations in declaration order, looking inside the repeatable containers. */
  private List<AnnotationMirror> windowAnnotations(TypeElement type) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String name = qualifiedName(mirror);
      if (name.equals(SLIDING) || name.equals(TUMBLING)) {
        result.add(mirror);
      } else if (name.equals(SLIDING + ".List") || name.equals(TUMBLING + ".List")) {
        @SuppressWarnings("unchecked")
        List<? extends AnnotationValue> contained =
            (List<? extends AnnotationValue>) value(mirror, "value").getValue();
        for (int i = 0; i < contained.size(); i++) {
          AnnotationMirror item = (AnnotationMirror) contained.get(i).getValue();
          repeated.remember(item, i);
          result.add(item);
        }
      }
    }
    return result;
  }

  private Optional<Long> duration(
      TypeElement type, AnnotationMirror mirror, String member, String what) {
    AnnotationValue value = value(mirror, member);
    String text = (String) value.getValue();
    Optional<Duration> parsed = Durations.parse(text);
    if (parsed.isEmpty()) {
      report(Messages.DURATION_UNPARSABLE, type, mirror, value, what, text);
      return Optional.empty();
    }
    if (parsed.get().isNegative() || parsed.get().isZero()) {
      report(Messages.DURATION_NOT_POSITIVE, type, mirror, value, what, text);
      return Optional.empty();
    }
    return Optional.of(parsed.get().toMillis());
  }

  private long maxOutOfOrderness(TypeElement type, AnnotationMirror group) {
    AnnotationValue value = value(group, "maxOutOfOrderness");
    String text = (String) value.getValue();
    Optional<Duration> parsed = Durations.parse(text);
    if (parsed.isEmpty()) {
      report(Messages.DURATION_UNPARSABLE, type, group, value, "maxOutOfOrderness", text);
      return 0;
    }
    if (parsed.get().isNegative()) {
      report(Messages.NEGATIVE_OUT_OF_ORDERNESS, type, group, value, text);
      return 0;
    }
    return parsed.get().toMillis();
  }

  private void checkGroupName(
      TypeElement type, AnnotationMirror group, String name, List<DeclaredWindow> windows) {
    AnnotationValue nameValue = value(group, "name");
    boolean hasPlaceholder = name.contains("{window}");
    if (windows.size() > 1 && !hasPlaceholder) {
      report(Messages.WINDOW_PLACEHOLDER_MISSING, type, group, nameValue,
          name, windows.size(), name);
      return;
    }
    Map<String, WindowModel> rendered = new HashMap<>();
    boolean nameReported = false;
    for (DeclaredWindow declared : windows) {
      WindowModel window = declared.model();
      String label = Durations.label(window.sizeMillis());
      String groupName = name.replace("{window}", label);
      if (!nameReported) {
        Optional<String> problem = groupNameProblem(groupName);
        if (problem.isPresent()) {
          report(Messages.GROUP_NAME_INVALID, type, group, nameValue,
              groupName, label, problem.get());
          nameReported = true;
        }
      }
      WindowModel previous = rendered.putIfAbsent(groupName, window);
      if (previous != null) {
        report(Messages.WINDOW_NAME_COLLISION, type, declared.mirror(), null,
            groupName, describe(previous));
      }
    }
  }

  private static Optional<String> groupNameProblem(String groupName) {
    if (groupName.length() > MAX_GROUP_NAME_LENGTH) {
      return Optional.of("it has " + groupName.length() + " characters");
    }
    if (!HOPSWORKS_NAME.matcher(groupName).matches()) {
      return Optional.of(groupName.isEmpty() || !Character.isLetter(groupName.charAt(0))
          || !Character.isLowerCase(groupName.charAt(0))
          ? "it does not start with a lowercase letter"
          : "it contains characters other than a-z, 0-9 and '_'");
    }
    return Optional.empty();
  }

  private static String describe(WindowModel window) {
    return window.tumbling()
        ? "@TumblingWindow(size = \"" + Durations.label(window.sizeMillis()) + "\")"
        : "@SlidingWindow(size = \"" + Durations.label(window.sizeMillis())
            + "\", slide = \"" + Durations.label(window.slideMillis()) + "\")";
  }

  // ---- the source type ----

  /** A readable member of the source type. */
  private record SourceMember(SourceAccess access, TypeMirror type) {}

  /**
   * Every source field readable from the feature class's package, by field name: through an
   * accessible getter, record accessor or field, in that order of preference.
   */
  private Map<String, SourceMember> readableMembers(TypeElement source, TypeElement featureClass) {
    PackageElement featurePackage = elements.getPackageOf(featureClass);
    Map<String, SourceMember> members = new TreeMap<>();
    List<? extends Element> all = elements.getAllMembers(source);
    for (VariableElement field : ElementFilter.fieldsIn(all)) {
      if (!field.getModifiers().contains(Modifier.STATIC)
          && accessible(field, featurePackage)) {
        members.put(field.getSimpleName().toString(),
            new SourceMember(new SourceAccess(field.getSimpleName().toString(), false),
                field.asType()));
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
      propertyName(method).ifPresent(property -> members.put(property,
          new SourceMember(new SourceAccess(method.getSimpleName().toString(), true),
              method.getReturnType())));
    }
    for (RecordComponentElement component : ElementFilter.recordComponentsIn(
        source.getEnclosedElements())) {
      ExecutableElement accessor = component.getAccessor();
      if (accessor != null && accessible(accessor, featurePackage)) {
        members.put(component.getSimpleName().toString(),
            new SourceMember(new SourceAccess(accessor.getSimpleName().toString(), true),
                accessor.getReturnType()));
      }
    }
    return members;
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

  private boolean accessible(Element member, PackageElement from) {
    Set<Modifier> modifiers = member.getModifiers();
    if (modifiers.contains(Modifier.PUBLIC)) {
      return true;
    }
    return !modifiers.contains(Modifier.PRIVATE)
        && elements.getPackageOf(member).equals(from);
  }

  /** Reports an unknown or unreadable source field; returns the member when it is readable. */
  private Optional<SourceMember> sourceMember(
      String fieldName,
      TypeElement source,
      Map<String, SourceMember> members,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      TypeElement featureClass) {
    SourceMember member = members.get(fieldName);
    if (member != null) {
      return Optional.of(member);
    }
    boolean declared = ElementFilter.fieldsIn(elements.getAllMembers(source)).stream()
        .anyMatch(f -> f.getSimpleName().contentEquals(fieldName));
    if (declared) {
      report(Messages.SOURCE_FIELD_NOT_READABLE, element, mirror, value,
          source.getSimpleName(), fieldName, elements.getPackageOf(featureClass),
          "get" + Character.toUpperCase(fieldName.charAt(0)) + fieldName.substring(1));
    } else {
      report(Messages.UNKNOWN_SOURCE_FIELD, element, mirror, value,
          source.getSimpleName(), fieldName, available(members));
    }
    return Optional.empty();
  }

  private static String available(Map<String, SourceMember> members) {
    return members.isEmpty() ? "(none)" : String.join(", ", members.keySet());
  }

  private Optional<EventTimeModel> eventTime(
      TypeElement type, AnnotationMirror group, TypeElement source,
      Map<String, SourceMember> members) {
    AnnotationValue value = value(group, "eventTime");
    String fieldName = (String) value.getValue();
    SourceMember member = members.get(fieldName);
    if (member == null) {
      report(Messages.UNKNOWN_EVENT_TIME, type, group, value,
          fieldName, source.getSimpleName(), available(members));
      return Optional.empty();
    }
    Optional<ValueType> valueType = valueType(member.type());
    boolean instant = valueType.isPresent() && valueType.get().kind() == ValueType.Kind.INSTANT;
    boolean millis = member.type().getKind() == TypeKind.LONG;
    if (!instant && !millis) {
      report(Messages.EVENT_TIME_TYPE, type, group, value,
          source.getSimpleName(), fieldName, member.type());
      return Optional.empty();
    }
    return Optional.of(new EventTimeModel(member.access(), instant));
  }

  // ---- the feature fields ----

  private record Features(
      List<InputField> inputs, List<FeatureModel> keys, List<FeatureModel> all) {}

  /** A feature field with exactly one role annotation. */
  private record Candidate(VariableElement field, AnnotationMirror role, ValueType type) {}

  private Optional<Features> features(
      TypeElement type, AnnotationMirror group, TypeElement source,
      Map<String, SourceMember> members) {
    List<Candidate> candidates = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      List<AnnotationMirror> roles = new ArrayList<>();
      for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
        String name = qualifiedName(mirror);
        if (name.equals(PRIMARY_KEY) || name.equals(WINDOW_END) || name.equals(WINDOW_START)
            || AggregateParts.forAnnotation(name).isPresent()) {
          roles.add(mirror);
        }
      }
      if (roles.isEmpty()) {
        if (!field.getModifiers().contains(Modifier.TRANSIENT)) {
          report(Messages.UNANNOTATED_FIELD, field, null, null, field.getSimpleName());
        }
        continue;
      }
      if (roles.size() > 1) {
        report(Messages.SEVERAL_ROLES, field, roles.get(1), null, field.getSimpleName(),
            simpleName(roles.get(0)), simpleName(roles.get(1)));
        continue;
      }
      if (field.getModifiers().contains(Modifier.FINAL)) {
        report(Messages.FINAL_FEATURE_FIELD, field, null, null, field.getSimpleName());
      }
      Optional<ValueType> valueType = valueType(field.asType());
      if (valueType.isEmpty()) {
        report(Messages.UNSUPPORTED_FEATURE_TYPE, field, null, null,
            field.getSimpleName(), field.asType());
        continue;
      }
      candidates.add(new Candidate(field, roles.get(0), valueType.get()));
    }

    Map<String, InputField> inputs = new LinkedHashMap<>();
    Map<VariableElement, FeatureModel> built = new LinkedHashMap<>();
    // Keys first, so the input record and the accumulator start with them.
    for (Candidate candidate : candidates) {
      if (qualifiedName(candidate.role()).equals(PRIMARY_KEY)) {
        keyFeature(type, candidate, source, members, inputs)
            .ifPresent(f -> built.put(candidate.field(), f));
      }
    }
    List<FeatureModel> keys = new ArrayList<>(built.values());
    VariableElement windowEnd = null;
    for (Candidate candidate : candidates) {
      String role = qualifiedName(candidate.role());
      if (role.equals(PRIMARY_KEY)) {
        continue;
      }
      if (role.equals(WINDOW_END) || role.equals(WINDOW_START)) {
        if (role.equals(WINDOW_END)) {
          if (windowEnd != null) {
            report(Messages.SEVERAL_WINDOW_ENDS, candidate.field(), candidate.role(), null,
                candidate.field().getSimpleName(), windowEnd.getSimpleName());
            continue;
          }
          windowEnd = candidate.field();
        }
        windowTimeFeature(type, candidate).ifPresent(f -> built.put(candidate.field(), f));
      } else {
        aggregateFeature(type, candidate, source, members, inputs)
            .ifPresent(f -> built.put(candidate.field(), f));
      }
    }
    if (keys.isEmpty() && candidates.stream()
        .noneMatch(c -> qualifiedName(c.role()).equals(PRIMARY_KEY))) {
      report(Messages.NO_PRIMARY_KEY, type, group, null, type.getSimpleName());
    }
    if (windowEnd == null) {
      report(Messages.NO_WINDOW_END, type, group, null, type.getSimpleName());
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
        report(Messages.DUPLICATE_FEATURE_NAME, candidate.field(), candidate.role(),
            explicitName(candidate.role()).orElse(null),
            feature.featureName(), feature.fieldName(), previous.fieldName());
        continue;
      }
      all.add(feature);
    }
    return Optional.of(new Features(new ArrayList<>(inputs.values()), keys, all));
  }

  private Optional<FeatureModel> keyFeature(
      TypeElement type, Candidate candidate, TypeElement source,
      Map<String, SourceMember> members, Map<String, InputField> inputs) {
    VariableElement field = candidate.field();
    AnnotationMirror role = candidate.role();
    String from = (String) value(role, "from").getValue();
    AnnotationValue fromValue = from.isEmpty() ? null : value(role, "from");
    String sourceName = from.isEmpty() ? field.getSimpleName().toString() : from;
    Optional<InputField> input =
        inputField(type, field, role, fromValue, sourceName, source, members, inputs);
    if (input.isEmpty()) {
      return Optional.empty();
    }
    ValueType sourceType = input.get().type();
    ValueType fieldType = candidate.type();
    boolean keyKind = switch (sourceType.kind()) {
      case STRING, BOOLEAN, BYTE, SHORT, INT, LONG -> true;
      default -> false;
    };
    if (!keyKind) {
      report(Messages.KEY_TYPE, field, role, fromValue, field.getSimpleName(),
          "source field " + sourceName + " is a " + sourceType + ", which is not a key type");
      return Optional.empty();
    }
    if (fieldType.kind() != sourceType.kind()) {
      report(Messages.KEY_TYPE, field, role, null, field.getSimpleName(),
          "the field is a " + fieldType + " but its source " + sourceName + " is a "
              + sourceType);
      return Optional.empty();
    }
    Optional<AggregatePart.Problem> nullable = AggregateParts.nullableIntoPrimitive(
        field.getSimpleName().toString(), sourceName, sourceType, fieldType);
    if (nullable.isPresent()) {
      report(nullable.get().message(), field, role, null, nullable.get().args());
      return Optional.empty();
    }
    return feature(field, role, fieldType, FeatureModel.Role.PRIMARY_KEY,
        avroType(fieldType, false), input.get(), null);
  }

  private Optional<FeatureModel> windowTimeFeature(TypeElement type, Candidate candidate) {
    boolean end = qualifiedName(candidate.role()).equals(WINDOW_END);
    ValueType fieldType = candidate.type();
    boolean instant = fieldType.kind() == ValueType.Kind.INSTANT;
    boolean millis = fieldType.kind() == ValueType.Kind.LONG && !fieldType.boxed();
    if (!instant && !millis) {
      report(Messages.WINDOW_TIME_FIELD_TYPE, candidate.field(), candidate.role(), null,
          end ? "WindowEnd" : "WindowStart", candidate.field().getSimpleName(), fieldType);
      return Optional.empty();
    }
    return feature(candidate.field(), candidate.role(), fieldType,
        end ? FeatureModel.Role.WINDOW_END : FeatureModel.Role.WINDOW_START,
        avroType(fieldType, true), null, null);
  }

  private Optional<FeatureModel> aggregateFeature(
      TypeElement type, Candidate candidate, TypeElement source,
      Map<String, SourceMember> members, Map<String, InputField> inputs) {
    VariableElement field = candidate.field();
    AnnotationMirror role = candidate.role();
    AggregatePart part = AggregateParts.forAnnotation(qualifiedName(role)).orElseThrow();
    InputField input = null;
    String sourceName = null;
    AnnotationValue sourceValue = null;
    if (part.readsSourceField()) {
      sourceValue = value(role, "value");
      String sourceField = (String) sourceValue.getValue();
      // Checked against the readable members, so the input map only grows with valid fields.
      Optional<InputField> found = inputField(
          type, field, role, sourceValue, sourceField, source, members, inputs);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      input = found.get();
      sourceName = source.getSimpleName() + "." + sourceField;
    }
    Optional<AggregatePart.Problem> problem = part.checkTypes(
        field.getSimpleName().toString(), sourceName,
        input == null ? null : input.type(), candidate.type());
    if (problem.isPresent()) {
      AnnotationValue at = problem.get().message() == Messages.NOT_NUMERIC ? sourceValue : null;
      report(problem.get().message(), field, role, at, problem.get().args());
      return Optional.empty();
    }
    return feature(field, role, candidate.type(), FeatureModel.Role.AGGREGATE,
        avroType(candidate.type(), false), input, part);
  }

  /** The input field for {@code sourceField}, added to {@code inputs} on first use. */
  private Optional<InputField> inputField(
      TypeElement type, VariableElement field, AnnotationMirror role, AnnotationValue at,
      String sourceField, TypeElement source, Map<String, SourceMember> members,
      Map<String, InputField> inputs) {
    InputField known = inputs.get(sourceField);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<SourceMember> member =
        sourceMember(sourceField, source, members, field, role, at, type);
    if (member.isEmpty()) {
      return Optional.empty();
    }
    Optional<ValueType> valueType = valueType(member.get().type());
    if (valueType.isEmpty()) {
      report(Messages.UNSUPPORTED_SOURCE_TYPE, field, role, at,
          source.getSimpleName(), sourceField, member.get().type());
      return Optional.empty();
    }
    InputField input = new InputField(sourceField, valueType.get(), member.get().access());
    inputs.put(sourceField, input);
    return Optional.of(input);
  }

  /** Builds a feature after checking its name and how generated code reaches the field. */
  private Optional<FeatureModel> feature(
      VariableElement field, AnnotationMirror role, ValueType type, FeatureModel.Role kind,
      AvroType avroType, InputField input, AggregatePart part) {
    String fieldName = field.getSimpleName().toString();
    Optional<AnnotationValue> explicit = explicitName(role);
    String featureName = explicit.map(v -> (String) v.getValue()).orElse(snakeCase(fieldName));
    if (!HOPSWORKS_NAME.matcher(featureName).matches()) {
      report(Messages.INVALID_FEATURE_NAME, field, role, explicit.orElse(null),
          featureName, snakeCase(featureName.replaceAll("[^A-Za-z0-9_]", "_")));
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
                + "(" + type + ")";
        report(Messages.PRIVATE_FIELD_WITHOUT_ACCESSORS, field, null, null, fieldName, missing);
        return Optional.empty();
      }
    }
    return Optional.of(
        new FeatureModel(fieldName, featureName, type, getter, setter, kind, avroType, input,
            part));
  }

  private String findGetter(TypeElement owner, VariableElement field, String capitalized) {
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      String name = method.getSimpleName().toString();
      boolean named = name.equals("get" + capitalized)
          || (name.equals("is" + capitalized) && field.asType().getKind() == TypeKind.BOOLEAN);
      if (named && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.PRIVATE)
          && types.isSameType(method.getReturnType(), field.asType())) {
        return name;
      }
    }
    return null;
  }

  private String findSetter(TypeElement owner, VariableElement field, String name) {
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(name) && method.getParameters().size() == 1
          && !method.getModifiers().contains(Modifier.PRIVATE)
          && types.isSameType(method.getParameters().get(0).asType(), field.asType())) {
        return name;
      }
    }
    return null;
  }

  private static AvroType avroType(ValueType type, boolean windowTime) {
    return switch (type.kind()) {
      case STRING -> AvroType.STRING;
      case BOOLEAN -> AvroType.BOOLEAN;
      case BYTE, SHORT, INT -> AvroType.INT;
      case LONG -> windowTime ? AvroType.TIMESTAMP_FROM_MILLIS : AvroType.LONG;
      case FLOAT -> AvroType.FLOAT;
      case DOUBLE -> AvroType.DOUBLE;
      case INSTANT -> AvroType.TIMESTAMP_FROM_INSTANT;
    };
  }

  /** The SDK value type of {@code type}, or empty when features cannot carry it. */
  private Optional<ValueType> valueType(TypeMirror type) {
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

  /** {@code priceAvg} becomes {@code price_avg}, {@code vwapUSD5m} becomes {@code vwap_usd5m}. */
  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLowerOrDigit = i > 0
            && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
        boolean endsAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
            && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (afterLowerOrDigit || endsAcronym) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // ---- annotation access ----

  private Optional<AnnotationMirror> mirror(Element element, String qualifiedName) {
    return element.getAnnotationMirrors().stream()
        .filter(m -> qualifiedName(m).equals(qualifiedName))
        .map(m -> (AnnotationMirror) m)
        .findFirst();
  }

  /** A member's value, with defaults; class literals stay mirrors, never {@code Class} objects. */
  private AnnotationValue value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException(qualifiedName(mirror) + " has no member " + member);
  }

  /** The {@code name} member when it is set explicitly (not left at its default). */
  private Optional<AnnotationValue> explicitName(AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("name")
          && !((String) entry.getValue().getValue()).isEmpty()) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  private static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  private void report(Messages message, Element element, AnnotationMirror mirror,
      AnnotationValue value, Object... args) {
    if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
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
