-- expect: error dialect::type dialect::unsupported
-- migrates: no, a filesystem source here does not watch the directory
CREATE TABLE fs_source (
  user_id STRING
) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///tmp/orders',
  'format' = 'json',
  'source.monitor-interval' = '10 s'
);
