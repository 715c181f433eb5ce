package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class InheritedFeatures extends InheritedFeatures.Base {
  @WindowEnd Instant timestamp;

  /** Features declared here are not read. */
  public static class Base {
    @PrimaryKey(from = "productId") String ticker;
    @Count long trades;
  }
}
