package io.featuresdk.example.ethusd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The command line, checked before anything starts. */
record PipelineOptions(
    boolean live, List<String> products, Duration offlineSpan, Path store, boolean help, Path record,
    Path replay) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar example-eth-usd.jar [--live] [--products ETH-USD,...] [--hours N]"
              + " [--store DIR] [--record DIR | --replay DIR]",
          "  --live        read Coinbase's public feed (" + CoinbaseFeed.LIVE_URI + ")"
              + " until cancelled",
          "  --products    Coinbase product ids, comma separated (default ETH-USD)",
          "  --hours       hours of event time the offline feed serves (default 6)",
          "  --store       local feature store directory (default feature-store)",
          "  --record      also write the raw WebSocket messages to DIR (JSON lines, gzip, a new file"
              + " every hour)",
          "  --replay      backfill from recordings in DIR (made with --record) instead of a WebSocket"
              + " feed; ends at the end of the recordings");

  static PipelineOptions parse(String[] args) {
    boolean live = false;
    boolean help = false;
    List<String> products = List.of("ETH-USD");
    Duration span = Duration.ofHours(6);
    Path store = Path.of("feature-store");
    Path record = null;
    Path replay = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--live" -> live = true;
        case "--help", "-h" -> help = true;
        case "--products" -> products = List.of(value(args, ++i, "--products").split(","));
        case "--hours" -> span = Duration.ofHours(positiveInt(value(args, ++i, "--hours")));
        case "--store" -> store = Path.of(value(args, ++i, "--store"));
        case "--record" -> record = Path.of(value(args, ++i, "--record"));
        case "--replay" -> replay = Path.of(value(args, ++i, "--replay"));
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
    return new PipelineOptions(live, products, span, store, help, record, replay);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int positiveInt(String text) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the option's rules
    }
    throw new IllegalArgumentException("--hours must be a positive whole number, got " + text);
  }
}
