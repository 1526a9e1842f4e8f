-- expect: error dialect::type dialect::option dialect::unsupported
-- migrates: no, Flink's fixed partitioner has no equivalent
CREATE TABLE orders_out (
  order_id BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders_out',
  'properties.bootstrap.servers' = 'broker:9092',
  'format' = 'json',
  'sink.partitioner' = 'fixed'
);
