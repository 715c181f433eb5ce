package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failover of the example's pipeline on the offline feed: JobManager + 2 TaskManagers, parallelism 2, one TaskManager terminated
 * after a completed checkpoint and a replacement started. The restored WebSocket reader gives its checkpointed
 * trade ids back to the parser and asks the offline feed to resume after them, so
 * <ul>
 *   <li>the trades the source delivered, counted in checkpointed keyed state, are exactly the generated ones,
 *       each once;</li>
 *   <li>the offline store holds every (key, window end) exactly once, equal to the brute-force oracle over the
 *       generated events.</li>
 * </ul>
 * The second needs the window operator never to re-fire a window after a restore as well.
 */
class OfflineFeedFailoverITCase {

  private static final List<String> PRODUCTS = List.of("ETH-USD", "BTC-USD");
  /** Trade ids per product as delivered, written at the end of the input from checkpointed state (last attempt wins). */
  private static final Map<String, List<Long>> DELIVERED = new ConcurrentHashMap<>();
  private static final CountDownLatch CHECKPOINT_COMPLETED = new CountDownLatch(1);
  private static final AtomicInteger HIGHEST_ATTEMPT = new AtomicInteger();

  @Test
  void aTaskManagerLostAfterACheckpointNeitherLosesNorRepeatsATrade(@TempDir Path store) throws Exception {
    TickerGenerator generator = TickerGenerator.defaults().withSpan(Duration.ofHours(3)); // lean for CI
    int resumed;
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    MiniClusterConfiguration cluster = new MiniClusterConfiguration.Builder()
        .setConfiguration(conf).setNumTaskManagers(2).setNumSlotsPerTaskManager(1).build();
    try (MiniCluster miniCluster = new MiniCluster(cluster);
        OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start(generator)) {
      miniCluster.start();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(2);
      env.enableCheckpointing(500); // often enough that the failure falls well inside the run
      // the example's pipeline (EthUsdFeaturePipeline.define), with the source's output also audited
      FeaturePipeline<Ticker, PriceFeatures> pipeline =
          FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
              .withInputCoverage(generator.start(), generator.start().plus(generator.span()));
      DataStream<Ticker> ticks = env.fromSource(CoinbaseFeed.source(feed.uri(), PRODUCTS, Boundedness.BOUNDED),
          pipeline.watermarkStrategy(), "coinbase ticker");
      pipeline.from(ticks).insertStream(FeatureStores.local(store));
      ticks.keyBy(Ticker::getProductId).process(new TradeIdAudit()).sinkTo(new DiscardingSink<>());
      JobGraph job = env.getStreamGraph().getJobGraph();

      JobID jobId = miniCluster.submitJob(job).get().getJobID();
      assertTrue(CHECKPOINT_COMPLETED.await(2, TimeUnit.MINUTES), "a checkpoint with delivered trades completed");
      miniCluster.terminateTaskManager(0).get();
      miniCluster.startTaskManager();
      JobResult result = miniCluster.requestJobResult(jobId).get(5, TimeUnit.MINUTES);
      assertTrue(result.isSuccess(), () -> "job failed: " + result.getSerializedThrowable()
          .map(failure -> ExceptionUtils.stringifyException(failure.deserializeError(getClass().getClassLoader())))
          .orElse("without a failure cause"));
      assertTrue(HIGHEST_ATTEMPT.get() >= 1, "the job was restored after losing the TaskManager");
      resumed = feed.resumedSubscriptions();
    }

    List<Ticker> served = generator.generate(PRODUCTS);
    assertEquals(tradeIdsPerProduct(served), new TreeMap<>(DELIVERED), "every trade delivered exactly once");

    List<BruteForceOracle.Event> events = BruteForceOracle.inArrivalOrder(served);
    FeatureGroupInfo info = PriceFeatures_FeatureGroup.instance().info();
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      for (WindowSpec window : info.windows()) {
        String group = info.groupName(window);
        List<PriceFeatures> offline =
            reader.readOffline(group, info.version(), PriceFeatures_FeatureGroup.instance().codec());
        Map<String, BruteForceOracle.Row> complete =
            BruteForceOracle.inside(
                BruteForceOracle.rows(events, window.sizeMillis(), window.slideMillis()),
                window.sizeMillis(),
                generator.start().toEpochMilli(),
                generator.start().plus(generator.span()).toEpochMilli());
        RowAssertions.assertMatches(group, complete, RowAssertions.byKeyAndEnd(offline));
      }
    }
    assertTrue(resumed >= 1, "the restored reader asked the feed to resume instead of dropping a replay");
  }

  private static Map<String, List<Long>> tradeIdsPerProduct(List<Ticker> tickers) {
    return new TreeMap<>(tickers.stream().collect(Collectors.groupingBy(Ticker::getProductId,
        Collectors.mapping(Ticker::getTradeId, Collectors.toList()))));
  }

  /**
   * Keeps the trade ids of each product in keyed (checkpointed) state and reports them once, when the input
   * has ended; also signals the first completed checkpoint and records restarts.
   */
  static final class TradeIdAudit extends KeyedProcessFunction<String, Ticker, String>
      implements CheckpointedFunction, CheckpointListener {
    /** Trades this subtask had seen when it took a checkpoint that must hold some: the kill comes after it. */
    private static final int TRADES_BEFORE_THE_FAILURE = 2_000;
    private transient ListState<Long> tradeIds;
    private transient long seen;
    private transient Map<Long, Long> seenAtCheckpoint;

    @Override
    public void open(OpenContext context) {
      tradeIds = getRuntimeContext().getListState(new ListStateDescriptor<>("tradeIds", Types.LONG));
      HIGHEST_ATTEMPT.accumulateAndGet(getRuntimeContext().getTaskInfo().getAttemptNumber(), Math::max);
    }

    @Override
    public void processElement(Ticker ticker, Context context, Collector<String> out) throws Exception {
      tradeIds.add(ticker.getTradeId());
      seen++;
      context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<String> out) throws Exception {
      List<Long> ids = new ArrayList<>();
      tradeIds.get().forEach(ids::add);
      // When the input ends before the kill, the lost attempt has reported already; the restored attempt,
      // replaying from the checkpoint, reports again and its report is the one that counts.
      DELIVERED.put(context.getCurrentKey(), ids);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      seenAtCheckpoint.put(context.getCheckpointId(), seen);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      seenAtCheckpoint = new ConcurrentHashMap<>();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (seenAtCheckpoint.getOrDefault(checkpointId, 0L) >= TRADES_BEFORE_THE_FAILURE) {
        CHECKPOINT_COMPLETED.countDown();
      }
    }
  }
}
