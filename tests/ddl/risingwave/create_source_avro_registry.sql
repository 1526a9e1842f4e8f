-- expect: error dialect::statement dialect::option dialect::option
-- migrates: kafka source avro; avro.confluent_schema_registry = 'true'; schema_registry.endpoint = 'http://127.0.0.1:8081'
-- RisingWave's Kafka page: Avro with a schema registry (the topic is one whose subject the
-- test fixtures hold).
CREATE SOURCE IF NOT EXISTS orders_avro
WITH (
   connector='kafka',
   topic='shop-orders',
   properties.bootstrap.server='172.10.1.1:9090,172.10.1.2:9090',
   scan.startup.mode='latest'
)
FORMAT PLAIN ENCODE AVRO (
   schema.registry = 'http://127.0.0.1:8081'
);
