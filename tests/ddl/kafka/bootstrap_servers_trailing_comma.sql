-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'broker-1:9092,broker-2:9092,',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
