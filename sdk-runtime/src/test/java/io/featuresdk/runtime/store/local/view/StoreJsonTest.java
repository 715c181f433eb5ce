package io.featuresdk.runtime.store.local.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** The store page's JSON of online rows with list features ({@code @LastN}, {@code @TopK}). */
class StoreJsonTest {

  @Test
  void listFeaturesAreJsonArraysOfTheirElements() {
    Schema prices = Schema.createArray(nullable(Schema.create(Schema.Type.DOUBLE)));
    Schema bands = Schema.createArray(nullable(Schema.create(Schema.Type.STRING)));
    Schema schema = SchemaBuilder.record("recent_1").fields()
        .name("user").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
        .name("last_prices").type(nullable(prices)).noDefault()
        .name("top_bands").type(nullable(bands)).noDefault()
        .endRecord();
    GenericRecord row = new GenericData.Record(schema);
    row.put("user", "a");
    row.put("last_prices", Arrays.asList(3001.5, null, Double.NaN));
    row.put("top_bands", null);
    FeatureGroupTarget group = new FeatureGroupTarget("recent", 1, schema.toString(),
        List.of("user"), "user", true, "recent values");

    assertEquals("[[\"a\",[3001.5,null,null],null]]",
        StoreJson.onlineRows(group, List.of(row)).get("rows").toString());
  }

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }
}
