-- expect: error option::missing
-- No schema and no columns: nothing says what to decode into.
CREATE TABLE orders WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'avro'
);
