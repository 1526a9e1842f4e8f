-- expect: error option::missing
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'broker-1:9093',
    auth.type = 'sasl',
    auth.mechanism = 'PLAIN',
    auth.protocol = 'SASL_SSL',
    auth.username = '{{ KAFKA_USER }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
