-- expect: ok
-- Each message is an Avro object container file carrying its writer's schema; the declared
-- columns are what is read from it (Arroyo accepts this table).
CREATE TABLE orders (id BIGINT, amount DOUBLE) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders',
    type = 'source',
    format = 'avro'
);
