-- expect: error dialect::type dialect::option dialect::option dialect::option
-- migrates: kafka source raw_string; source.group_id = 'testGroup'
-- Flink's Raw format page; its one column is named `value` here.
CREATE TABLE nginx_log (
  `value` STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'nginx_log',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'testGroup',
  'format' = 'raw'
);
