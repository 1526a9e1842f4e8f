-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    schema_registry.endpoint = 'http://localhost:8081',
    schema_registry.api_key = 'orders-key',
    schema_registry.api_secret = 'hidden-registry-secret',
    topic = 'orders',
    type = 'source',
    format = 'json',
    json.confluent_schema_registry = true
);
