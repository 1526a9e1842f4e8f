-- expect: error option::conflict
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = 'localhost:9092',
    auth.type = 'none',
    auth.username = '{{ KAFKA_USER }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
