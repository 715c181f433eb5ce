package com.example.quickstart;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Computes {@link CardSpendFeatures} from a few payments into the local feature store, on Flink's
 * embedded MiniCluster, then prints the online row of each card and group.
 *
 * <p>Run it with {@code mvn -q compile exec:exec} (the store goes to {@code feature-store}), or
 * with a store directory as the only argument.
 */
public final class CardSpendJob {
  private CardSpendJob() {}

  public static void main(String[] args) throws Exception {
    Path store = Path.of(args.length > 0 ? args[0] : "feature-store");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1_000); // the local store commits on checkpoints
    DataStream<Payment> payments = env.fromData(samplePayments());
    FeatureStreams<CardSpendFeatures> features =
        FeaturePipeline.of(CardSpendFeatures_FeatureGroup.instance()).from(payments);
    features.insertStream(FeatureStores.local(store));
    env.execute("card spend features");

    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      for (WindowSpec window : features.windows()) {
        String group = features.groupName(window);
        Map<String, GenericRecord> latest = reader.readOnline(group, 1);
        latest.values().forEach(row -> System.out.println(describe(group, row)));
      }
    }
    System.out.println("Feature store: " + store.toAbsolutePath());
  }

  private static String describe(String group, GenericRecord row) {
    long endMicros = (Long) row.get("window_end");
    return String.format(
        "%s card %s, window ending %s: %d payments, %.2f spent, largest %.2f",
        group,
        row.get("card_id"),
        Instant.EPOCH.plusNanos(endMicros * 1_000),
        (Long) row.get("payments"),
        (Double) row.get("spent"),
        (Double) row.get("largest"));
  }

  private static List<Payment> samplePayments() {
    return List.of(
        payment("4000-0001", "bakery", 12.50, "2024-05-01T09:05:00Z"),
        payment("4000-0002", "airline", 99.99, "2024-05-01T09:10:00Z"),
        payment("4000-0001", "books", 40.00, "2024-05-01T09:20:00Z"),
        payment("4000-0001", "cafe", 7.50, "2024-05-01T09:55:00Z"),
        payment("4000-0001", "electronics", 250.00, "2024-05-01T11:30:00Z"),
        payment("4000-0002", "taxi", 5.01, "2024-05-01T23:50:00Z"));
  }

  private static Payment payment(String card, String merchant, double amount, String time) {
    return new Payment(card, merchant, amount, Instant.parse(time).toEpochMilli());
  }
}
