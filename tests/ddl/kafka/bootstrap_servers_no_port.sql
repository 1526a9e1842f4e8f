-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
