-- expect: error dialect::type dialect::unsupported dialect::option
-- migrates: no, Flink's CSV format has no equivalent here
CREATE TABLE fs_sink (
  user_id STRING
) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///tmp/orders',
  'format' = 'csv',
  'sink.rolling-policy.file-size' = '1MB'
);
