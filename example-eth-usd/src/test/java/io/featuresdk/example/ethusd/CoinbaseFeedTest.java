package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.source.websocket.WebSocketSource;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class CoinbaseFeedTest {

  @Test
  void subscribesToTickerAndHeartbeatForTheProducts() {
    assertEquals("{\"type\":\"subscribe\",\"product_ids\":[\"ETH-USD\",\"BTC-USD\"],"
        + "\"channels\":[\"ticker\",\"heartbeat\"]}", CoinbaseFeed.subscribeMessage(List.of("ETH-USD", "BTC-USD")));
  }

  @Test
  void tickerIsAFlinkPojoSoItIsNotSerializedWithKryo() {
    assertTrue(TypeInformation.of(Ticker.class) instanceof PojoTypeInfo);
  }

  @Test
  void rejectsAnEmptyProductList() {
    assertThrows(IllegalArgumentException.class, () -> CoinbaseFeed.subscribeMessage(List.of()));
  }

  @Test
  void liveSourceIsUnboundedOnCoinbasesEndpoint() {
    WebSocketSource<Ticker> live = CoinbaseFeed.live("ETH-USD");
    assertEquals(Boundedness.CONTINUOUS_UNBOUNDED, live.getBoundedness());
    assertEquals("wss://ws-feed.exchange.coinbase.com", live.uri().toString());
    assertEquals(List.of(CoinbaseFeed.subscribeMessage(List.of("ETH-USD"))), live.subscribeMessages());
  }
}
