package io.featuresdk.benchmarks;

import java.lang.reflect.Field;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The baseline the generated codec replaces: a reflective POJO → {@link GenericRecord} mapping
 * that, for every row, reads each schema field from the object by reflection (feature names are
 * the snake_case of field names), converts {@link Instant} to epoch microseconds and fills a new
 * record, as a generic client has to. The {@code Field} lookups are done once here, which favours
 * the baseline.
 */
final class ReflectiveAvro {
  private final Schema schema;
  private final Field[] fields;

  ReflectiveAvro(Class<?> type, Schema schema) {
    this.schema = schema;
    this.fields = new Field[schema.getFields().size()];
    for (Schema.Field avroField : schema.getFields()) {
      for (Field field : type.getDeclaredFields()) {
        if (snakeCase(field.getName()).equals(avroField.name())) {
          field.setAccessible(true);
          fields[avroField.pos()] = field;
        }
      }
      if (fields[avroField.pos()] == null) {
        throw new IllegalArgumentException("no field of " + type + " for " + avroField.name());
      }
    }
  }

  GenericRecord toRecord(Object pojo) {
    GenericRecord record = new GenericData.Record(schema);
    try {
      for (int i = 0; i < fields.length; i++) {
        Object value = fields[i].get(pojo);
        if (value instanceof Instant instant) {
          value = Math.addExact(
              Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
        }
        record.put(i, value);
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return record;
  }

  static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
