-- expect: error dialect::type
-- migrates: filesystem source json; path = 'file:///data/orders'
-- A Flink script that queries a filesystem table: it is read.
CREATE TABLE fs_orders (
  order_id BIGINT,
  amount DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = 'file:///data/orders',
  'format' = 'json'
);

SELECT order_id, SUM(amount) FROM fs_orders GROUP BY order_id;
