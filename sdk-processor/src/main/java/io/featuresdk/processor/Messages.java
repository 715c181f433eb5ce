package io.featuresdk.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor prints. Each has a stable id ({@code [FSDK012]}) that tests and
 * documentation cite, says what is wrong and where, and how to fix it. Ids are never reused.
 */
enum Messages {
  FEATURE_CLASS_KIND(1,
      "@FeatureGroup must annotate a concrete class, but %s is %s. Declare it as a plain,"
          + " non-abstract class with a no-argument constructor."),
  FEATURE_CLASS_NESTING(2,
      "@FeatureGroup class %s is %s, so generated code cannot create its rows. Make it a"
          + " top-level class or a static nested class that is not private."),
  NO_NO_ARG_CONSTRUCTOR(3,
      "@FeatureGroup class %s has no non-private no-argument constructor, which the generated"
          + " aggregation uses to create rows. Add one, e.g. \"%s() {}\"."),
  PRIVATE_FIELD_WITHOUT_ACCESSORS(4,
      "Feature field %s is private and lacks %s, so generated code can neither set nor read it."
          + " Make the field package-private, or add the accessor."),
  VERSION_NOT_POSITIVE(5,
      "@FeatureGroup version must be at least 1, but is %d. Set version = 1 for a new group."),
  GROUP_NAME_INVALID(6,
      "Feature group name \"%s\" (rendered for window %s) is not a valid Hopsworks name: %s."
          + " Use lowercase letters, digits and '_', start with a letter, at most 63 characters,"
          + " e.g. name = \"%s\"."),
  WINDOW_PLACEHOLDER_MISSING(7,
      "@FeatureGroup name \"%s\" has no {window} placeholder, but the class declares %d windows,"
          + " so every window would write to the same group. Add {window}, e.g. name = \"%s\"."),
  WINDOW_NAME_COLLISION(8,
      "Window %s renders the group name \"%s\", which window %s already uses; both would"
          + " write to one group. Give this window its own label, e.g. label = \"%s\"."),
  NO_WINDOW(9,
      "@FeatureGroup class %s declares no window. Add @SlidingWindow(size = \"5m\", slide = \"1m\")"
          + " or @TumblingWindow(size = \"1h\")."),
  DURATION_UNPARSABLE(10,
      "%s \"%s\" is not a duration. Write " + Durations.ACCEPTED_FORMS + "."),
  DURATION_NOT_POSITIVE(11,
      "%s \"%s\" must be longer than zero. Use a positive duration such as \"1m\"."),
  SIZE_NOT_MULTIPLE_OF_SLIDE(12,
      "Window size %s is not a positive multiple of its slide %s, so windows would not line up"
          + " with slides. Use a size that is a whole number of slides, e.g. size = \"%s\"."),
  NEGATIVE_OUT_OF_ORDERNESS(13,
      "maxOutOfOrderness \"%s\" is negative. Use \"0s\" for in-order events or a positive bound"
          + " such as \"30s\"."),
  NO_PRIMARY_KEY(14,
      "@FeatureGroup class %s has no @PrimaryKey field; rows are computed per key. Add e.g."
          + " @PrimaryKey(from = \"<source field>\") String id;"),
  NO_WINDOW_END(15,
      "@FeatureGroup class %s has no @WindowEnd field, which holds the row's event time. Add"
          + " @WindowEnd Instant timestamp;"),
  SEVERAL_WINDOW_ENDS(16,
      "Field %s is a second @WindowEnd; %s already is one. Keep one @WindowEnd field."),
  DUPLICATE_FEATURE_NAME(17,
      "Feature name \"%s\" of field %s is already used by field %s. Rename one field or set"
          + " name = \"...\" on its annotation."),
  INVALID_FEATURE_NAME(18,
      "Feature name \"%s\" is not a valid Hopsworks feature name: %s. Use lowercase letters,"
          + " digits and '_', starting with a letter, e.g. name = \"%s\"."),
  SEVERAL_ROLES(19,
      "Field %s has both @%s and @%s, but a field holds exactly one feature. Split it into two"
          + " fields."),
  UNKNOWN_SOURCE_FIELD(20,
      "Source type %s has no field \"%s\". Readable fields: %s."),
  SOURCE_FIELD_NOT_READABLE(21,
      "Source field %s.%s is not accessible from package %s and has no accessible getter %s()."
          + " Add a public getter (or record component), or make the field public."),
  UNSUPPORTED_SOURCE_TYPE(22,
      "Source field %s.%s has type %s, which features cannot carry. Use a primitive, its box,"
          + " String or Instant."),
  NOT_NUMERIC(23,
      "@%s needs a numeric source field, but %s.%s is %s. Aggregate a byte, short, int, long,"
          + " float or double field (or its box), or use @First/@Last."),
  RESULT_TYPE_MISMATCH(24,
      "Field %s of type %s cannot hold @%s of %s (%s): %s. Declare the field as %s."),
  NULLABLE_INTO_PRIMITIVE(25,
      "Field %s is a primitive %s, but its source %s is a nullable %s; a window whose values are"
          + " all null would have no value. Declare the field as %s."),
  UNKNOWN_EVENT_TIME(26,
      "eventTime \"%s\" is not a readable field of source type %s. Readable fields: %s."),
  EVENT_TIME_TYPE(27,
      "eventTime field %s.%s is %s, but must be an Instant or a long of epoch milliseconds."
          + " Point eventTime at such a field."),
  WINDOW_TIME_FIELD_TYPE(28,
      "@%s field %s is %s, but must be an Instant or a long of epoch milliseconds. Declare it as"
          + " Instant."),
  KEY_TYPE(29,
      "@PrimaryKey field %s: %s. Key by a String, boolean, byte, short, int or long field, and"
          + " declare the feature field with the same type as its source."),
  SOURCE_TYPE_UNRESOLVED(30,
      "Source type of @FeatureGroup class %s could not be resolved (%s). Check that the class"
          + " exists and compiles."),
  UNANNOTATED_FIELD(31, Diagnostic.Kind.WARNING,
      "Field %s has no feature annotation and is ignored by the feature group. Annotate it,"
          + " or make it static or transient to silence this warning."),
  UNSUPPORTED_FEATURE_TYPE(32,
      "Feature field %s has type %s, which has no feature store type. Use a primitive, its box,"
          + " String, Instant, or a List of Integer, Long, Float, Double, Boolean or String."),
  FINAL_FEATURE_FIELD(33,
      "Feature field %s is final, so generated code cannot set it. Remove final."),
  IGNORED_FIELD_WITH_ROLE(34,
      "Field %s is %s, so it belongs to no row and cannot hold @%s. Remove %s, or remove the"
          + " annotation."),
  DURATION_TOO_LONG(35,
      "%s \"%s\" is longer than 100 years (36500d), beyond what window arithmetic on epoch"
          + " milliseconds supports. Use a shorter duration, e.g. \"365d\"."),
  SOURCE_NOT_A_CLASS(36,
      "source = %s.class is %s, but generated code reads events through a class it can access."
          + " Point source at a public class (or one in this package) with the event's fields."),
  INHERITED_FEATURES(37,
      "Superclass %s declares feature fields (%s), but features are read only from the"
          + " @FeatureGroup class itself, so they would be ignored. Move them into %s."),
  TOO_MANY_SLIDES(38, Diagnostic.Kind.WARNING,
      "Window size %s sliding every %s spans %,d slides: per key, state holds up to %,d slice"
          + " accumulators and Flink's native window engine updates %,d windows per event;"
          + " above %,d this is rarely intended. Use a coarser slide, e.g. slide = \"%s\"."),
  WINDOW_LABEL_INVALID(39,
      "Window label \"%s\" cannot be part of a feature group name. Use lowercase letters,"
          + " digits and '_', e.g. label = \"%s\"."),
  NO_VALUE_INTO_PRIMITIVE(40,
      "Field %s is a primitive %s, but %s has no value for %s. Declare the field as %s."),
  FILTER_NOT_BOOLEAN(41,
      "where = \"%s\" must select events with a boolean, but %s is %s. Point where at a boolean"
          + " source field or at a static boolean method of the feature class taking the event."),
  DERIVED_METHOD_SIGNATURE(42,
      "Static method %s.%s cannot compute an input from the event: %s. Declare it as"
          + " \"static <type> %s(%s event)\", not private."),
  AMBIGUOUS_INPUT(43,
      "\"%s\" names both source field %s.%s and static method %s.%s; rename the method."),
  DERIVED_FEATURE_METHOD(44,
      "@Derived(\"%s\") on field %s cannot be computed: %s. Declare a non-private instance"
          + " method \"%s %s()\" in %s that computes it from the row's other features."),
  PARAMETER_OUT_OF_RANGE(45,
      "%s = %s is outside what @%s supports, %s. Use a value in that range, e.g. %s = %s."),
  NOT_COUNTABLE(46,
      "@%s counts distinct numbers and strings, but %s.%s is %s. Count a numeric or String source"
          + " field."),
  DISTINCT_BOUND_MISSING(47,
      "%s is required: @CountDistinct keeps every distinct value in state, so it needs a bound."
          + " Set it, e.g. max = 10000, or count approximately with @ApproxCountDistinct."),
  LIST_FEATURE_MISMATCH(48,
      "Field %s is a %s, but @%s gives one value. Declare the field as the aggregate's type, or"
          + " keep several values with @LastN/@FirstN."),
  LIST_ELEMENT_UNSUPPORTED(49,
      "@%s keeps values in an array of int, long, float, double, boolean or string, but %s.%s"
          + " is %s. Keep a field of one of those types, e.g. a derived input (a static method of"
          + " the feature class taking the event) that converts it."),
  VALUES_BOUND_MISSING(50,
      "%s is required: it bounds how many values @%s returns and keeps in state. Set it, e.g."
          + " %s = 5."),
  INTERNAL_ERROR(99,
      "The featuresdk processor failed on %s; please report this with the stack trace:%n%s");

  private final String id;
  private final Diagnostic.Kind kind;
  private final String format;

  Messages(int number, String format) {
    this(number, Diagnostic.Kind.ERROR, format);
  }

  Messages(int number, Diagnostic.Kind kind, String format) {
    this.id = String.format("FSDK%03d", number);
    this.kind = kind;
    this.format = format;
  }

  /** The stable id, such as {@code FSDK012}. */
  String id() {
    return id;
  }

  Diagnostic.Kind kind() {
    return kind;
  }

  /** The full text: {@code [FSDK012] } and the formatted message. */
  String format(Object... args) {
    return "[" + id + "] " + String.format(format, args);
  }
}
