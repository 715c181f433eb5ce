package io.featuresdk.example.ethusd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The command line, checked before anything starts. */
record PipelineOptions(
    boolean live, List<String> products, Duration offlineSpan, Path store, boolean help, Path record,
    Path replay, Path checkpoints, boolean fresh, Duration checkpointInterval) {

  /** The largest {@code --hours}: a year of generated event time. */
  static final int MAX_HOURS = 24 * 366;

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar example-eth-usd.jar [--live] [--products ETH-USD,...] [--hours N]"
              + " [--store DIR] [--record DIR | --replay DIR] [--checkpoints DIR] [--fresh]"
              + " [--checkpoint-interval S]",
          "  --live        read Coinbase's public feed (" + CoinbaseFeed.LIVE_URI + ")"
              + " until cancelled",
          "  --products    Coinbase product ids, comma separated (default ETH-USD)",
          "  --hours       hours of event time the offline feed serves, 1 to " + MAX_HOURS + " (default 6)",
          "  --store       local feature store directory (default feature-store)",
          "  --record      also write the raw WebSocket messages to DIR (JSON lines, gzip, a new file"
              + " every hour)",
          "  --replay      backfill from recordings in DIR (made with --record) instead of a WebSocket"
              + " feed; ends at the end of the recordings",
          "  --checkpoints where checkpoints are kept, to resume a crashed or cancelled run by running"
              + " the same command again (default <store>/checkpoints)",
          "  --fresh       start over instead of resuming from the latest checkpoint (deletes the"
              + " retained checkpoints)",
          "  --checkpoint-interval  seconds between checkpoints, 1 to 3600 (default 10): rows are"
              + " committed at checkpoints, and a crash recomputes the input since the last one");

  static PipelineOptions parse(String[] args) {
    boolean live = false;
    boolean help = false;
    List<String> products = List.of("ETH-USD");
    Duration span = Duration.ofHours(6);
    Path store = Path.of("feature-store");
    Path record = null;
    Path replay = null;
    Path checkpoints = null;
    boolean fresh = false;
    Duration checkpointInterval = EthUsdFeaturePipeline.CHECKPOINT_INTERVAL;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--live" -> live = true;
        case "--help", "-h" -> help = true;
        case "--products" -> products = List.of(value(args, ++i, "--products").split(","));
        case "--hours" -> span = Duration.ofHours(wholeNumber(value(args, ++i, "--hours"), "--hours", MAX_HOURS));
        case "--store" -> store = Path.of(value(args, ++i, "--store"));
        case "--record" -> record = Path.of(value(args, ++i, "--record"));
        case "--replay" -> replay = Path.of(value(args, ++i, "--replay"));
        case "--checkpoints" -> checkpoints = Path.of(value(args, ++i, "--checkpoints"));
        case "--fresh" -> fresh = true;
        case "--checkpoint-interval" -> checkpointInterval =
            Duration.ofSeconds(wholeNumber(value(args, ++i, "--checkpoint-interval"), "--checkpoint-interval", 3600));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    for (String product : products) {
      if (!product.matches("[A-Z0-9]+-[A-Z0-9]+")) {
        throw new IllegalArgumentException(
            "--products: '" + product + "' is not a Coinbase product id such as ETH-USD");
      }
    }
    if (replay != null && (live || record != null)) {
      throw new IllegalArgumentException(
          "--replay reads recordings instead of a WebSocket feed: it cannot be combined with --live or --record");
    }
    return new PipelineOptions(live, products, span, store, help, record, replay,
        checkpoints != null ? checkpoints : store.resolve("checkpoints"), fresh, checkpointInterval);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int wholeNumber(String text, String option, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the option's rules
    }
    throw new IllegalArgumentException(option + " must be a whole number from 1 to " + max + ", got " + text);
  }
}
