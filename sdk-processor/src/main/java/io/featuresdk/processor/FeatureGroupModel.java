package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated {@code @FeatureGroup} class: everything the writers need, nothing they must check.
 *
 * @param originatingElement the annotated class, recorded on every generated file for Gradle
 * @param featureClass the annotated class, the row type
 * @param sourceClass the source event type
 * @param nameTemplate the group name, possibly with {@code {window}}
 * @param avroDoc the record doc of the Avro schema, or {@code null} when no description is given
 * @param windows the declared windows, in declaration order
 * @param eventTime how the event time is read from a source event
 * @param inputFields the projected source fields: keys first, then aggregated fields
 * @param keys the primary-key features, in key order
 * @param features every feature, in declaration order (the Avro field order)
 */
record FeatureGroupModel(
    TypeElement originatingElement,
    ClassName featureClass,
    ClassName sourceClass,
    String nameTemplate,
    int version,
    String description,
    String avroDoc,
    boolean online,
    List<WindowModel> windows,
    long maxOutOfOrdernessMillis,
    EventTimeModel eventTime,
    List<InputField> inputFields,
    List<FeatureModel> keys,
    List<FeatureModel> features) {

  FeatureGroupModel {
    windows = List.copyOf(windows);
    inputFields = List.copyOf(inputFields);
    keys = List.copyOf(keys);
    features = List.copyOf(features);
  }

  /** The name of a generated class, such as {@code PriceFeatures_Input}: top-level, same package. */
  ClassName generated(String role) {
    String flattened = String.join("_", featureClass.simpleNames());
    return ClassName.get(featureClass.packageName(), flattened + "_" + role);
  }

  ClassName inputClass() {
    return generated("Input");
  }

  ClassName accumulatorClass() {
    return generated("Accumulator");
  }

  /** The fields of the generated input record, in serialization order. */
  List<DataField> inputLayout() {
    List<DataField> fields = new ArrayList<>();
    for (InputField input : inputFields) {
      String origin = input.access().owner() == null
          ? sourceClass.simpleName() + "." + input.sourceName()
          : featureClass.simpleName() + "." + input.sourceName() + "(event)";
      fields.add(new DataField(input.name(), input.type(), "{@code " + origin + "}."));
    }
    fields.add(new DataField(InputField.EVENT_TIME, ValueType.primitive(ValueType.Kind.LONG),
        "The event time in epoch milliseconds."));
    return fields;
  }

  /** The fields of the generated accumulator, in serialization order. */
  List<DataField> accumulatorLayout() {
    List<DataField> fields = new ArrayList<>();
    fields.add(new DataField(AggregateContext.EVENT_COUNT, ValueType.primitive(ValueType.Kind.LONG),
        "The number of events added; zero means empty."));
    for (FeatureModel key : keys) {
      fields.add(new DataField(key.accumulatorKeyField(), key.input().type(),
          "Primary key {@code " + key.featureName() + "}, from the first event."));
    }
    for (FeatureModel feature : features) {
      if (feature.role() == FeatureModel.Role.AGGREGATE) {
        List<DataField> partFields = feature.ownsState(features)
            ? feature.part().accumulatorFields(feature.aggregateContext())
            : List.of();
        String doc = "State of {@code @" + feature.part().annotationSimpleName()
            + (feature.input() == null ? "" : "(\"" + feature.input().sourceName() + "\")")
            + " " + feature.fieldName() + "}.";
        for (int i = 0; i < partFields.size(); i++) {
          fields.add(i == 0 ? partFields.get(i).withDoc(doc) : partFields.get(i));
        }
        if (feature.filter() != null) {
          fields.add(new DataField(feature.aggregateContext().countField(),
              ValueType.primitive(ValueType.Kind.LONG),
              "Events matching {@code where = \"" + feature.filter().sourceName() + "\"}."));
        }
      }
    }
    return fields;
  }

  /** Whether any feature is an {@code Instant} stored as Avro {@code timestamp-micros}. */
  boolean hasInstantTimestamps() {
    return features.stream().anyMatch(f -> f.avroType() == AvroType.TIMESTAMP_FROM_INSTANT);
  }

  /**
   * One declared window, in milliseconds.
   *
   * @param explicitLabel the {@code label} the user gave, or {@code null} for the default
   */
  record WindowModel(long sizeMillis, long slideMillis, boolean tumbling, String explicitLabel) {
    /** What replaces {@code {window}}: the explicit label, else the size as the runtime has it. */
    String label() {
      return explicitLabel != null ? explicitLabel : Durations.label(sizeMillis);
    }
  }

  /** How the source's event time is read. */
  record EventTimeModel(SourceAccess access, boolean instant) {}

  /**
   * A field of a generated data class (input record or accumulator).
   *
   * @param doc what the field holds, for the generated Javadoc; {@code null} for none
   */
  record DataField(String name, ValueType type, String doc) {
    DataField(String name, ValueType type) {
      this(name, type, null);
    }

    DataField withDoc(String newDoc) {
      return new DataField(name, type, newDoc);
    }
  }

  /**
   * A source field copied into the input record.
   *
   * @param name the input record's field, the source field's name unless that is taken
   * @param sourceName the source field's name
   */
  record InputField(String name, String sourceName, ValueType type, SourceAccess access) {
    /** The input record field holding the event time in epoch milliseconds. */
    static final String EVENT_TIME = "eventTimeMillis";
  }

  /**
   * How a source field is read: a field, a no-argument accessor method, or a static method of
   * {@code owner} (the feature class) taking the event, for derived inputs and filters.
   */
  record SourceAccess(String member, boolean method, ClassName owner) {
    SourceAccess(String member, boolean method) {
      this(member, method, null);
    }
  }

  /** How the generated code stores a feature in the Avro record. */
  enum AvroType {
    STRING("STRING"),
    INT("INT"),
    LONG("LONG"),
    FLOAT("FLOAT"),
    DOUBLE("DOUBLE"),
    BOOLEAN("BOOLEAN"),
    /** A {@code List}, as an array of {@code ["null", T]} items (Hopsworks' {@code array<T>}). */
    ARRAY("ARRAY"),
    /** An {@code Instant}, as {@code long timestamp-micros}. */
    TIMESTAMP_FROM_INSTANT("LONG"),
    /** A {@code long} of epoch milliseconds, as {@code long timestamp-micros}. */
    TIMESTAMP_FROM_MILLIS("LONG");

    private final String schemaType;

    AvroType(String schemaType) {
      this.schemaType = schemaType;
    }

    /** The {@code Schema.Type} constant of the union's non-null branch. */
    String schemaType() {
      return schemaType;
    }

    boolean isTimestamp() {
      return this == TIMESTAMP_FROM_INSTANT || this == TIMESTAMP_FROM_MILLIS;
    }
  }
}
