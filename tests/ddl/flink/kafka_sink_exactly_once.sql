-- expect: error dialect::type dialect::option dialect::option dialect::option dialect::option
-- migrates: kafka sink json; sink.commit_mode = 'exactly_once'; bootstrap_servers = 'broker:9092'
-- A Flink Kafka sink with a delivery guarantee.
CREATE TABLE orders_out (
  order_id BIGINT,
  amount DECIMAL(10, 2)
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders_out',
  'properties.bootstrap.servers' = 'broker:9092',
  'format' = 'json',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'orders',
  'sink.parallelism' = '4'
);
