package io.featuresdk.runtime.source.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import io.featuresdk.runtime.source.recording.RecordingOptions;
import io.featuresdk.runtime.source.recording.ReplaySource;

/** {@link WebSocketSource} in MiniCluster jobs against a local WebSocket server. */
class WebSocketSourceITCase {

  private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  private static final String SUBSCRIBE = "{\"type\":\"subscribe\"}";

  /** Emits each message as is; "bad:*" and "worse" are malformed, "fatal:*" stops the stream. */
  private static final WebSocketMessageParser<String> PARSER = (message, out) -> {
    if (message.startsWith("bad:")) {
      throw new MalformedMessageException("bad", "starts with bad:");
    }
    if (message.equals("worse")) {
      throw new MalformedMessageException("worse", "is worse");
    }
    if (message.startsWith("fatal:")) {
      throw new FatalMessageException(message.substring("fatal:".length()));
    }
    out.collect(message);
  };

  @Test
  void boundedSourceDeliversEveryMessageInOrderWithParallelismTwo() throws Exception {
    List<String> messages = IntStream.range(0, 2000).mapToObj(i -> "m" + i).collect(Collectors.toList());
    try (LocalWebSocketServer server = new LocalWebSocketServer(
        (session, text) -> session.sendAllThenClose(messages, 1000))) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      List<String> collected = source(env, server, Boundedness.BOUNDED).executeAndCollect(10_000);
      assertEquals(messages, collected);
      assertEquals(List.of(SUBSCRIBE), server.received(), "subscription sent once, on open");
    }
  }

  @Test
  void malformedMessagesAreSkippedCountedPerKindAndTheirNeighboursDelivered() throws Exception {
    List<String> messages = List.of("ok-1", "bad:x", "ok-2", "bad:y", "worse", "ok-3");
    try (LocalWebSocketServer server = new LocalWebSocketServer(
        (session, text) -> session.sendAllThenClose(messages, 1000))) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      DataStream<String> stream = source(env, server, Boundedness.BOUNDED);
      List<String> collected = new ArrayList<>();
      JobID jobId;
      try (CloseableIterator<String> results = stream.collectAsync()) {
        JobClient job = env.executeAsync("malformed");
        jobId = job.getJobID();
        results.forEachRemaining(collected::add);
        job.getJobExecutionResult().get();
      }
      assertEquals(List.of("ok-1", "ok-2", "ok-3"), collected);
      assertEquals(2, counter(jobId, "parseErrors.bad"));
      assertEquals(1, counter(jobId, "parseErrors.worse"));
      assertEquals(6, counter(jobId, "messagesReceived"));
    }
  }

  @Test
  void fatalMessageFailsTheJobWithTheReason() throws Exception {
    try (LocalWebSocketServer server = new LocalWebSocketServer(
        (session, text) -> session.sendAllThenClose(List.of("ok", "fatal:subscription rejected"), 1000))) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      Exception failure = assertThrows(Exception.class,
          () -> source(env, server, Boundedness.BOUNDED).executeAndCollect(10));
      assertTrue(ExceptionUtils.findThrowableWithMessage(failure, "subscription rejected").isPresent(),
          () -> ExceptionUtils.stringifyException(failure));
    }
  }

  @Test
  void boundedSourceFailsWhenTheServerDropsTheConnection() throws Exception {
    try (LocalWebSocketServer server = new LocalWebSocketServer(
        (session, text) -> session.sendAllThenDrop(List.of("a"))) ) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      Exception failure = assertThrows(Exception.class,
          () -> source(env, server, Boundedness.BOUNDED).executeAndCollect(10));
      assertTrue(ExceptionUtils.findThrowableWithMessage(failure, "normal close").isPresent(),
          () -> ExceptionUtils.stringifyException(failure));
    }
  }

  @Test
  void unboundedSourceReconnectsAndResubscribesAfterTheServerDropsTheConnection() throws Exception {
    try (LocalWebSocketServer server = new LocalWebSocketServer((session, text) -> {
      if (session.index() == 1) {
        session.sendAllThenDrop(List.of("a1", "a2"));
      } else {
        List.of("b1", "b2", "b3").forEach(session::send); // and stay open: the test cancels the job
      }
    })) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      DataStream<String> stream = source(env, server, Boundedness.CONTINUOUS_UNBOUNDED);
      List<String> collected = new ArrayList<>();
      JobID jobId;
      try (CloseableIterator<String> results = stream.collectAsync()) {
        JobClient job = env.executeAsync("reconnect");
        jobId = job.getJobID();
        while (collected.size() < 5 && results.hasNext()) {
          collected.add(results.next());
        }
        job.cancel().get();
      }
      assertEquals(List.of("a1", "a2", "b1", "b2", "b3"), collected);
      assertEquals(List.of(SUBSCRIBE, SUBSCRIBE), server.received(), "resubscribed after reconnecting");
      assertEquals(2, server.connections());
      assertEquals(1L, gauge(jobId, "reconnects"));
    }
  }

  @Test
  void unboundedSourceReplacesAConnectionThatFallsSilent() throws Exception {
    try (LocalWebSocketServer server = new LocalWebSocketServer((session, text) -> {
      if (session.index() == 1) {
        session.send("a1"); // then silence, without closing: a dead connection
      } else {
        List.of("b1", "b2").forEach(session::send);
      }
    })) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      WebSocketSource<String> source = builder(server, Boundedness.CONTINUOUS_UNBOUNDED)
          .idleTimeout(Duration.ofMillis(300))
          .build();
      List<String> collected = new ArrayList<>();
      try (CloseableIterator<String> results =
          env.fromSource(source, WatermarkStrategy.noWatermarks(), "websocket").collectAsync()) {
        JobClient job = env.executeAsync("idle");
        while (collected.size() < 3 && results.hasNext()) {
          collected.add(results.next());
        }
        job.cancel().get();
      }
      assertEquals(List.of("a1", "b1", "b2"), collected);
      assertEquals(2, server.connections());
    }
  }

  private static final java.util.concurrent.atomic.AtomicBoolean FAILED_ONCE =
      new java.util.concurrent.atomic.AtomicBoolean();

  @Test
  void unboundedSourceReconnectsAndResubscribesWhenTheJobRestartsAfterAFailure() throws Exception {
    FAILED_ONCE.set(false);
    try (LocalWebSocketServer server = new LocalWebSocketServer((session, text) ->
        List.of("c" + session.index() + "-a", "c" + session.index() + "-b").forEach(session::send))) {
      Configuration conf = new Configuration();
      conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
      conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
          Duration.ZERO);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.configure(conf);
      env.setParallelism(1);
      // the collect iterator survives a restart only in a checkpointed job (else it reports "Job restarted")
      env.enableCheckpointing(50);
      DataStream<String> stream = source(env, server, Boundedness.CONTINUOUS_UNBOUNDED).map(message -> {
        if (message.equals("c1-b") && FAILED_ONCE.compareAndSet(false, true)) {
          throw new IllegalStateException("injected failure");
        }
        return message;
      });
      List<String> collected = new ArrayList<>();
      try (CloseableIterator<String> results = stream.collectAsync()) {
        JobClient job = env.executeAsync("restart");
        while (!collected.contains("c2-b") && results.hasNext()) {
          collected.add(results.next());
        }
        job.cancel().get();
      }
      assertTrue(FAILED_ONCE.get(), "the failure was injected");
      assertTrue(collected.containsAll(List.of("c2-a", "c2-b")), collected::toString);
      assertEquals(2, server.connections(), "the restarted reader opened a new connection");
      assertEquals(List.of(SUBSCRIBE, SUBSCRIBE), server.received(), "and subscribed again");
    }
  }

  @Test
  void recordedMessagesReplayIntoTheSameRecords(@TempDir java.nio.file.Path recordings) throws Exception {
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      messages.add(i % 50 == 7 ? "bad:" + i : "m" + i + " \"quoted\"\nline");
    }
    List<String> live;
    try (LocalWebSocketServer server = new LocalWebSocketServer(
        (session, text) -> session.sendAllThenClose(messages, 1000))) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      WebSocketSource<String> source = builder(server, Boundedness.BOUNDED)
          .record(RecordingOptions.in(recordings).rotateAtBytes(4_000).gzip(true))
          .build();
      live = env.fromSource(source, WatermarkStrategy.noWatermarks(), "websocket").executeAndCollect(10_000);
    }
    assertEquals(490, live.size());
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(recordings)) {
      assertTrue(files.filter(f -> f.toString().endsWith(".jsonl.gz")).count() > 1, "rotated gzip files");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<String> replayed = env.fromSource(ReplaySource.of(recordings, PARSER, String.class),
        WatermarkStrategy.noWatermarks(), "replay").executeAndCollect(10_000);
    java.util.Collections.sort(replayed, java.util.Comparator.comparingInt(s -> Integer.parseInt(s.split(" ")[0].substring(1))));
    assertEquals(live, replayed);
  }

  private static DataStream<String> source(StreamExecutionEnvironment env, LocalWebSocketServer server,
      Boundedness boundedness) {
    return env.fromSource(builder(server, boundedness).build(), WatermarkStrategy.noWatermarks(), "websocket");
  }

  private static WebSocketSource.Builder<String> builder(LocalWebSocketServer server, Boundedness boundedness) {
    return WebSocketSource.<String>builder()
        .uri(server.uri())
        .subscribeMessages(List.of(SUBSCRIBE))
        .parser(PARSER)
        .producedType(String.class)
        .boundedness(boundedness)
        .queueCapacity(64)
        .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100));
  }

  private static long counter(JobID jobId, String suffix) {
    return ((Counter) metric(jobId, suffix)).getCount();
  }

  private static Object gauge(JobID jobId, String suffix) {
    return ((Gauge<?>) metric(jobId, suffix)).getValue();
  }

  private static Metric metric(JobID jobId, String suffix) {
    Map<String, Metric> metrics = REPORTER.getMetricsByIdentifiers(jobId);
    List<Metric> matches = metrics.entrySet().stream()
        .filter(e -> e.getKey().endsWith("." + suffix))
        .map(Map.Entry::getValue)
        .collect(Collectors.toList());
    assertEquals(1, matches.size(), () -> "metrics ending with ." + suffix + " in " + metrics.keySet());
    return matches.get(0);
  }
}
