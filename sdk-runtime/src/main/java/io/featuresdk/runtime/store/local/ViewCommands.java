package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.OptionalDependency;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.local.view.FeatureChartPng;
import io.featuresdk.runtime.store.local.view.FeatureSeries;
import io.featuresdk.runtime.store.local.view.GroupSummary;
import io.featuresdk.runtime.store.local.view.StorePageServer;
import java.awt.Dimension;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code LocalStoreCli serve} and {@code LocalStoreCli chart}: the store as a web page, and a
 * group's features as a PNG.
 */
final class ViewCommands {
  static final String USAGE =
      "       LocalStoreCli serve <store-dir> [--port N] [--bind ADDRESS]\n"
          + "       LocalStoreCli chart <store-dir> --group NAME [--version N] [--key K] [--out FILE]\n"
          + "  serve            serve a read-only page of the store (groups, online rows, charts of\n"
          + "                   the offline rows) that follows a running job; Ctrl-C stops it\n"
          + "  --port N         the page's port (default " + Options.DEFAULT_PORT + "; 0: any free port)\n"
          + "  --bind ADDRESS   the address to listen on (default 127.0.0.1: this machine only)\n"
          + "  chart            draw the numeric features of one key of a group over event time\n"
          + "                   as a PNG, from the offline rows\n"
          + "  --key K          the primary key to draw (default: the group's first key)\n"
          + "  --out FILE       where to write the PNG (default: <group>.png)\n";

  private ViewCommands() {}

  static boolean handles(String[] args) {
    return args.length > 0 && (args[0].equals("serve") || args[0].equals("chart"));
  }

  /** Starts the store page for {@code serve} arguments; the caller keeps the process alive. */
  static StorePageServer serve(Options options) {
    return StorePageServer.start(options.root,
        new InetSocketAddress(options.bind, options.port), Clock.systemUTC());
  }

  /** Writes the PNG for {@code chart} arguments and says what it drew. */
  static void chart(Options options, PrintStream out) {
    OptionalDependency.STORE_CHART.check();
    Path file = options.out != null ? options.out : Path.of(options.group + ".png");
    try (LocalFeatureStoreReader store = LocalFeatureStoreReader.open(options.root)) {
      int version = options.version > 0
          ? options.version : LocalStoreCli.latestVersion(store, options.group);
      FeatureGroupTarget group = store.group(options.group, version);
      String key = options.key != null ? options.key : firstKey(store, group);
      FeatureSeries series = FeatureSeries.read(store, group, key);
      if (series.size() == 0) {
        throw new IllegalArgumentException("no offline rows of key '" + key + "' in " + group.name()
            + " v" + version + "; keys: " + GroupSummary.read(store, group).keys());
      }
      Dimension size = FeatureChartPng.write(series, file);
      out.printf("wrote %s: %d x %d px, key %s, %d rows from %s to %s, features %s%n", file,
          size.width, size.height, key, series.size(), series.times().get(0),
          series.times().get(series.size() - 1), String.join(", ", series.features().keySet()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String firstKey(LocalFeatureStoreReader store, FeatureGroupTarget group) {
    List<String> keys = GroupSummary.read(store, group).keys();
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "feature group " + group.name() + " v" + group.version() + " has no rows yet");
    }
    return keys.get(0);
  }

  /** The options of {@code serve} and {@code chart}. */
  static final class Options {
    static final int DEFAULT_PORT = 8090;

    final String command;
    Path root;
    int port = DEFAULT_PORT;
    String bind = "127.0.0.1";
    String group;
    int version;
    String key;
    Path out;

    private Options(String command) {
      this.command = command;
    }

    static Options parse(String[] args) {
      Options options = new Options(args[0]);
      boolean serve = options.command.equals("serve");
      for (int i = 1; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--port" -> options.port = port(value(args, ++i, arg));
          case "--bind" -> options.bind = value(args, ++i, arg);
          case "--group" -> options.group = value(args, ++i, arg);
          case "--version" -> options.version = LocalStoreCli.Options.positive(value(args, ++i, arg), arg);
          case "--key" -> options.key = value(args, ++i, arg);
          case "--out" -> options.out = Path.of(value(args, ++i, arg));
          default -> {
            if (arg.startsWith("-") || options.root != null) {
              throw new IllegalArgumentException(
                  "unexpected argument '" + arg + "' for " + options.command);
            }
            options.root = Path.of(arg);
          }
        }
        boolean serveOption = arg.equals("--port") || arg.equals("--bind");
        if (serveOption != serve && arg.startsWith("--")) {
          throw new IllegalArgumentException(arg + " does not go with " + options.command);
        }
      }
      if (options.root == null) {
        throw new IllegalArgumentException("missing <store-dir> after " + options.command);
      }
      if (!serve && options.group == null) {
        throw new IllegalArgumentException("chart needs --group NAME");
      }
      if (!Files.isDirectory(options.root)) {
        throw new IllegalArgumentException(options.root + " is not a directory; pass the directory "
            + "given to FeatureStores.local (the example's --store)");
      }
      return options;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int port(String text) {
      try {
        int port = Integer.parseInt(text);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("--port needs a number from 0 to 65535, got '" + text + "'");
    }
  }
}
