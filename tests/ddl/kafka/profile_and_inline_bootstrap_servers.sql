-- expect: error option::set_by_profile
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'production-kafka',
    bootstrap_servers = 'localhost:9092',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
