-- expect: ok
-- Declared columns are checked against the schema; a subset is fine, and a nullable
-- column may read a non-null field.
CREATE TABLE orders (
    id BIGINT NOT NULL,
    amount DECIMAL(12, 2),
    placed_at TIMESTAMP(3) NOT NULL
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.schema_file = 'shop-orders-value.avsc'
);
