package io.featuresdk.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowSpecTest {
  private static final WindowSpec SLIDING_DAY =
      WindowSpec.sliding(Duration.ofHours(24), Duration.ofHours(1));
  private static final WindowSpec TUMBLING_DAY = WindowSpec.tumbling(Duration.ofDays(1));

  private static FeatureGroupInfo info(WindowSpec... windows) {
    return new FeatureGroupInfo("card_spend_{window}", 1, "", true, List.of(windows),
        List.of("card"), "window_end", Duration.ZERO);
  }

  @Test
  void withoutALabelASlidingAndATumblingDayRenderTheSameName() {
    FeatureGroupInfo info = info(SLIDING_DAY, TUMBLING_DAY);

    assertEquals(info.groupName(SLIDING_DAY), info.groupName(TUMBLING_DAY));
  }

  @Test
  void aLabelReplacesTheWindowPlaceholder() {
    WindowSpec hourly = SLIDING_DAY.withLabel("24h_hourly");
    FeatureGroupInfo info = info(hourly, TUMBLING_DAY);

    assertEquals("card_spend_24h_hourly", info.groupName(hourly));
    assertEquals("card_spend_1d", info.groupName(TUMBLING_DAY));
  }

  @Test
  void windowsDifferingOnlyInTheirLabelAreDifferentWindows() {
    assertNotEquals(SLIDING_DAY, SLIDING_DAY.withLabel("24h_hourly"));
    assertEquals(SLIDING_DAY.withLabel("a"), SLIDING_DAY.withLabel("a"));
    assertEquals(SLIDING_DAY.withLabel("a").hashCode(), SLIDING_DAY.withLabel("a").hashCode());
  }

  @Test
  void aLabelThatCannotBePartOfAGroupNameIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> TUMBLING_DAY.withLabel("1 Day"));
  }
}
