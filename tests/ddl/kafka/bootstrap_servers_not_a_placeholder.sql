-- expect: error option::invalid_value
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    bootstrap_servers = '{{ kafka brokers }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
