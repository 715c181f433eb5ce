package io.featuresdk.example.ethusd;

import io.featuresdk.runtime.source.websocket.FatalMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Coinbase answered to the subscription of one connection. Coinbase answers a partly invalid subscription
 * with an {@code error} for the invalid part, then a {@code subscriptions} acknowledgement of the valid products,
 * and streams those: so an error is held until the acknowledgement and is fatal only if nothing was subscribed.
 */
final class CoinbaseSubscription {

  private static final Logger LOG = LoggerFactory.getLogger(CoinbaseSubscription.class);

  /** An error reply not yet followed by an acknowledgement. */
  private String pendingError;
  private boolean acknowledged;

  /** A new connection: nothing answered yet. */
  void reset() {
    pendingError = null;
    acknowledged = false;
  }

  void error(String message, String reason) {
    String error = "Coinbase replied with an error: " + (message == null ? "(no message)" : message)
        + (reason == null ? "" : ": " + reason);
    if (acknowledged) {
      LOG.warn("{}; the subscription stays as acknowledged", error);
    } else {
      pendingError = error;
    }
  }

  /**
   * An acknowledgement listing {@code products} product ids (over all channels).
   *
   * @throws FatalMessageException if an error preceded it and it lists no product
   */
  void acknowledged(int products) throws FatalMessageException {
    if (pendingError != null && products == 0) {
      throw new FatalMessageException(pendingError + ". Nothing is subscribed: check the product ids and channels.");
    }
    if (pendingError != null) {
      LOG.warn("{}; streaming the {} acknowledged product(s) only", pendingError, products);
      pendingError = null;
    }
    acknowledged = true;
  }

  /** @throws FatalMessageException if an error is still waiting for its acknowledgement */
  void inputEnded() throws FatalMessageException {
    if (pendingError != null) {
      throw new FatalMessageException(pendingError + ". No subscription was acknowledged: check the product ids"
          + " and channels.");
    }
  }
}
