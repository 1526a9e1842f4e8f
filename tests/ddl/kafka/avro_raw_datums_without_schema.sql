-- expect: error option::missing
-- Bare datums carry no schema: without the writer's schema they cannot be decoded.
CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.raw_datums = true
);
