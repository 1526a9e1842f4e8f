-- expect: ok +config
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'broker-1:9093',
    auth.type = 'sasl',
    auth.mechanism = 'PLAIN',
    auth.protocol = 'SASL_SSL',
    auth.username = '{{ KAFKA_USER }}',
    auth.password = '{{ KAFKA_PASSWORD }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
