-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    auth.type = 'sasl_ssl',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
