-- expect: error type::decimal_range
-- A rejected type is reported once: no follow-on comparison with the schema.
CREATE TABLE orders (
    id BIGINT NOT NULL,
    amount DECIMAL(40, 2) NOT NULL
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.schema_file = 'shop-orders-value.avsc'
);
