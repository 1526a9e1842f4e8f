-- expect: error option::set_by_profile
CREATE TABLE orders (id BIGINT) WITH (
    connector = 'kafka',
    connection_profile = 'production-kafka',
    auth.password = '{{ KAFKA_PASSWORD }}',
    topic = 'orders',
    type = 'source',
    format = 'json'
);
