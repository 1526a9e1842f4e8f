-- expect: error option::conflict
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'production-kafka',
    topic = 'orders',
    type = 'sink',
    format = 'json',
    json.include_schema = true,
    json.confluent_schema_registry = true
);
