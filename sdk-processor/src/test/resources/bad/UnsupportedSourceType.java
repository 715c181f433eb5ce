package test;

import io.featuresdk.annotations.*;
import java.math.BigDecimal;
import java.time.Instant;

@FeatureGroup(name = "orders_{window}", source = UnsupportedSourceType.Order.class,
    eventTime = "time")
@TumblingWindow(size = "1m")
public class UnsupportedSourceType {
  public static class Order {
    public String id;
    public Instant time;
    public BigDecimal amount;
  }

  @PrimaryKey String id;
  @WindowEnd Instant timestamp;
  @Sum("amount") Double total;
}
