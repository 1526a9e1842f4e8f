-- expect: error option::conflict
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    schema_registry.api_key = '{{ REGISTRY_KEY }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
