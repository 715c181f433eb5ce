package io.featuresdk.example.ethusd;

import java.util.ArrayList;
import java.util.List;

/**
 * How a run shows itself, kept apart from {@link PipelineOptions} like {@link StoreChoice}: the
 * progress line ({@code --quiet} turns it off), the Flink Web UI's port and the store page
 * ({@code --ui}). Parses its own options out of the command line and leaves the rest.
 *
 * @param quiet no progress lines
 * @param webUiPort the port of the Flink Web UI of a {@code java -jar} run; 0 for any free port
 * @param ui serve the local store's page while the job runs
 * @param uiPort the store page's port; 0 for any free port
 * @param remaining the arguments that are not these options
 */
record MonitorOptions(boolean quiet, int webUiPort, boolean ui, int uiPort, List<String> remaining) {
  static final int DEFAULT_WEB_UI_PORT = 8081;
  static final int DEFAULT_UI_PORT = 8090;

  static final String USAGE =
      String.join(
          "\n",
          "  --quiet                no progress line (printed every few seconds otherwise)",
          "  --web-ui-port N        port of the Flink Web UI of java -jar runs (default "
              + DEFAULT_WEB_UI_PORT + ", the next free one if taken; 0: any free port)",
          "  --ui                   serve the local store's page on 127.0.0.1 while the job runs,"
              + " and after a bounded run until Ctrl-C",
          "  --ui-port N            port of that page (default " + DEFAULT_UI_PORT + "; 0: any free port)");

  static MonitorOptions parse(List<String> args) {
    boolean quiet = false;
    int webUiPort = DEFAULT_WEB_UI_PORT;
    boolean ui = false;
    Integer uiPort = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--quiet" -> quiet = true;
        case "--web-ui-port" -> webUiPort = port(args, ++i, "--web-ui-port");
        case "--ui" -> ui = true;
        case "--ui-port" -> uiPort = port(args, ++i, "--ui-port");
        default -> rest.add(args.get(i));
      }
    }
    if (uiPort != null && !ui) {
      throw new IllegalArgumentException("--ui-port goes with --ui");
    }
    return new MonitorOptions(quiet, webUiPort, ui, uiPort == null ? DEFAULT_UI_PORT : uiPort, rest);
  }

  private static int port(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a port number");
    }
    String text = args.get(index);
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a port number from 0 to 65535, got " + text);
  }
}
