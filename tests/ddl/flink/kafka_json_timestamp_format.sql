-- expect: error dialect::type dialect::option dialect::option dialect::option
-- migrates: kafka sink json; json.timestamp_format = 'rfc3339'
CREATE TABLE events_out (
  id BIGINT,
  ts TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'events',
  'properties.bootstrap.servers' = 'broker:9092',
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601',
  'sink.delivery-guarantee' = 'at-least-once'
);
