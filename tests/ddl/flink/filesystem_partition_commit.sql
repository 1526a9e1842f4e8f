-- expect: error dialect::option dialect::type dialect::unsupported
-- migrates: no, partitions are not committed here
-- Flink's FileSystem page, "Full Example".
CREATE TABLE fs_table (
  user_id STRING,
  order_amount DOUBLE,
  dt STRING,
  `hour` STRING
) PARTITIONED BY (dt, `hour`) WITH (
  'connector'='filesystem',
  'path'='file:///tmp/fs_table',
  'format'='parquet',
  'sink.partition-commit.delay'='1 h',
  'sink.partition-commit.policy.kind'='success-file'
);
