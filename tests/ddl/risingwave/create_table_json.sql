-- expect: error dialect::option dialect::option dialect::statement
-- migrates: kafka source json; bootstrap_servers = 'localhost:9092'; source.offset = 'earliest'
-- A RisingWave table over Kafka: it reads the topic.
CREATE TABLE IF NOT EXISTS orders (
   order_id int,
   amount double precision
)
WITH (
   connector='kafka',
   topic='orders',
   properties.bootstrap.server='localhost:9092',
   scan.startup.mode='earliest'
) FORMAT PLAIN ENCODE JSON;
