-- expect: ok
-- A sink writes bare datums with the schema derived from its columns.
CREATE TABLE orders_out (id BIGINT, amount DOUBLE) WITH (
    connector = 'kafka',
    connection_profile = 'local-kafka',
    topic = 'orders-out',
    type = 'sink',
    format = 'avro',
    avro.raw_datums = true
);
