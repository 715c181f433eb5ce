package io.featuresdk.example.ethusd;

import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

/** A two-column primary key in feature order (venue, symbol), as in the fixture's composite_key.json. */
@FeatureGroup(name = "composite_key_{window}", version = 1, source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "5m", slide = "1m")
public class CompositeKeyFeatures {
  @PrimaryKey(from = "productId")
  String venue;

  @PrimaryKey(from = "tradeId")
  long symbol;

  @WindowEnd
  Instant timestamp;

  @Count
  long trades;

  /** A row with this key. */
  public static CompositeKeyFeatures of(String venue, long symbol) {
    CompositeKeyFeatures row = new CompositeKeyFeatures();
    row.venue = venue;
    row.symbol = symbol;
    return row;
  }

  public String getVenue() {
    return venue;
  }

  public long getSymbol() {
    return symbol;
  }

  public Instant getTimestamp() {
    return timestamp;
  }

  public long getTrades() {
    return trades;
  }
}
