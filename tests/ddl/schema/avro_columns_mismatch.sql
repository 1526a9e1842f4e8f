-- expect: error schema::column_mismatch schema::column_mismatch
CREATE TABLE orders (
    id INT NOT NULL,
    customer TEXT NOT NULL,
    custmer TEXT,
    amount DECIMAL(12, 2) NOT NULL
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'avro',
    avro.schema_file = 'shop-orders-value.avsc'
);
