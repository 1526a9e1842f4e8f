-- expect: error dialect::type dialect::option dialect::option dialect::option
-- migrates: filesystem sink json; rolling_policy.file_size = '128MB'; rolling_policy.interval = '30 min'
CREATE TABLE fs_sink (
  user_id STRING,
  order_amount DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///tmp/orders',
  'format' = 'json',
  'sink.rolling-policy.file-size' = '128MB',
  'sink.rolling-policy.rollover-interval' = '30 min',
  'sink.rolling-policy.check-interval' = '1 min'
);
