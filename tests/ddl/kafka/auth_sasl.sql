-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'broker-1:9093',
    auth.type = 'sasl',
    auth.mechanism = 'SCRAM-SHA-512',
    auth.protocol = 'SASL_SSL',
    auth.username = 'orders-reader',
    auth.password = 'hunter2-not-shown',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
