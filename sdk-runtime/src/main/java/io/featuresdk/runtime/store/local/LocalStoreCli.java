package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Inspects a local feature store from the command line, also while a job writes to it.
 *
 * <pre>
 * java -cp ... io.featuresdk.runtime.store.local.LocalStoreCli feature-store
 * java -cp ... io.featuresdk.runtime.store.local.LocalStoreCli feature-store --group eth_usd_price_5m --online
 * </pre>
 *
 * Without {@code --group} it lists the groups with their row counts; with it, it prints rows as
 * JSON lines (offline rows by default, the latest row per key with {@code --online}).
 */
public final class LocalStoreCli {
  static final String USAGE =
      "usage: LocalStoreCli <store-dir> [--group NAME] [--version N] [--online] [--limit N]\n"
          + "  without --group: list feature groups with their offline and online row counts\n"
          + "  --group NAME     print the rows of one group as JSON lines\n"
          + "  --version N      the group version (default: the highest registered)\n"
          + "  --online         print the latest row per primary key instead of all offline rows\n"
          + "  --limit N        print at most N rows";

  private LocalStoreCli() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command; returns the process exit status (0 ok, 1 failure, 2 bad arguments). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (!Files.isDirectory(options.root)) {
      err.println("error: " + options.root + " is not a directory");
      err.println(USAGE);
      return 2;
    }
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(options.root)) {
      if (options.group == null) {
        listGroups(reader, out);
      } else {
        printRows(reader, options, out);
      }
      out.flush();
      return 0;
    } catch (RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static void listGroups(LocalFeatureStoreReader reader, PrintStream out) {
    List<FeatureGroupTarget> groups = reader.groups();
    if (groups.isEmpty()) {
      out.println("no feature groups");
      return;
    }
    out.printf("%-40s %7s %7s %12s %12s%n", "group", "version", "online", "offline_rows",
        "online_rows");
    for (FeatureGroupTarget group : groups) {
      long offline = reader.countOffline(group.name(), group.version());
      String online =
          group.online() ? Long.toString(reader.countOnline(group.name(), group.version())) : "-";
      out.printf("%-40s %7d %7s %12d %12s%n", group.name(), group.version(), group.online(),
          offline, online);
    }
  }

  private static void printRows(LocalFeatureStoreReader reader, Options options, PrintStream out) {
    int version = options.version > 0 ? options.version : latestVersion(reader, options.group);
    Collection<GenericRecord> rows =
        options.online
            ? reader.readOnline(options.group, version).values()
            : reader.readOffline(options.group, version);
    long printed = 0;
    for (GenericRecord row : rows) {
      if (printed++ >= options.limit) {
        break;
      }
      out.println(GenericData.get().toString(row));
    }
  }

  private static int latestVersion(LocalFeatureStoreReader reader, String group) {
    return reader.groups().stream()
        .filter(g -> g.name().equals(group))
        .mapToInt(FeatureGroupTarget::version)
        .max()
        .orElseThrow(() -> new IllegalArgumentException("no feature group named " + group));
  }

  private static final class Options {
    Path root;
    String group;
    int version;
    boolean online;
    long limit = Long.MAX_VALUE;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--group" -> options.group = value(args, ++i, arg);
          case "--version" -> options.version = positive(value(args, ++i, arg), arg);
          case "--online" -> options.online = true;
          case "--limit" -> options.limit = positive(value(args, ++i, arg), arg);
          case "-h", "--help" -> throw new IllegalArgumentException("help requested");
          default -> {
            if (arg.startsWith("-") || options.root != null) {
              throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            options.root = Path.of(arg);
          }
        }
      }
      if (options.root == null) {
        throw new IllegalArgumentException("missing <store-dir>");
      }
      if (options.group == null && (options.online || options.version > 0)) {
        throw new IllegalArgumentException("--online and --version need --group");
      }
      return options;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int positive(String text, String option) {
      try {
        int value = Integer.parseInt(text);
        if (value > 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(option + " needs a positive integer, got '" + text + "'");
    }
  }
}
