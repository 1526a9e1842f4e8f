-- expect: error schema::column_mismatch
-- The fix replaces the type only: `NOT NULL` stays.
CREATE TABLE orders (
    id INT NOT NULL,
    amount DECIMAL(12, 2) NOT NULL
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.schema_file = 'shop-orders-value.avsc'
);
