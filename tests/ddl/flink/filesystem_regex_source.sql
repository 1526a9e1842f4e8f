-- expect: error dialect::type dialect::option
-- migrates: filesystem source json; source.regex_pattern = '.*\.json'
CREATE TABLE fs_source (
  user_id STRING,
  order_amount DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///tmp/orders',
  'format' = 'json',
  'source.path.regex-pattern' = '.*\.json'
);
