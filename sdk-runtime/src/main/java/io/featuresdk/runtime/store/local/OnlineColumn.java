package io.featuresdk.runtime.store.local;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.Utf8;

/**
 * One typed column of an online table: an Avro field (or a bookkeeping value) stored in SQLite's
 * own type, so any SQLite client reads plain numbers and text. Arrays of primitives (the
 * {@code @LastN}/{@code @FirstN} features) are {@code TEXT} holding a JSON array ({@code
 * [3001.5,3002.25]}, strings quoted, null elements {@code null}, non-finite numbers as the
 * strings {@code "NaN"}, {@code "Infinity"}), which any client can parse, e.g. SQLite's own
 * {@code json_extract}. Values come back as the Avro generic representation the field had
 * ({@link Utf8} strings, {@link ByteBuffer} bytes, {@link GenericData.Array} arrays), so a row
 * read from the table equals the row the job wrote.
 *
 * @param name the column name, the Avro field name
 * @param type the non-null Avro type of the values
 * @param nullable whether the field is a {@code ["null", T]} union
 */
record OnlineColumn(String name, Schema type, boolean nullable) {

  /** The column of one Avro field; fails for types that have no single SQLite column type. */
  static OnlineColumn of(Schema.Field field, String group) {
    Schema schema = field.schema();
    boolean nullable = false;
    if (schema.getType() == Schema.Type.UNION) {
      List<Schema> branches = schema.getTypes();
      List<Schema> values =
          branches.stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
      if (values.size() != 1) {
        throw unsupported(field, group);
      }
      nullable = branches.size() == 2;
      schema = values.get(0);
    }
    OnlineColumn column = new OnlineColumn(field.name(), schema, nullable);
    if (column.sqlType() == null) {
      throw unsupported(field, group);
    }
    return column;
  }

  /** A bookkeeping column (window end, as-of) of epoch microseconds. */
  static OnlineColumn micros(String name) {
    return new OnlineColumn(name, Schema.create(Schema.Type.LONG), false);
  }

  private static IllegalArgumentException unsupported(Schema.Field field, String group) {
    return new IllegalArgumentException(
        "feature group " + group + ": feature '" + field.name() + "' has Avro type "
            + field.schema() + ", which the local online store cannot put in one SQLite column; "
            + "use a primitive type (boolean, int, long, float, double, string, bytes), an array "
            + "of one of boolean, int, long, float, double, string, or a [\"null\", T] union of "
            + "those, or mark the group offline only");
  }

  /** The SQLite type name, or null if there is none for {@link #type}. */
  String sqlType() {
    return switch (type.getType()) {
      case BOOLEAN, INT, LONG -> "INTEGER";
      case FLOAT, DOUBLE -> "REAL";
      case STRING, ENUM -> "TEXT";
      case BYTES, FIXED -> "BLOB";
      case ARRAY -> JsonArrays.elementType(type) == null ? null : "TEXT";
      default -> null;
    };
  }

  /** The column name quoted for SQL, so feature names that are SQL keywords stay columns. */
  String quoted() {
    return '"' + name + '"';
  }

  /** The column's definition in CREATE TABLE. */
  String definition(boolean key) {
    return quoted() + " " + sqlType() + (nullable && !key ? "" : " NOT NULL");
  }

  /** Binds an Avro value (or null) to parameter {@code index}. */
  void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      if (!nullable) {
        throw new IllegalArgumentException("online column " + name + " cannot be null");
      }
      statement.setNull(index, Types.NULL);
      return;
    }
    switch (type.getType()) {
      case BOOLEAN -> statement.setInt(index, (Boolean) value ? 1 : 0);
      case INT -> statement.setInt(index, ((Number) value).intValue());
      case LONG -> statement.setLong(index, ((Number) value).longValue());
      case FLOAT, DOUBLE -> statement.setDouble(index, ((Number) value).doubleValue());
      case STRING, ENUM -> statement.setString(index, value.toString());
      case BYTES -> statement.setBytes(index, toArray((ByteBuffer) value));
      case FIXED -> statement.setBytes(index, ((GenericData.Fixed) value).bytes());
      case ARRAY -> statement.setString(index, JsonArrays.write((Collection<?>) value));
      default -> throw new IllegalStateException("no SQLite type for " + type);
    }
  }

  /** Reads column {@code index} back as the Avro value it was written from. */
  Object read(ResultSet row, int index) throws SQLException {
    Object value =
        switch (type.getType()) {
          case BOOLEAN -> row.getInt(index) != 0;
          case INT -> row.getInt(index);
          case LONG -> row.getLong(index);
          case FLOAT -> row.getFloat(index);
          case DOUBLE -> row.getDouble(index);
          case STRING -> textOrNull(row.getString(index));
          case ENUM -> enumOrNull(row.getString(index));
          case BYTES -> bytesOrNull(row.getBytes(index));
          case FIXED -> fixedOrNull(row.getBytes(index));
          case ARRAY -> arrayOrNull(row.getString(index));
          default -> throw new IllegalStateException("no SQLite type for " + type);
        };
    return row.wasNull() ? null : value;
  }

  /** Parses one part of a {@code ";"}-joined key given as text. */
  Object parseKeyPart(String text) {
    try {
      return switch (type.getType()) {
        case BOOLEAN -> Boolean.parseBoolean(text);
        case INT -> Integer.parseInt(text);
        case LONG -> Long.parseLong(text);
        case FLOAT -> Float.parseFloat(text);
        case DOUBLE -> Double.parseDouble(text);
        case STRING, ENUM -> text;
        default -> throw new IllegalArgumentException(
            "key column " + name + " of type " + type + " cannot be given as text; "
                + "pass the key parts as a list");
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "key part '" + text + "' is not a valid " + type.getType() + " for key column " + name,
          e);
    }
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static Utf8 textOrNull(String text) {
    return text == null ? null : new Utf8(text);
  }

  private GenericData.EnumSymbol enumOrNull(String text) {
    return text == null ? null : new GenericData.EnumSymbol(type, text);
  }

  private static ByteBuffer bytesOrNull(byte[] bytes) {
    return bytes == null ? null : ByteBuffer.wrap(bytes);
  }

  private GenericData.Array<Object> arrayOrNull(String json) {
    return json == null ? null : JsonArrays.read(json, type);
  }

  private GenericData.Fixed fixedOrNull(byte[] bytes) {
    return bytes == null ? null : new GenericData.Fixed(type, bytes);
  }
}
