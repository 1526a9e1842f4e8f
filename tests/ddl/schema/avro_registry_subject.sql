-- expect: ok
-- The schema comes from the registry subject `shop-orders-value` (`{topic}-value`).
CREATE TABLE orders WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    schema_registry.endpoint = 'http://registry:8081',
    topic = 'shop-orders',
    type = 'source',
    format = 'avro',
    avro.confluent_schema_registry = true
);
