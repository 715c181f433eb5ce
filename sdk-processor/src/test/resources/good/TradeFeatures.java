package test;

import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.First;
import io.featuresdk.annotations.Last;
import io.featuresdk.annotations.Max;
import io.featuresdk.annotations.Min;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.Sum;
import io.featuresdk.annotations.TumblingWindow;
import io.featuresdk.annotations.WindowEnd;

@FeatureGroup(name = "trades_{window}", version = 2, source = Trade.class, eventTime = "tsMillis",
    online = false)
@TumblingWindow(size = "1h")
public class TradeFeatures {
  @PrimaryKey String venue;
  @PrimaryKey(from = "symbolId", name = "symbol") int symbolId;
  @WindowEnd long windowEnd;
  @Count int trades;
  @Sum("qty") Long totalQty;
  @Sum("notional") Double notional;
  @Min("qty") Long minQty;
  @Max("qty") Integer maxQty;
  @First("side") String firstSide;
  @Last("qty") Integer lastQty;
}
