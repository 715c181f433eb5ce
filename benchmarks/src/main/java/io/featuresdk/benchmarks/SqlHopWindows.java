package io.featuresdk.benchmarks;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * Variant (b): Flink SQL window TVF {@code HOP}, one aggregation per window (SQL cannot share
 * slices across window sizes), over the same timestamped stream and its watermarks. The planner's
 * defaults apply: mini-batch for window TVFs and two-phase (local-global) aggregation.
 */
final class SqlHopWindows {
  private SqlHopWindows() {}

  static void build(StreamExecutionEnvironment env, DataStream<Trade> timestamped, String sinkName) {
    build(env, timestamped, sinkName, new String[] {"5m", "10m", "60m"}, new long[] {300, 600, 3_600}, 60);
  }

  /** One HOP per {@code sizesSeconds[i]} (reported as {@code labels[i]}), all every {@code slideSeconds}. */
  static void build(StreamExecutionEnvironment env, DataStream<Trade> timestamped, String sinkName,
      String[] labels, long[] sizesSeconds, long slideSeconds) {
    StreamTableEnvironment tables = StreamTableEnvironment.create(env);
    tables.getConfig().set("table.local-time-zone", "UTC"); // windows aligned to the epoch
    Table trades =
        tables.fromDataStream(
            timestamped,
            Schema.newBuilder()
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                .watermark("rowtime", "SOURCE_WATERMARK()")
                .build());
    tables.createTemporaryView("trades", trades);
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < labels.length; i++) {
      if (sql.length() > 0) {
        sql.append(" UNION ALL ");
      }
      sql.append("SELECT '").append(labels[i]).append("' AS w, productId, window_end,")
          .append(" COUNT(*) AS trades, SUM(lastSize) AS volume, MIN(price) AS price_min,")
          .append(" MAX(price) AS price_max, AVG(price) AS price_avg")
          .append(" FROM TABLE(HOP(TABLE trades, DESCRIPTOR(rowtime), INTERVAL '")
          .append(slideSeconds).append("' SECOND(9), INTERVAL '")
          .append(sizesSeconds[i]).append("' SECOND(9)))")
          .append(" GROUP BY productId, window_start, window_end");
    }
    tables.toDataStream(tables.sqlQuery(sql.toString()))
        .map(new ToResult(), TypeInformation.of(ResultRow.class))
        .name("sql rows")
        .sinkTo(CollectingSink.<ResultRow>collecting(sinkName))
        .name("sink");
  }

  private static final class ToResult implements MapFunction<Row, ResultRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public ResultRow map(Row row) {
      LocalDateTime end = (LocalDateTime) row.getField(2);
      return new ResultRow(
          (String) row.getField(0),
          (String) row.getField(1),
          end.toInstant(ZoneOffset.UTC).toEpochMilli(),
          (Long) row.getField(3),
          (Double) row.getField(4),
          (Double) row.getField(5),
          (Double) row.getField(6),
          (Double) row.getField(7));
    }
  }
}
