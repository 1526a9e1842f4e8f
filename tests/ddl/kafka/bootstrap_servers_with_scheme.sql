-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'PLAINTEXT://broker-1:9092',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
