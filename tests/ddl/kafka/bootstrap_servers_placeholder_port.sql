-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'broker-1:{{ KAFKA_PORT }}, broker-2:9092',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
