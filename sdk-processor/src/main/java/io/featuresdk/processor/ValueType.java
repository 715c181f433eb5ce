package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.EnumSet;
import java.util.Set;

/**
 * A Java type the SDK can carry through inputs, accumulators and rows: a primitive, its box,
 * {@code String}, {@code Instant}, or (features only) a {@code List} of a box or {@code String}.
 * The validator maps {@code TypeMirror}s to this; everything after validation (parts and writers)
 * works on it alone.
 *
 * @param element the element kind of {@link Kind#LIST} and {@link Kind#TIMED_VALUES}; otherwise
 *     {@code null}
 */
record ValueType(Kind kind, boolean boxed, Kind element) {

  /** The underlying value kind, ignoring boxing. */
  enum Kind {
    BOOLEAN(TypeName.BOOLEAN, "boolean"),
    BYTE(TypeName.BYTE, "byte"),
    SHORT(TypeName.SHORT, "short"),
    INT(TypeName.INT, "int"),
    LONG(TypeName.LONG, "long"),
    FLOAT(TypeName.FLOAT, "float"),
    DOUBLE(TypeName.DOUBLE, "double"),
    STRING(ClassName.get("java.lang", "String"), "String"),
    INSTANT(ClassName.get("java.time", "Instant"), "Instant"),
    /** Accumulator state of {@code @ApproxCountDistinct}; never a source or feature type. */
    HLL_UNION(ClassName.get("org.apache.datasketches.hll", "Union"), "HllUnion"),
    /** Accumulator state of {@code @ApproxPercentile}; never a source or feature type. */
    KLL_SKETCH(ClassName.get("org.apache.datasketches.kll", "KllDoublesSketch"), "KllSketch"),
    /** Accumulator state of {@code @CountDistinct}: the values' texts; never a feature type. */
    DISTINCT_SET(ParameterizedTypeName.get(ClassName.get("java.util", "HashSet"),
        ClassName.get("java.lang", "String")), "DistinctSet"),
    /** A feature holding values in order: {@code List<Double>}, ... */
    LIST(ClassName.get("java.util", "List"), "List"),
    /** Accumulator state of {@code @LastN}/{@code @FirstN}; never a source or feature type. */
    TIMED_VALUES(ClassName.get("io.featuresdk.runtime.spi", "EventTimeValues"), "EventTimeValues"),
    /** Accumulator state of {@code @TopK}; never a source or feature type. */
    ITEMS_SKETCH(ClassName.get("org.apache.datasketches.frequencies", "ItemsSketch"), "ItemsSketch");

    private final TypeName typeName;
    private final String simpleName;

    Kind(TypeName typeName, String simpleName) {
      this.typeName = typeName;
      this.simpleName = simpleName;
    }

    boolean isPrimitive() {
      return typeName.isPrimitive();
    }
  }

  /** The element kinds a list can hold: those with a plain Avro (and Hopsworks) type. */
  static final Set<Kind> LIST_ELEMENTS = EnumSet.of(
      Kind.BOOLEAN, Kind.INT, Kind.LONG, Kind.FLOAT, Kind.DOUBLE, Kind.STRING);

  static ValueType primitive(Kind kind) {
    return new ValueType(kind, false, null);
  }

  static ValueType boxedOf(Kind kind) {
    return new ValueType(kind, true, null);
  }

  static ValueType reference(Kind kind) {
    return new ValueType(kind, false, null);
  }

  /** A {@code List} of {@code element} values (boxed). */
  static ValueType listOf(Kind element) {
    return new ValueType(Kind.LIST, false, element);
  }

  /** {@code EventTimeValues} of {@code element} values: {@code @LastN}/{@code @FirstN} state. */
  static ValueType timedValuesOf(Kind element) {
    return new ValueType(Kind.TIMED_VALUES, false, element);
  }

  /** A frequent-items sketch of {@code element} values: {@code @TopK} state. */
  static ValueType itemsSketchOf(Kind element) {
    return new ValueType(Kind.ITEMS_SKETCH, false, element);
  }

  /** The Java type as written in generated code. */
  TypeName typeName() {
    if (element != null) {
      return ParameterizedTypeName.get((ClassName) kind.typeName, element.typeName.box());
    }
    return boxed ? kind.typeName.box() : kind.typeName;
  }

  /** The boxed form of primitives, for generic type arguments. */
  TypeName boxedTypeName() {
    return kind.typeName.box();
  }

  /** The unboxed form, for accumulator fields that hold the non-null values. */
  TypeName primitiveTypeName() {
    return kind.typeName;
  }

  /** Whether this is mutable aggregate state (a sketch or a set), copied deeply by serializers. */
  boolean isSketch() {
    return kind == Kind.HLL_UNION || kind == Kind.KLL_SKETCH || kind == Kind.DISTINCT_SET
        || kind == Kind.TIMED_VALUES || kind == Kind.ITEMS_SKETCH;
  }

  /** Whether a value of this type may be {@code null}. */
  boolean isNullable() {
    return boxed || !kind.isPrimitive();
  }

  boolean isNumeric() {
    return switch (kind) {
      case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE -> true;
      default -> false;
    };
  }

  boolean isIntegral() {
    return switch (kind) {
      case BYTE, SHORT, INT, LONG -> true;
      default -> false;
    };
  }

  /** Whether a field of this type can hold, unchanged, every value of {@code source} (nulls aside). */
  boolean holdsEveryValueOf(ValueType source) {
    if (kind == source.kind) {
      return true;
    }
    return switch (source.kind) {
      case BYTE -> kind == Kind.SHORT || kind == Kind.INT || kind == Kind.LONG
          || kind == Kind.FLOAT || kind == Kind.DOUBLE;
      case SHORT -> kind == Kind.INT || kind == Kind.LONG || kind == Kind.FLOAT
          || kind == Kind.DOUBLE;
      case INT -> kind == Kind.LONG || kind == Kind.DOUBLE;
      case FLOAT -> kind == Kind.DOUBLE;
      default -> false;
    };
  }

  /** How the type reads in messages and layout fingerprints: {@code double}, {@code Double}. */
  String displayName() {
    if (element != null) {
      return kind.simpleName + "<" + boxedOf(element).displayName() + ">";
    }
    if (!boxed) {
      return kind.simpleName;
    }
    return switch (kind) {
      case INT -> "Integer";
      case BOOLEAN -> "Boolean";
      default -> Character.toUpperCase(kind.simpleName.charAt(0)) + kind.simpleName.substring(1);
    };
  }

  @Override
  public String toString() {
    return displayName();
  }
}
