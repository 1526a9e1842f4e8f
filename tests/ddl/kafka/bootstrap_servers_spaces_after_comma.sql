-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'broker-1:9092, broker-2:9092, 10.0.0.7:9092',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
