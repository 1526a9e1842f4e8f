-- expect: error dialect::statement dialect::option
-- migrates: no, registry credentials are written as `schema_registry.api_key` / `api_secret` here, best as placeholders
-- RisingWave's Avro with an authenticated schema registry: the password never shows.
CREATE SOURCE IF NOT EXISTS orders_avro
WITH (
   connector='kafka',
   topic='shop-orders',
   properties.bootstrap.server='localhost:9092'
)
FORMAT PLAIN ENCODE AVRO (
   schema.registry = 'http://127.0.0.1:8081',
   schema.registry.username = 'registry-user',
   schema.registry.password = 'Regi5try-Pa55word'
);
