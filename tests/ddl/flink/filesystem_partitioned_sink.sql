-- expect: error dialect::option dialect::type dialect::option dialect::option
-- migrates: filesystem sink parquet; partitioning.fields = 'dt, hour'; rolling_policy.inactivity_interval = '5 min'
-- Flink's FileSystem page: a sink partitioned by two columns.
CREATE TABLE fs_table (
  user_id STRING,
  order_amount DOUBLE,
  dt STRING,
  `hour` STRING
) PARTITIONED BY (dt, `hour`) WITH (
  'connector' = 'filesystem',
  'path' = 's3://bucket/fs_table',
  'format' = 'parquet',
  'sink.rolling-policy.inactivity-interval' = '5 min',
  'sink.shuffle-by-partition.enable' = 'true'
);
