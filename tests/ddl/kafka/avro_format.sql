-- expect: ok +config
CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH (
    connector = 'kafka',
    connection_profile = 'production-kafka',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.confluent_schema_registry = true
);
