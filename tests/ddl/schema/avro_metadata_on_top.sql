-- expect: ok
-- Without physical columns the schema supplies them; metadata and generated columns are added.
CREATE TABLE orders (
    kafka_partition INT METADATA FROM 'partition',
    big_order BOOLEAN GENERATED ALWAYS AS (amount > 1000)
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.schema_file = 'shop-orders-value.avsc'
);
