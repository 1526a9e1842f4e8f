-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = '{{ KAFKA_BROKERS }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
