package com.example.quickstart;

import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.Max;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.Sum;
import io.featuresdk.annotations.TumblingWindow;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

/**
 * Spending per card over the last hour (every 10 minutes) and per calendar day (UTC): two feature
 * groups, {@code card_spend_1h} and {@code card_spend_1d}.
 */
@FeatureGroup(
    name = "card_spend_{window}",
    version = 1,
    source = Payment.class,
    eventTime = "timeMillis",
    maxOutOfOrderness = "1m",
    description = "Card spending over the last hour and per day")
@SlidingWindow(size = "1h", slide = "10m")
@TumblingWindow(size = "1d")
public class CardSpendFeatures {
  @PrimaryKey(from = "cardId")
  String cardId;

  @WindowEnd
  Instant windowEnd;

  @Count
  long payments;

  @Sum("amount")
  double spent;

  @Max("amount")
  double largest;
}
