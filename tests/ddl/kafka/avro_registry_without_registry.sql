-- expect: error option::conflict
CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.confluent_schema_registry = true
);
