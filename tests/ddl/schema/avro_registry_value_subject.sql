-- expect: ok
CREATE TABLE orders_v2 WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    schema_registry.endpoint = 'http://registry:8081',
    topic = 'orders.v2',
    type = 'source',
    format = 'avro',
    avro.confluent_schema_registry = true,
    value.subject = 'shop-orders-value'
);
