-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'production-kafka',
    topic = 'orders',
    type = 'source',
    format = 'json',
    json.confluent_schema_registry = true,
    value.subject = 'com.example.Order'
);
