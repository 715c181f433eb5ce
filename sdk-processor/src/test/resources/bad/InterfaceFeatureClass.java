package test;

import io.featuresdk.annotations.*;

@FeatureGroup(name = "prices", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public interface InterfaceFeatureClass {}
