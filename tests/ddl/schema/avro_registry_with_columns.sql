-- expect: ok
-- No schema is registered for `payments-value` here, but the columns say what to decode.
CREATE TABLE payments (id TEXT, amount DOUBLE) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    schema_registry.endpoint = 'http://registry:8081',
    topic = 'payments',
    type = 'source',
    format = 'avro',
    avro.confluent_schema_registry = true
);
