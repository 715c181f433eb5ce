package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

/**
 * Written like the README's example: package-private fields, no getters or setters, an Instant;
 * so Flink's type extraction sees a generic type, not a POJO. A sliding and a tumbling window of
 * the same size, told apart by a label.
 */
@FeatureGroup(name = "card_spend_{window}", source = Payment.class, eventTime = "timeMillis")
@SlidingWindow(size = "10s", slide = "5s")
@TumblingWindow(size = "10s", label = "10s_tumbling")
public class CardSpend {
  @PrimaryKey(from = "card") String card;
  @WindowEnd Instant windowEnd;
  @Count long payments;
  @Sum("amount") double spend;
  @Max("tip") Double maxTip;
}
