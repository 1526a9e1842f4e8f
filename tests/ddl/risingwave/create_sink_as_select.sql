-- expect: error dialect::statement dialect::option
-- migrates: kafka sink json; topic = 'big_orders'
CREATE SINK big_orders_sink AS
SELECT order_id, amount FROM orders WHERE amount > 100
WITH (
   connector='kafka',
   properties.bootstrap.server='localhost:9092',
   topic='big_orders'
) FORMAT PLAIN ENCODE JSON;
