-- expect: error parse::syntax
-- Flink's computed column has no type; a connection table needs one.
CREATE TABLE orders (
    order_id BIGINT,
    price DOUBLE,
    quantity INT,
    total AS price * quantity
) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
