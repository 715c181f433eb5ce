package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.local.view.StorePageServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.generic.GenericRecord;

/**
 * Inspects and maintains a local feature store from the command line, also while a job writes to
 * it (except {@code --compact} and {@code --in-progress --delete}: those want no job writing).
 *
 * <pre>
 * java -cp ... io.featuresdk.runtime.store.local.LocalStoreCli feature-store
 * java -cp ... io.featuresdk.runtime.store.local.LocalStoreCli feature-store --group eth_usd_price_5m --key ETH-USD
 * java -cp ... io.featuresdk.runtime.store.local.LocalStoreCli feature-store --in-progress
 * java -cp ... io.featuresdk.runtime.store.local.LocalStoreCli serve feature-store --port 8090
 * java -cp ... io.featuresdk.runtime.store.local.LocalStoreCli chart feature-store --group eth_usd_price_5m --out eth.png
 * </pre>
 */
public final class LocalStoreCli {
  static final String USAGE =
      "usage: LocalStoreCli <store-dir> [--group NAME [--version N] [--online] [--key K] [--limit N]]\n"
          + "       LocalStoreCli <store-dir> --in-progress [--delete]\n"
          + "       LocalStoreCli <store-dir> --compact [--group NAME [--version N]]\n"
          + ViewCommands.USAGE
          + "  without options: list feature groups with their offline and online row counts\n"
          + "  --group NAME     print the rows of one group as JSON lines, timestamps in ISO-8601 UTC:\n"
          + "                   offline, one row per primary key and window end (the latest write)\n"
          + "  --version N      the group version (default: the highest registered)\n"
          + "  --online         print the latest row per primary key instead of the offline rows,\n"
          + "                   with as_of: the newest event time it includes\n"
          + "  --key K          only the rows of primary key K (key values joined by ';', e.g. ETH-USD)\n"
          + "  --limit N        print at most N rows\n"
          + "  --in-progress    list offline files no checkpoint committed: a running job's, or left\n"
          + "                   by a run that crashed\n"
          + "  --delete         with --in-progress: delete them (only when no job writes to the store\n"
          + "                   and no crashed run will be resumed from a checkpoint)\n"
          + "  --compact        rewrite each group's (or --group's) offline files into one file with\n"
          + "                   one row per primary key and window end (only when no job writes)\n"
          + "  -h, --help       print this help";

  private LocalStoreCli() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command; returns the process exit status (0 ok, 1 failure, 2 bad arguments). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (ViewCommands.handles(args)) {
      return runView(args, out, err);
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
    if (!Files.isDirectory(options.root)) {
      err.println("error: " + options.root + " is not a directory; pass the directory given to "
          + "FeatureStores.local (the example's --store)");
      return 2;
    }
    try {
      if (options.inProgress) {
        inProgress(new OfflineMaintenance(options.root), options.delete, out);
      } else {
        try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(options.root)) {
          if (options.compact) {
            compact(reader, new OfflineMaintenance(options.root), options, out);
          } else if (options.group == null) {
            listGroups(reader, new OfflineMaintenance(options.root), out);
          } else {
            printRows(reader, options, out);
          }
        }
      }
      out.flush();
      return 0;
    } catch (RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static int runView(String[] args, PrintStream out, PrintStream err) {
    ViewCommands.Options options;
    try {
      options = ViewCommands.Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      if (options.command.equals("chart")) {
        ViewCommands.chart(options, out);
        return 0;
      }
      StorePageServer page = ViewCommands.serve(options);
      out.println("store page of " + options.root.toAbsolutePath() + ": " + page.uri()
          + " (read-only; Ctrl-C stops it)");
      out.flush();
      awaitInterrupt();
      page.close();
      return 0;
    } catch (RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** Serves until the process is stopped (Ctrl-C ends the JVM) or this thread is interrupted. */
  private static void awaitInterrupt() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void listGroups(LocalFeatureStoreReader reader, OfflineMaintenance maintenance,
      PrintStream out) {
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
    int hidden = maintenance.hiddenFiles().size();
    if (hidden > 0) {
      out.println(hidden + " offline file(s) in progress (a running job's, or left by a crashed "
          + "run): see --in-progress");
    }
  }

  private static void printRows(LocalFeatureStoreReader reader, Options options, PrintStream out) {
    int version = options.version > 0 ? options.version : latestVersion(reader, options.group);
    if (options.online) {
      List<OnlineRow> rows = options.key == null
          ? reader.online().readOnlineRowsWithCoverage(options.group, version)
          : reader.online().readOnlineRow(options.group, version, options.key).map(List::of).orElse(List.of());
      rows.stream().limit(options.limit).map(RowJson::format).forEach(out::println);
      return;
    }
    reader.group(options.group, version);
    Collection<GenericRecord> rows = options.key == null
        ? reader.offline().read(options.group, version)
        : reader.offline().read(options.group, version, options.key);
    rows.stream().limit(options.limit).map(RowJson::format).forEach(out::println);
  }

  private static void inProgress(OfflineMaintenance maintenance, boolean delete, PrintStream out) {
    List<OfflineMaintenance.HiddenFile> files = maintenance.hiddenFiles();
    if (files.isEmpty()) {
      out.println("no offline files in progress");
      return;
    }
    for (OfflineMaintenance.HiddenFile file : files) {
      out.printf("%s %d bytes, last written %s%n", file.path(), file.bytes(), file.modified());
    }
    if (delete) {
      out.println("deleted " + maintenance.deleteHiddenFiles() + " file(s)");
    } else {
      out.println(files.size() + " file(s) no checkpoint committed: a running job's, or left by a "
          + "crashed run (resuming that run from its checkpoint commits the ones it closed). "
          + "When neither applies, delete them with --in-progress --delete");
    }
  }

  private static void compact(LocalFeatureStoreReader reader, OfflineMaintenance maintenance,
      Options options, PrintStream out) {
    List<OfflineMaintenance.Compaction> done;
    if (options.group == null) {
      done = maintenance.compactAll();
    } else {
      int version = options.version > 0 ? options.version : latestVersion(reader, options.group);
      reader.group(options.group, version);
      done = List.of(maintenance.compact(options.group, version));
    }
    for (OfflineMaintenance.Compaction compaction : done) {
      out.println(compaction.files() == 0
          ? compaction.group() + ": nothing to compact"
          : compaction.group() + ": " + compaction.files() + " files -> 1 file, " + compaction.rows() + " rows");
    }
  }

  static int latestVersion(LocalFeatureStoreReader reader, String group) {
    List<FeatureGroupTarget> groups = reader.groups();
    Optional<FeatureGroupTarget> latest = groups.stream()
        .filter(g -> g.name().equals(group))
        .reduce((a, b) -> a.version() >= b.version() ? a : b);
    return latest
        .orElseThrow(() -> new IllegalArgumentException(
            "no feature group named " + group + "; known groups: "
                + (groups.isEmpty() ? "none"
                    : String.join(", ", groups.stream().map(g -> g.name() + " v" + g.version()).toList()))))
        .version();
  }

  static final class Options {
    Path root;
    String group;
    int version;
    boolean online;
    String key;
    long limit = Long.MAX_VALUE;
    boolean inProgress;
    boolean delete;
    boolean compact;
    boolean help;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--group" -> options.group = value(args, ++i, arg);
          case "--version" -> options.version = positive(value(args, ++i, arg), arg);
          case "--online" -> options.online = true;
          case "--key" -> options.key = value(args, ++i, arg);
          case "--limit" -> options.limit = positive(value(args, ++i, arg), arg);
          case "--in-progress" -> options.inProgress = true;
          case "--delete" -> options.delete = true;
          case "--compact" -> options.compact = true;
          case "-h", "--help" -> options.help = true;
          default -> {
            if (arg.startsWith("-") || options.root != null) {
              throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            options.root = Path.of(arg);
          }
        }
      }
      if (options.help) {
        return options;
      }
      if (options.root == null) {
        throw new IllegalArgumentException("missing <store-dir>");
      }
      boolean rowOptions = options.online || options.key != null || options.limit != Long.MAX_VALUE;
      if (options.group == null && (rowOptions || options.version > 0)) {
        throw new IllegalArgumentException("--online, --key, --limit and --version need --group");
      }
      if (options.delete && !options.inProgress) {
        throw new IllegalArgumentException("--delete goes with --in-progress");
      }
      if (options.inProgress && (options.group != null || options.compact)) {
        throw new IllegalArgumentException("--in-progress takes no --group or --compact");
      }
      if (options.compact && rowOptions) {
        throw new IllegalArgumentException("--compact takes no --online, --key or --limit");
      }
      return options;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    static int positive(String text, String option) {
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
